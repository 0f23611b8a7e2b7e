import { CustomerDialog, type CustomerDialogBaseProps } from "./CustomerDialog";

const NAME = "CreateCustomerDialog";

export type CreateCustomerDialogProps = CustomerDialogBaseProps;

/**
 * A dialog with `CustomerForm` creating the signed-in person's customer.
 * It closes on success; the new customer is then in `useCustomer()`.
 * Uncontrolled with a `trigger`, or controlled with `open` / `onOpenChange`.
 *
 * @example
 * <CreateCustomerDialog
 *   trigger={<button type="button">Add billing details</button>}
 *   onSuccess={(customer) => saveCustomerId(customer.id)}
 * />
 */
export function CreateCustomerDialog(props: CreateCustomerDialogProps) {
  return <CustomerDialog {...props} customer={undefined} consumerName={NAME} />;
}
