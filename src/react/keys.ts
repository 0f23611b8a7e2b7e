/**
 * The query keys of every billing portal query, for merchants who invalidate
 * or prefetch them.
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: billingPortalKeys.all });
 */
export const billingPortalKeys = {
  all: ["ching-billing-portal"] as const,
  customers: () => [...billingPortalKeys.all, "customers"] as const,
  list: () => [...billingPortalKeys.customers(), "list"] as const,
  details: () => [...billingPortalKeys.customers(), "detail"] as const,
  /** The signed-in customer (`GET /customers/me`). */
  me: () => [...billingPortalKeys.details(), "me"] as const,
  /** One customer by id. */
  customer: (customerId: string) => [...billingPortalKeys.details(), customerId] as const,
};
