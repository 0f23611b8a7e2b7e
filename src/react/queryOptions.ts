import type { QueryClient } from "@tanstack/react-query";
import type { EndpointClient } from "../core/client";
import type { Customer } from "../core/customer";
import { BillingPortalError } from "../core/error";
import { billingPortalKeys } from "./keys";

const MAX_RETRIES = 2;

/**
 * Retry only what may succeed later: no answer, a timeout, or a 5xx.
 * A 4xx (not found, forbidden, validation) never gets better by asking again.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (!(error instanceof BillingPortalError)) return false;
  return error.status === 0 || error.status >= 500;
}

export type RetryOption = boolean | number | ((failureCount: number, error: BillingPortalError) => boolean);

/** Our retry policy, unless the merchant's QueryClient sets a `retry` default of its own. */
export function retryFor(queryClient: QueryClient): RetryOption {
  const own = queryClient.getDefaultOptions().queries?.retry as RetryOption | undefined;
  return own === undefined ? shouldRetry : own;
}

export interface BillingPortalQueryOptions<T> {
  queryKey: readonly unknown[];
  queryFn: (context: { signal: AbortSignal }) => Promise<T>;
  retry: RetryOption;
  staleTime: number;
}

/** How long fetched billing data counts as fresh: mounting a dialog does not refetch it. */
export const STALE_TIME_MS = 30_000;

/** After a create or an update, the cache holds the answer: no second GET to show it. */
export function storeCustomer(queryClient: QueryClient, customer: Customer, isMe: boolean): void {
  queryClient.setQueryData(billingPortalKeys.customer(customer.id), customer);
  if (isMe) queryClient.setQueryData(billingPortalKeys.me(), customer);
  else {
    const me = queryClient.getQueryData<Customer | null>(billingPortalKeys.me());
    if (me && me.id === customer.id) queryClient.setQueryData(billingPortalKeys.me(), customer);
  }
  void queryClient.invalidateQueries({ queryKey: billingPortalKeys.list() });
}

/** The query of the signed-in customer (`GET /customers/me`); `null` while they have none. */
export function meQueryOptions(client: EndpointClient, queryClient: QueryClient): BillingPortalQueryOptions<Customer | null> {
  return {
    queryKey: billingPortalKeys.me(),
    queryFn: ({ signal }) => client.getMe({ signal }),
    retry: retryFor(queryClient),
    staleTime: STALE_TIME_MS,
  };
}

/** The query of one customer by id (`GET /customers/:id`). */
export function customerQueryOptions(
  client: EndpointClient,
  queryClient: QueryClient,
  customerId: string,
): BillingPortalQueryOptions<Customer | null> {
  return {
    queryKey: billingPortalKeys.customer(customerId),
    queryFn: ({ signal }) => client.getCustomer(customerId, { signal }),
    retry: retryFor(queryClient),
    staleTime: STALE_TIME_MS,
  };
}
