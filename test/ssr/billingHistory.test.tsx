/**
 * BillingHistory rendered on a server (no window): its dates are Israel's, whatever
 * the server's own time zone, so the browser's hydration prints the same day; and its
 * amounts come out the same in both locales.
 */
import { QueryClient } from "@tanstack/react-query";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { Charge } from "../../src/core/billing";
import { BillingHistory } from "../../src/components";
import { BillingPortalProvider, billingPortalKeys } from "../../src/react";

// 22:30 UTC on April 19 is already April 20 in Jerusalem (UTC+3 in summer).
const LATE: Charge = {
  id: "ch_Late00000001",
  object: "charge",
  customer: "cus_V8ltq1pK_MWH",
  payment_method: null,
  amount: 14_900,
  amount_captured: 14_900,
  currency: "ils",
  status: "succeeded",
  description: "Pro plan",
  card_brand: "visa",
  card_last4: "4242",
  installments: null,
  refunded_amount: 0,
  document: null,
  failure_code: null,
  failure_message: null,
  metadata: {},
  livemode: false,
  created: "2026-04-19T22:30:00.000Z",
};

function serverRender(locale: "he" | "en"): string {
  const queryClient = new QueryClient();
  queryClient.setQueryData(billingPortalKeys.charges(), [LATE]);
  const fetch = vi.fn<typeof globalThis.fetch>(() => new Promise<Response>(() => undefined));
  return renderToString(
    <BillingPortalProvider endpoint="/api/billing" locale={locale} queryClient={queryClient} fetch={fetch}>
      <BillingHistory />
    </BillingPortalProvider>,
  );
}

describe("BillingHistory on the server", () => {
  it("prints the date in Israel's time zone and the amount isolated left to right, in both locales", () => {
    expect(typeof window).toBe("undefined");
    const english = serverRender("en");
    expect(english).toContain("April 20, 2026");
    expect(english).toContain('<bdi class="ching-ltr" dir="ltr">₪149.00</bdi>');
    const hebrew = serverRender("he");
    expect(hebrew).toContain("20 באפריל 2026");
    expect(hebrew).toContain('<bdi class="ching-ltr" dir="ltr">149.00\u00a0₪</bdi>'); // a no-break space between the number and the sign
    expect(hebrew).toContain('dir="rtl"');
  });
});
