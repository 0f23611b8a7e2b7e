import { describe, expect, it } from "vitest";
import { contentTypeError, declaredSizeError, firstGuardError, methodError, originError } from "../../src/server/guards";
import { endpointSegments, invalidParameter, routeOf } from "../../src/server/routing";

const post = (headers: Record<string, string>) => new Request("https://shop.example/api/billing/customers", { method: "POST", headers });
const ORIGINS = new Set(["https://admin.shop.example"]);

describe("routing", () => {
  it("strips the base path, or finds the protocol by how the path ends", () => {
    expect(endpointSegments("/api/billing/customers/me", "/api/billing")).toEqual(["customers", "me"]);
    expect(endpointSegments("/elsewhere/customers", "/api/billing")).toBeNull();
    expect(endpointSegments("/api/billingX/customers", "/api/billing")).toBeNull();
    expect(endpointSegments("/anything/customers/me", undefined)).toEqual(["customers", "me"]);
    expect(routeOf("GET", "/api/billing/customers/me", "/api/billing")).toMatchObject({ name: "getMe" });
  });

  it("names a parameter that is not shaped like its id", () => {
    expect(invalidParameter({ customerId: "cus_V8ltq1pK_MWH" })).toBeUndefined();
    expect(invalidParameter({ customerId: "not-an-id" })).toBe("customerId");
    expect(invalidParameter({ somethingUnknown: "x" })).toBe("somethingUnknown");
  });
});

describe("the guards, pure and in the protocol's order", () => {
  it("refuse a method the path does not have with 405", () => {
    expect(methodError("DELETE", ["GET", "POST"])).toMatchObject({ status: 405, code: "METHOD_NOT_ALLOWED" });
    expect(methodError("GET", ["GET", "POST"])).toBeUndefined();
  });

  it("refuse a POST from a foreign origin only when origins are restricted", () => {
    const foreign = post({ origin: "https://evil.example" });
    expect(originError(foreign, "https://shop.example", undefined)).toBeUndefined();
    expect(originError(foreign, "https://shop.example", ORIGINS)).toMatchObject({ status: 403, code: "FORBIDDEN_ORIGIN" });
    expect(originError(post({ origin: "https://admin.shop.example" }), "https://shop.example", ORIGINS)).toBeUndefined();
    expect(originError(post({ "sec-fetch-site": "cross-site" }), "https://shop.example", ORIGINS)).toMatchObject({ status: 403 });
    expect(originError(post({}), "https://shop.example", ORIGINS)).toBeUndefined();
  });

  it("refuse a body that is not declared JSON, or declared too large", () => {
    expect(contentTypeError(post({ "content-type": "text/plain" }))).toMatchObject({ status: 415 });
    expect(contentTypeError(post({ "content-type": "application/merge-patch+json" }))).toBeUndefined();
    expect(declaredSizeError(post({ "content-length": "16385" }))).toMatchObject({ status: 413, code: "PAYLOAD_TOO_LARGE" });
    expect(declaredSizeError(post({ "content-length": "16384" }))).toBeUndefined();
  });

  it("answer the first failing check: method, then id, then origin, content type and size", () => {
    const bad = post({ origin: "https://evil.example", "content-type": "text/plain", "content-length": "99999" });
    const context = { allow: ["GET", "POST"] as const, invalidParameter: "customerId", ownOrigin: "https://shop.example", allowedOrigins: ORIGINS };
    expect(firstGuardError(bad, "PUT", context)?.status).toBe(405);
    expect(firstGuardError(bad, "POST", context)?.status).toBe(400);
    expect(firstGuardError(bad, "POST", { ...context, invalidParameter: undefined })?.status).toBe(403);
    expect(firstGuardError(bad, "POST", { ...context, invalidParameter: undefined, allowedOrigins: undefined })?.status).toBe(415);
    expect(firstGuardError(bad, "GET", { ...context, invalidParameter: undefined })).toBeUndefined();
  });
});
