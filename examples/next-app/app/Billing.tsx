"use client";
import { BillingPortalProvider, CreateCustomerDialog, CustomerProfile, useCustomer } from "@ching/billing-portal-react";

export function Billing() {
  return (
    <BillingPortalProvider endpoint="/api/billing">
      <AddBillingDetails />
      <CustomerProfile />
    </BillingPortalProvider>
  );
}

/** The create dialog behind the shop's own button, offered while the person has no customer. */
function AddBillingDetails() {
  const { data: customer } = useCustomer();
  if (customer !== null) return null; // loading, or they have one
  return (
    <CreateCustomerDialog
      trigger={
        <button type="button" data-testid="add-billing-details">
          Add billing details
        </button>
      }
    />
  );
}
