import { useMutation, type UseMutationResult } from "@tanstack/react-query";
import type { CreateCustomerInput, Customer } from "../core/customer";
import type { BillingPortalError } from "../core/error";
import { useBillingPortalContext } from "./context";
import { createCustomerMutationOptions } from "./queryOptions";

/**
 * Creates the signed-in person's customer (`POST /customers`). Your handler
 * never creates a second customer for the same person: asked again, it
 * answers the one they have. The answer goes straight into the cache, so
 * `useCustomer()` shows it without another request. Never retried: Ching
 * honours no idempotency key.
 *
 * @example
 * const create = useCreateCustomer();
 * create.mutate({ name: "Tal Levi", email: "tal@example.com" });
 */
export function useCreateCustomer(): UseMutationResult<Customer, BillingPortalError, CreateCustomerInput> {
  const { client, queryClient } = useBillingPortalContext("useCreateCustomer");
  return useMutation<Customer, BillingPortalError, CreateCustomerInput>(
    createCustomerMutationOptions(client, queryClient),
    queryClient,
  );
}
