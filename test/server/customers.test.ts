/** Ching's answers at the trust boundary: what is not a customer never reaches the browser. */
import { describe, expect, it } from "vitest";
import { chingCustomers } from "../../src/server/customers";

const TAL = {
  id: "cus_V8ltq1pK_MWH", object: "customer", name: "Tal Levi", email: "tal@example.com", phone: "+972501234567",
  locale: "he", taxId: null, metadata: {}, default_payment_method: null, livemode: false, created: "2026-04-19T09:12:43.000Z",
};

const answering = (data: unknown) => chingCustomers(async () => data);

describe("Ching's customers, checked", () => {
  it("pass a customer through as Ching sent it, fields we do not know included", async () => {
    const withExtra = { ...TAL, tags: ["vip"] };
    await expect(answering(withExtra).retrieve(TAL.id)).resolves.toEqual(withExtra);
  });

  it("answer a deleted customer as none", async () => {
    await expect(answering({ id: TAL.id, object: "customer", deleted: true }).retrieve(TAL.id)).resolves.toBeNull();
  });

  it("turn a 200 that is not a customer into 502 UPSTREAM_INVALID_RESPONSE", async () => {
    for (const data of [{ id: TAL.id }, { ...TAL, object: "charge" }, { ...TAL, name: 42 }, "ok", null, [TAL]]) {
      await expect(answering(data).retrieve(TAL.id), JSON.stringify(data)).rejects.toMatchObject({ status: 502, code: "UPSTREAM_INVALID_RESPONSE" });
    }
    await expect(answering({ id: TAL.id, object: "customer", deleted: true }).create({ name: "Tal" })).rejects.toMatchObject({ status: 502 });
  });

  it("check every customer of a list", async () => {
    await expect(answering([TAL, TAL]).list()).resolves.toHaveLength(2);
    await expect(answering([TAL, { id: "cus_x" }]).list()).rejects.toMatchObject({ status: 502 });
    await expect(answering({ data: [TAL] }).list()).rejects.toMatchObject({ status: 502 });
  });
});
