import type { PaymentMethodList } from "./PaymentMethodList";

/** The saved cards' rows once their chunk has arrived (the same for every `PaymentMethods` on the page). */
export let loadedPaymentMethodList: typeof PaymentMethodList | undefined;

/**
 * Loads the rows' chunk: `PaymentMethods` asks as it first renders, alongside
 * its cards, and `BillingPage` with the cards section's own chunk. Internal.
 */
export const loadPaymentMethodList = () =>
  import("./PaymentMethodList").then((module) => (loadedPaymentMethodList = module.PaymentMethodList));

// A server has no bundle to keep small: it loads the rows at once, so that even a `renderToString`
// (which cannot wait for a chunk) renders them from its first requests on. A streaming render waits.
if (typeof window === "undefined") loadPaymentMethodList().catch(() => undefined);
