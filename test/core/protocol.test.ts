import { describe, expect, it } from "vitest";
import { customerPath, CUSTOMERS_PATH, documentIdsOf, documentsPath, matchRoute, ME_PATH, ROUTES } from "../../src/core/protocol";

const segments = (path: string) => path.split("/").filter(Boolean);

describe("the protocol's route table", () => {
  it("finds every request of the table by its own path and method", () => {
    const concrete = (path: string) => path.replace(/:customerId/, "cus_V8ltq1pK_MWH");
    for (const route of ROUTES) {
      const match = matchRoute(route.method, segments(concrete(route.path)));
      expect(match, `${route.method} ${route.path}`).toMatchObject({ kind: "route", name: route.name });
    }
  });

  it("builds the paths the client calls, and each one routes back to its request", () => {
    expect(matchRoute("GET", segments(ME_PATH))).toMatchObject({ name: "getMe" });
    expect(matchRoute("POST", segments(CUSTOMERS_PATH))).toMatchObject({ name: "createCustomer" });
    expect(matchRoute("POST", segments(customerPath("cus_V8ltq1pK_MWH")))).toMatchObject({
      name: "updateCustomer",
      params: { customerId: "cus_V8ltq1pK_MWH" },
    });
  });

  it("never reads `me` as a customer id, and decodes parameters", () => {
    expect(matchRoute("GET", ["customers", "me"])).toMatchObject({ name: "getMe", params: {} });
    expect(matchRoute("GET", ["customers", "cus_a%2Fb"])).toMatchObject({ name: "getCustomer", params: { customerId: "cus_a/b" } });
    // An id cannot walk to another route: the builder encodes what would be a separator.
    expect(customerPath("../me")).toBe("/customers/..%2Fme");
    expect(matchRoute("GET", segments(customerPath("../me")))).toMatchObject({ params: { customerId: "../me" } });
  });

  it("answers a malformed escape as an empty parameter, for the id check to refuse", () => {
    expect(matchRoute("GET", ["customers", "%E0%A4%A"])).toMatchObject({ name: "getCustomer", params: { customerId: "" } });
  });

  it("tells a known path with another method from an unknown path", () => {
    expect(matchRoute("DELETE", ["customers", "me"])).toEqual({ kind: "method", allow: ["GET", "POST"] });
    expect(matchRoute("GET", ["customers", "me", "nothing"])).toBeNull();
    expect(matchRoute("GET", ["invoices"])).toBeNull();
    expect(matchRoute("GET", [])).toBeNull();
  });

  it("names several documents in one path's query, read back each once in the order named", () => {
    const path = documentsPath(["doc_TaxInvoice0001", "doc_Receipt00002"]);
    expect(path).toBe("/customers/me/documents?ids=doc_TaxInvoice0001,doc_Receipt00002");
    const url = new URL(path, "https://shop.example");
    expect(matchRoute("GET", segments(url.pathname))).toMatchObject({ kind: "route", name: "getDocuments", params: {} });
    expect(documentIdsOf(url.searchParams)).toEqual(["doc_TaxInvoice0001", "doc_Receipt00002"]);
    expect(documentIdsOf(new URLSearchParams("ids=doc_b0000000,doc_a0000000,doc_b0000000"))).toEqual(["doc_b0000000", "doc_a0000000"]);
    // No `ids` at all is told from an empty one (which names an empty id, for the id check to refuse).
    expect(documentIdsOf(new URLSearchParams(""))).toBeUndefined();
    expect(documentIdsOf(new URLSearchParams("ids="))).toEqual([""]);
    // A comma inside an id cannot be smuggled through: it separates ids again.
    expect(documentIdsOf(new URL(documentsPath(["doc_a,doc_b"]), "https://shop.example").searchParams)).toEqual(["doc_a", "doc_b"]);
  });
});
