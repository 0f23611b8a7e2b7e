import { useQuery } from "@tanstack/react-query";
import type { Customer } from "../core/customer";
import type { BillingPortalError } from "../core/error";
import { useBillingPortalContext } from "./context";
import { customerQueryOptions, retryFor } from "./queryOptions";

/**
 * One fact about the signed-in customer, read from the query `useCustomer()`
 * runs (the same key, retry and freshness, so no extra request): the component
 * re-renders only when `select`'s answer changes, not with every new field of
 * the customer. `BillingPage`'s cards section uses it, so a new name re-renders
 * the profile alone. `select` must be a stable function (declared outside the
 * component). Internal: components only.
 */
export function useCustomerSelect<T>(consumerName: string, select: (customer: Customer | null) => T): T | undefined {
  const { client, queryClient } = useBillingPortalContext(consumerName);
  return useQuery<Customer | null, BillingPortalError, T>({ ...customerQueryOptions(client), retry: retryFor(queryClient), select }, queryClient).data;
}
