/**
 * Type tests: checked by `tsc` in `npm test` (a wrong type fails the typecheck),
 * and run as ordinary tests by Vitest.
 */
import type { UseMutationResult, UseQueryResult } from "@tanstack/react-query";
import { describe, expectTypeOf, it } from "vitest";
import type { BillingPortalError, CreateCustomerInput, Customer, UpdateCustomerInput } from "../../src";
import { useCreateCustomer, useCustomer, useCustomers, useUpdateCustomer } from "../../src/react";

describe("the hooks' types", () => {
  it("useCustomer: Customer or null (no customer yet), errors of class BillingPortalError", () => {
    expectTypeOf(useCustomer).parameters.toEqualTypeOf<[customerId?: string]>();
    expectTypeOf(useCustomer).returns.toEqualTypeOf<UseQueryResult<Customer | null, BillingPortalError>>();
    expectTypeOf<ReturnType<typeof useCustomer>["error"]>().toEqualTypeOf<BillingPortalError | null>();
  });

  it("useCustomers: a list of customers", () => {
    expectTypeOf(useCustomers).returns.toEqualTypeOf<UseQueryResult<Customer[], BillingPortalError>>();
  });

  it("useCreateCustomer and useUpdateCustomer: mutations from their inputs to a Customer", () => {
    expectTypeOf(useCreateCustomer).returns.toEqualTypeOf<UseMutationResult<Customer, BillingPortalError, CreateCustomerInput>>();
    expectTypeOf(useUpdateCustomer).returns.toEqualTypeOf<UseMutationResult<Customer, BillingPortalError, UpdateCustomerInput>>();
    expectTypeOf<Parameters<ReturnType<typeof useUpdateCustomer>["mutate"]>[0]>().toEqualTypeOf<UpdateCustomerInput>();
  });

  it("the inputs: name is required to create, nothing to update", () => {
    expectTypeOf<{ email: string }>().not.toExtend<CreateCustomerInput>();
    expectTypeOf<{ name: string }>().toExtend<CreateCustomerInput>();
    expectTypeOf<{ phone: string }>().toExtend<UpdateCustomerInput>();
    expectTypeOf<BillingPortalError["issues"]>().toEqualTypeOf<Array<{ path: string[]; message: string }>>();
  });
});
