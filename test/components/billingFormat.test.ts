import { describe, expect, it } from "vitest";
import { brandLabel, refundKind, statusLabel } from "../../src/components/history/chargeLabels";
import { fillMessage } from "../../src/components/utils/fillMessage";
import { formatAmount } from "../../src/components/utils/formatAmount";
import { chargeStatuses } from "../../src/core/billing";
import { en, he } from "../../src/core/messages";

describe("formatAmount", () => {
  it("turns agorot into shekels in the UI's locale, without bidi marks", () => {
    expect(formatAmount(14_900, "ils", "en")).toBe("₪149.00");
    expect(formatAmount(14_900, "ils", "he")).toBe("149.00\u00a0₪");
    expect(formatAmount(120_000, "ILS", "en")).toBe("₪1,200.00");
    expect(formatAmount(5, "ils", "en")).toBe("₪0.05");
    expect(formatAmount(14_900, "ils", "he")).not.toMatch(/[\u200e\u200f]/);
  });
});

describe("fillMessage", () => {
  it("fills named placeholders and leaves unknown ones visible", () => {
    expect(fillMessage(en["history.pagination.status"], { page: 2, pages: 5 })).toBe("Page 2 of 5");
    expect(fillMessage(he["history.installments"], { count: 3 })).toBe("3 תשלומים");
    expect(fillMessage("{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });
});

describe("charge labels", () => {
  it("has a label in both catalogs for every Ching status, and a neutral one for a new status", () => {
    for (const status of chargeStatuses) {
      expect(statusLabel(status, he).label).toBe(he[`history.status.${status}`]);
      expect(statusLabel(status, en).label).toBe(en[`history.status.${status}`]);
    }
    expect(new Set(chargeStatuses.map((status) => statusLabel(status, en).label)).size).toBe(chargeStatuses.length);
    expect(statusLabel("disputed", he)).toEqual({ label: he["history.status.unknown"], tone: "muted" });
  });

  it("names card brands, whatever their case, and a brand it does not know as a card", () => {
    expect(brandLabel("visa", en)).toBe("Visa");
    expect(brandLabel("AMEX", he)).toBe("אמריקן אקספרס");
    expect(brandLabel("unionpay", en)).toBe(en["history.brand.other"]);
    expect(brandLabel(null, en)).toBe(en["history.brand.other"]);
  });

  it("tells a full refund from a partial one", () => {
    expect(refundKind({ amount: 100, refunded_amount: 0 })).toBeNull();
    expect(refundKind({ amount: 100, refunded_amount: 30 })).toBe("partial");
    expect(refundKind({ amount: 100, refunded_amount: 100 })).toBe("full");
  });
});
