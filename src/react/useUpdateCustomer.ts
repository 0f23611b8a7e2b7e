import { useMutation, type UseMutationResult } from "@tanstack/react-query";
import type { Customer, UpdateCustomerInput } from "../core/customer";
import type { BillingPortalError } from "../core/error";
import { useBillingPortalContext } from "./context";
import { updateCustomerMutationOptions } from "./queryOptions";

/**
 * Updates a customer with patch semantics: send only what changes. Without an
 * id it is the signed-in person's own (`POST /customers/me`); with one, that
 * customer (`POST /customers/:id`), where your handler allows it. The answer
 * replaces the cached customer; the list is refetched. Never retried.
 *
 * @example
 * const update = useUpdateCustomer();
 * update.mutate({ phone: "+972501234567" });
 */
export function useUpdateCustomer(
  customerId?: string,
): UseMutationResult<Customer, BillingPortalError, UpdateCustomerInput> {
  const { client, queryClient } = useBillingPortalContext("useUpdateCustomer");
  return useMutation<Customer, BillingPortalError, UpdateCustomerInput>(
    updateCustomerMutationOptions(client, queryClient, customerId),
    queryClient,
  );
}
