import type { DataTag, QueryClient } from "@tanstack/react-query";
import { createCustomer, getCustomer, listCustomers, updateCustomer, type EndpointConfig } from "../core/client";
import type { CreateCustomerInput, Customer, UpdateCustomerInput } from "../core/customer";
import type { BillingPortalError } from "../core/error";
import { customerKey, listKey, meKey } from "./keys";

/**
 * The queries and mutations of the protocol as TanStack Query options, built
 * on the endpoint client's request functions. The hooks are these plus the
 * provider's client; a merchant uses the same factories to prefetch on the
 * server or to read and invalidate the cache with typed keys.
 */

/**
 * Retry twice, and only what may succeed later: no answer, a timeout, or a 5xx.
 * A 4xx (not found, forbidden, validation) never gets better by asking again.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  const { status } = error as Partial<BillingPortalError>;
  return failureCount < 2 && (status === 0 || status! >= 500);
}

export type RetryOption = boolean | number | ((failureCount: number, error: BillingPortalError) => boolean);

/** Our retry policy, unless the merchant's QueryClient sets a `retry` default of its own. */
export function retryFor(queryClient: QueryClient): RetryOption {
  return (queryClient.getDefaultOptions().queries?.retry as RetryOption | undefined) ?? shouldRetry;
}

/** How long fetched billing data counts as fresh: mounting a dialog does not refetch it. */
export const STALE_TIME_MS = 30_000;

/** A query's options, for `useQuery`, `prefetchQuery` or `fetchQuery`; its key carries the data type. */
export interface BillingPortalQueryOptions<T> {
  queryKey: DataTag<readonly unknown[], T, BillingPortalError>;
  queryFn: (context: { signal: AbortSignal }) => Promise<T>;
  retry: RetryOption;
  staleTime: number;
}

/** A key typed with its data, as TanStack's `queryOptions()` types it (a type only: no runtime in the hooks bundle). */
type Tagged<T> = DataTag<readonly unknown[], T, BillingPortalError>;
type Key = readonly unknown[];

/**
 * The signed-in person's customer is the customer "me": `/customers/me` is
 * `customerPath("me")` and `meKey()` is `customerKey("me")`, so one request
 * function and one key builder serve both (the hooks are in every first load).
 */
const ME = "me";

/**
 * The query of a customer: without an id the signed-in one
 * (`GET /customers/me`, `null` while they have none), else that one
 * (`GET /customers/:id`).
 *
 * @example
 * // On the server, before rendering the provider with the same QueryClient:
 * const client = createEndpointClient({ endpoint: "https://shop.example/api/billing", headers: { cookie } });
 * await queryClient.prefetchQuery(customerQueryOptions(client));
 * // Anywhere: typed cache reads
 * const me = queryClient.getQueryData(customerQueryOptions(client).queryKey); // Customer | null | undefined
 */
export function customerQueryOptions(client: EndpointConfig, customerId?: string): BillingPortalQueryOptions<Customer | null> {
  return {
    queryKey: customerKey(customerId ?? ME) as Key as Tagged<Customer | null>,
    // TanStack Query's context carries the `signal` that cancels the request.
    queryFn: (context) => getCustomer(client, customerId ?? ME, context),
    retry: shouldRetry,
    staleTime: STALE_TIME_MS,
  };
}

/**
 * The query of the customer list (`GET /customers`, back office).
 *
 * @example
 * await queryClient.prefetchQuery(customersQueryOptions(client));
 */
export function customersQueryOptions(client: EndpointConfig): BillingPortalQueryOptions<Customer[]> {
  return {
    queryKey: listKey() as Key as Tagged<Customer[]>,
    queryFn: (context) => listCustomers(client, context),
    retry: shouldRetry,
    staleTime: STALE_TIME_MS,
  };
}

/** After a create or an update, the cache holds the answer: no second GET to show it. */
function storeCustomer(queryClient: QueryClient, customer: Customer, isMe: boolean): void {
  queryClient.setQueryData(customerKey(customer.id), customer);
  // Updating someone by id may be updating oneself.
  if (isMe || queryClient.getQueryData<Customer | null>(meKey())?.id === customer.id) {
    queryClient.setQueryData(meKey(), customer);
  }
  void queryClient.invalidateQueries({ queryKey: listKey() });
}

/** A mutation's options: one POST, never retried (Ching honours no idempotency key), its answer put in the cache. */
export interface CustomerMutationOptions<TInput> {
  mutationFn: (input: TInput) => Promise<Customer>;
  retry: false;
  onSuccess: (customer: Customer) => void;
}

const customerMutation = <TInput>(
  queryClient: QueryClient,
  mutationFn: (input: TInput) => Promise<Customer>,
  isMe: boolean,
): CustomerMutationOptions<TInput> => ({ mutationFn, retry: false, onSuccess: (customer) => storeCustomer(queryClient, customer, isMe) });

/**
 * Creating the signed-in person's customer (`POST /customers`).
 *
 * @example
 * const create = useMutation(createCustomerMutationOptions(client, queryClient), queryClient);
 */
export function createCustomerMutationOptions(
  client: EndpointConfig,
  queryClient: QueryClient,
): CustomerMutationOptions<CreateCustomerInput> {
  return customerMutation(queryClient, (input) => createCustomer(client, input), true);
}

/**
 * Patching a customer: without an id the signed-in one (`POST /customers/me`),
 * else that one (`POST /customers/:id`).
 *
 * @example
 * const update = useMutation(updateCustomerMutationOptions(client, queryClient), queryClient);
 */
export function updateCustomerMutationOptions(
  client: EndpointConfig,
  queryClient: QueryClient,
  customerId?: string,
): CustomerMutationOptions<UpdateCustomerInput> {
  return customerMutation(
    queryClient,
    (input) => updateCustomer(client, customerId ?? ME, input),
    customerId === undefined,
  );
}
