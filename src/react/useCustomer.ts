import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import type { Customer } from "../core/customer";
import type { BillingPortalError } from "../core/error";
import { useBillingPortalContext } from "./context";
import { customerQueryOptions, retryFor } from "./queryOptions";

/**
 * A customer from your billing endpoint.
 *
 * Without an id it is the signed-in person's own customer
 * (`GET /customers/me`); `data` is then `null` while they have none yet, a
 * state to offer a create form in, not an error. With an id it is that
 * customer (`GET /customers/:id`), where your handler's `authorize` allows it.
 *
 * Every component that asks for the same customer shares one request.
 *
 * @example
 * const { data: customer, isPending, error } = useCustomer();
 * if (isPending) return <Spinner />;
 * if (error) return <p>{error.message}</p>;
 * if (customer === null) return <CreateCustomerDialog />;
 * return <p>{customer.name}</p>;
 */
export function useCustomer(customerId?: string): UseQueryResult<Customer | null, BillingPortalError> {
  const { client, queryClient } = useBillingPortalContext("useCustomer");
  return useQuery<Customer | null, BillingPortalError>(
    { ...customerQueryOptions(client, customerId), retry: retryFor(queryClient) },
    queryClient,
  );
}
