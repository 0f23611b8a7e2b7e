import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import { callEndpoint } from "../core/client";
import type { Customer } from "../core/customer";
import type { BillingPortalError } from "../core/error";
import { useBillingPortalContext } from "./context";
import { billingPortalKeys } from "./keys";
import { retryFor, STALE_TIME_MS } from "./queryOptions";

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
    {
      queryKey: billingPortalKeys.list(),
      queryFn: ({ signal }) => callEndpoint<Customer[]>(client, "GET", "/customers", undefined, { signal }),
      retry: retryFor(queryClient),
      staleTime: STALE_TIME_MS,
    },
    queryClient,
  );
}
