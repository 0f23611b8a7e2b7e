/**
 * The query keys of every billing portal query. Each is its own function, so
 * a bundle keeps only the keys it uses (the hooks are in every first load);
 * `billingPortalKeys` gathers them for merchants who invalidate or prefetch.
 */
const customers = <const T extends string[]>(...rest: T) => ["ching-billing-portal", "customers", ...rest] as const;
const mine = <const T extends string[]>(...rest: T) => ["ching-billing-portal", "me", ...rest] as const;

export const ALL_KEY = ["ching-billing-portal"] as const;
export const listKey = () => customers("list");
export const meKey = () => customers("detail", "me");
export const customerKey = (customerId: string) => customers("detail", customerId);
export const paymentMethodsKey = () => mine("payment_methods");
export const setupSessionKey = (setupSessionId: string) => mine("setup_sessions", setupSessionId);
export const chargesKey = () => mine("charges");
export const createDefaultsKey = () => mine("defaults");
export const documentKey = (documentId: string) => mine("documents", documentId);

/**
 * The query keys of every billing portal query, for merchants who invalidate
 * or prefetch them.
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: billingPortalKeys.all });
 */
export const billingPortalKeys = {
  all: ALL_KEY,
  customers: () => customers(),
  list: listKey,
  details: () => customers("detail"),
  /** The signed-in customer (`GET /customers/me`). */
  me: meKey,
  /** One customer by id. */
  customer: customerKey,
  /** The signed-in person's saved cards (`GET /customers/me/payment_methods`). */
  paymentMethods: paymentMethodsKey,
  /** A setup session being polled after a return from the hosted add-card page. */
  setupSession: setupSessionKey,
  /** The signed-in person's charges (`GET /customers/me/charges`). */
  charges: chargesKey,
  /** What a create would fill in from the person's account (`GET /customers/me/defaults`). */
  createDefaults: createDefaultsKey,
  /** One tax document. */
  document: documentKey,
};
