/**
 * The query keys of every billing portal query, for merchants who invalidate
 * or prefetch them.
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: billingPortalKeys.all });
 */
const customers = <const T extends string[]>(...rest: T) => ["ching-billing-portal", "customers", ...rest] as const;

export const billingPortalKeys = {
  all: ["ching-billing-portal"] as const,
  customers: () => customers(),
  list: () => customers("list"),
  details: () => customers("detail"),
  /** The signed-in customer (`GET /customers/me`). */
  me: () => customers("detail", "me"),
  /** One customer by id. */
  customer: (customerId: string) => customers("detail", customerId),
  /** The signed-in person's saved cards (`GET /customers/me/payment_methods`). */
  paymentMethods: () => ["ching-billing-portal", "me", "payment_methods"] as const,
  /** A setup session being polled after a return from the hosted add-card page. */
  setupSession: (setupSessionId: string) => ["ching-billing-portal", "me", "setup_sessions", setupSessionId] as const,
  /** The signed-in person's charges (`GET /customers/me/charges`). */
  charges: () => ["ching-billing-portal", "me", "charges"] as const,
  /** One tax document. */
  document: (documentId: string) => ["ching-billing-portal", "me", "documents", documentId] as const,
};
