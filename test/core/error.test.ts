import { describe, expect, it } from "vitest";
import { BillingPortalError, errorFromResponse, networkError, timeoutError } from "../../src/core/error";

describe("errorFromResponse", () => {
  it("reads Ching's documented envelope with issue paths as arrays", () => {
    const error = errorFromResponse(409, {
      success: false,
      error: { status: 409, code: "EMAIL_EXISTS", message: "Email exists", issues: [{ path: ["email"], message: "taken" }] },
    });
    expect(error).toBeInstanceOf(BillingPortalError);
    expect(error).toMatchObject({ status: 409, code: "EMAIL_EXISTS", message: "Email exists" });
    expect(error.issues).toEqual([{ path: ["email"], message: "taken" }]);
  });

  it("turns issue paths given as plain or dotted strings into arrays", () => {
    const error = errorFromResponse(400, {
      success: false,
      error: {
        status: 400,
        code: "INVALID_FIELD",
        message: "Invalid",
        issues: [
          { path: "phone", message: "bad phone" },
          { path: "metadata.plan", message: "bad plan" },
          { path: ["items", 0, "name"], message: "bad item" },
        ],
      },
    });
    expect(error.issues.map((issue) => issue.path)).toEqual([["phone"], ["metadata", "plan"], ["items", "0", "name"]]);
  });

  it("answers an empty issues array when the envelope has none", () => {
    const error = errorFromResponse(404, { success: false, error: { status: 404, code: "NOT_FOUND", message: "Not found" } });
    expect(error.issues).toEqual([]);
  });

  it("keeps a Hebrew message as it came", () => {
    const error = errorFromResponse(422, { success: false, error: { status: 422, code: "INVALID_FIELD", message: "מספר הטלפון אינו תקין" } });
    expect(error.message).toBe("מספר הטלפון אינו תקין");
    expect(error.code).toBe("INVALID_FIELD");
  });

  it("keeps a lowercase code opaque", () => {
    expect(errorFromResponse(402, { success: false, error: { status: 402, code: "charge_not_capturable", message: "x" } }).code).toBe(
      "charge_not_capturable",
    );
  });

  it("takes the HTTP status over the envelope's when they disagree", () => {
    expect(errorFromResponse(403, { success: false, error: { status: 401, code: "NO_ACCESS", message: "x" } }).status).toBe(403);
  });

  it("reads an error given as a plain string", () => {
    expect(errorFromResponse(500, { success: false, error: "boom" })).toMatchObject({ status: 500, message: "boom", code: "HTTP_500" });
  });

  it("reports an answer that is not JSON", () => {
    const error = errorFromResponse(502, undefined);
    expect(error).toMatchObject({ status: 502, code: "INVALID_RESPONSE", issues: [] });
    expect(error.message).toMatch(/not JSON/);
  });

  it("reports JSON without the envelope", () => {
    expect(errorFromResponse(200, { name: "Tal" })).toMatchObject({ status: 200, code: "INVALID_RESPONSE" });
  });

  it("fills a missing code and message from the status", () => {
    expect(errorFromResponse(500, { success: false, error: {} })).toMatchObject({ code: "HTTP_500", message: "Unexpected answer (HTTP 500)" });
  });
});

describe("network failures and timeouts", () => {
  it("are errors of status 0 with their own codes", () => {
    const cause = new TypeError("fetch failed");
    expect(networkError(cause)).toMatchObject({ status: 0, code: "NETWORK_ERROR", cause });
    expect(timeoutError(5000)).toMatchObject({ status: 0, code: "TIMEOUT", message: "No answer within 5000 ms" });
  });
});
