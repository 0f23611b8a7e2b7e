import { describe, expect, it } from "vitest";
import { BillingPortalError } from "../../src/core/error";
import { placeServerError, schemaErrorKey } from "../../src/components/utils/errorKeys";

const conflict = (code: string) => new BillingPortalError({ status: 409, code, message: "taken" });

describe("where a failed save shows", () => {
  it("puts Ching's field conflicts on their field, from the table of codes", () => {
    expect(placeServerError(conflict("EMAIL_EXISTS")).fields).toEqual({ email: "form.error.email.exists" });
    expect(placeServerError(conflict("email_exists")).fields).toEqual({ email: "form.error.email.exists" });
    expect(placeServerError(conflict("TAX_ID_EXISTS")).fields).toEqual({ taxId: "form.error.taxId.exists" });
    expect(placeServerError(conflict("DUPLICATE_TAX_ID")).fields).toEqual({ taxId: "form.error.taxId.exists" });
  });

  it("shows any other conflict in the form's alert", () => {
    expect(placeServerError(conflict("CUSTOMER_HAS_ACTIVE_SUBSCRIPTION"))).toEqual({ fields: {}, form: "form.error.generic" });
  });

  it("words a name with control or text-direction characters as that, not as a missing name", () => {
    expect(schemaErrorKey("name", "custom")).toBe("form.error.name.characters");
    expect(schemaErrorKey("name", "too_small")).toBe("form.error.name.required");
  });
});
