import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import type { Charge } from "../core/billing";
import type { BillingPortalError } from "../core/error";
import { chargesQueryOptions } from "./billingQueryOptions";
import { useBillingPortalContext } from "./context";
import { retryFor } from "./queryOptions";

/**
 * The signed-in person's charges (`GET /customers/me/charges`): the 100
 * newest, newest first (Ching keeps no more in reach; the hosted portal has
 * the rest). Amounts are in agorot.
 *
 * @example
 * const { data: charges = [] } = useCharges();
 */
export function useCharges(): UseQueryResult<Charge[], BillingPortalError> {
  const { client, queryClient } = useBillingPortalContext("useCharges");
  return useQuery<Charge[], BillingPortalError>({ ...chargesQueryOptions(client), retry: retryFor(queryClient) }, queryClient);
}
