import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import type { CreateDefaults } from "../core/client";
import type { BillingPortalError } from "../core/error";
import { createDefaultsQueryOptions } from "./billingQueryOptions";
import { useBillingPortalContext } from "./context";
import { retryFor } from "./queryOptions";

/**
 * The name and email a create would fill in from the signed-in person's account
 * (`GET /customers/me/defaults`, from your server's `identify`), so a create
 * form can show them before anything is sent.
 *
 * @example
 * const { data: defaults } = useCreateDefaults();
 * <input name="email" defaultValue={defaults?.email ?? ""} />
 */
export function useCreateDefaults(options: { enabled?: boolean } = {}): UseQueryResult<CreateDefaults, BillingPortalError> {
  const { client, queryClient } = useBillingPortalContext("useCreateDefaults");
  return useQuery<CreateDefaults, BillingPortalError>(
    { ...createDefaultsQueryOptions(client), retry: retryFor(queryClient), enabled: options.enabled ?? true },
    queryClient,
  );
}
