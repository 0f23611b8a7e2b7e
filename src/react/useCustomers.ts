import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import type { Customer } from "../core/customer";
import type { BillingPortalError } from "../core/error";
import { useBillingPortalContext } from "./context";
import { customersQueryOptions, retryFor } from "./queryOptions";

/**
 * The newest customers (at most 100, newest first), for back-office pages.
 * Your handler answers 403 unless its `authorize` option allows the list.
 *
 * @example
 * const { data: customers = [] } = useCustomers();
 */
export function useCustomers(): UseQueryResult<Customer[], BillingPortalError> {
  const { client, queryClient } = useBillingPortalContext("useCustomers");
  return useQuery<Customer[], BillingPortalError>(
    { ...customersQueryOptions(client), retry: retryFor(queryClient) },
    queryClient,
  );
}
