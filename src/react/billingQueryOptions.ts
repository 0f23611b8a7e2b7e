import type { QueryClient } from "@tanstack/react-query";
import type { BillingDocument, Charge, PaymentMethod } from "../core/billing";
import { getDocument, getSetupSession, listCharges, listPaymentMethods, type SetupSessionState } from "../core/billingClient";
import { getCreateDefaults, type CreateDefaults, type EndpointConfig } from "../core/client";
import { ALL_KEY, chargesKey, createDefaultsKey, documentKey, paymentMethodsKey, setupSessionKey } from "./keys";
import { shouldRetry, STALE_TIME_MS, type BillingPortalQueryOptions } from "./queryOptions";

/** The second wave's queries as TanStack Query options, like ./queryOptions.ts. */

type Key = readonly unknown[];
const options = <T>(queryKey: Key, queryFn: (context: { signal: AbortSignal }) => Promise<T>): BillingPortalQueryOptions<T> => ({
  queryKey: queryKey as BillingPortalQueryOptions<T>["queryKey"],
  queryFn,
  retry: shouldRetry,
  staleTime: STALE_TIME_MS,
});

/**
 * The signed-in person's active saved cards, the default first.
 *
 * @example
 * await queryClient.prefetchQuery(paymentMethodsQueryOptions(client));
 */
export const paymentMethodsQueryOptions = (client: EndpointConfig): BillingPortalQueryOptions<PaymentMethod[]> =>
  options(paymentMethodsKey(), (context) => listPaymentMethods(client, context));

/**
 * The signed-in person's 100 newest charges.
 *
 * @example
 * await queryClient.prefetchQuery(chargesQueryOptions(client));
 */
export const chargesQueryOptions = (client: EndpointConfig): BillingPortalQueryOptions<Charge[]> =>
  options(chargesKey(), (context) => listCharges(client, context));

/** What a create would fill in from the person's account: the create form shows it. */
export const createDefaultsQueryOptions = (client: EndpointConfig): BillingPortalQueryOptions<CreateDefaults> =>
  options(createDefaultsKey(), (context) => getCreateDefaults(client, context));

/** A tax document of one of the person's charges. */
export const documentQueryOptions = (client: EndpointConfig, documentId: string): BillingPortalQueryOptions<BillingDocument> =>
  options(documentKey(documentId), (context) => getDocument(client, documentId, context));

/** A setup session, polled after the person came back from the hosted add-card page. */
export const setupSessionQueryOptions = (client: EndpointConfig, setupSessionId: string): BillingPortalQueryOptions<SetupSessionState> => ({
  ...options(setupSessionKey(setupSessionId), (context) => getSetupSession(client, setupSessionId, context)),
  staleTime: 0,
});

/** After a card came or went, or a hosted page was visited: everything billing is read again. */
export function refreshBilling(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ALL_KEY });
}

