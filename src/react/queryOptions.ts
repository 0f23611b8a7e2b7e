import type { QueryClient } from "@tanstack/react-query";
import { callEndpoint, customerPath, fetchMe, type EndpointConfig } from "../core/client";
import type { Customer } from "../core/customer";
import type { BillingPortalError } from "../core/error";
import { billingPortalKeys } from "./keys";

/**
 * Retry twice, and only what may succeed later: no answer, a timeout, or a 5xx.
 * A 4xx (not found, forbidden, validation) never gets better by asking again.
 */
function shouldRetry(failureCount: number, error: unknown): boolean {
  const { status } = error as Partial<BillingPortalError>;
  return failureCount < 2 && (status === 0 || status! >= 500);
}

export type RetryOption = boolean | number | ((failureCount: number, error: BillingPortalError) => boolean);

/** Our retry policy, unless the merchant's QueryClient sets a `retry` default of its own. */
export function retryFor(queryClient: QueryClient): RetryOption {
  return (queryClient.getDefaultOptions().queries?.retry as RetryOption | undefined) ?? shouldRetry;
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
function storeCustomer(queryClient: QueryClient, customer: Customer, isMe: boolean): void {
  queryClient.setQueryData(billingPortalKeys.customer(customer.id), customer);
  // Updating someone by id may be updating oneself.
  if (isMe || queryClient.getQueryData<Customer | null>(billingPortalKeys.me())?.id === customer.id) {
    queryClient.setQueryData(billingPortalKeys.me(), customer);
  }
  void queryClient.invalidateQueries({ queryKey: billingPortalKeys.list() });
}

/**
 * The query of a customer: without an id the signed-in one
 * (`GET /customers/me`, `null` while they have none), else that one
 * (`GET /customers/:id`).
 */
export function customerQueryOptions(
  client: EndpointConfig,
  queryClient: QueryClient,
  customerId?: string,
): BillingPortalQueryOptions<Customer | null> {
  return {
    queryKey: customerId === undefined ? billingPortalKeys.me() : billingPortalKeys.customer(customerId),
    // TanStack Query's context carries the `signal` that cancels the request.
    queryFn: (context) =>
      customerId === undefined
        ? fetchMe(client, context)
        : callEndpoint<Customer>(client, "GET", customerPath(customerId), undefined, context),
    retry: retryFor(queryClient),
    staleTime: STALE_TIME_MS,
  };
}

/**
 * A create or an update: one POST, never retried (Ching honours no
 * idempotency key), whose answer goes straight into the cache.
 */
export function customerMutationOptions<TInput>(
  client: EndpointConfig,
  queryClient: QueryClient,
  path: string,
  isMe: boolean,
): { mutationFn: (input: TInput) => Promise<Customer>; retry: false; onSuccess: (customer: Customer) => void } {
  return {
    mutationFn: (input) => callEndpoint<Customer>(client, "POST", path, input),
    retry: false,
    onSuccess: (customer) => storeCustomer(queryClient, customer, isMe),
  };
}
