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
};
