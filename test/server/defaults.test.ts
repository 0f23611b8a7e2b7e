import { describe, expect, it } from "vitest";
import { harnessPerTest, transports } from "./harness";

describe.each(transports)("GET /customers/me/defaults (%s)", (transport) => {
  const setup = harnessPerTest(transport);

  it("tells the browser the name and email a create would fill in, without asking Ching", async () => {
    const { call, ching } = await setup({ handler: { identify: () => ({ userId: "u1", customerId: null, email: "tal@example.com", name: "Tal Levi" }) } });
    const answer = await call("/customers/me/defaults");
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ success: true, data: { name: "Tal Levi", email: "tal@example.com" } });
    expect(ching.callCount()).toBe(0);
  });

  it("answers null for what identify does not tell, and 401 to nobody", async () => {
    const { call } = await setup({ handler: { identify: () => ({ userId: "u1", customerId: null }) } });
    expect((await call("/customers/me/defaults")).json.data).toEqual({ name: null, email: null });
    const signedOut = await setup();
    expect((await signedOut.call("/customers/me/defaults", { user: null })).status).toBe(401);
  });
});
