import type { Customer } from "../core/customer";
import { CustomerDialog, type CustomerDialogBaseProps } from "./CustomerDialog";

const NAME = "EditCustomerDialog";

export interface EditCustomerDialogProps extends CustomerDialogBaseProps {
  /** The customer to edit, e.g. `useCustomer().data`. Only changed fields are sent. */
  customer: Customer;
}

/**
 * A dialog with `CustomerForm` editing `customer`. It closes on success.
 * Uncontrolled with a `trigger`, or controlled with `open` / `onOpenChange`.
 *
 * @example
 * const { data: customer } = useCustomer();
 * {customer && (
 *   <EditCustomerDialog customer={customer} trigger={<button type="button">Edit billing details</button>} />
 * )}
 */
export function EditCustomerDialog(props: EditCustomerDialogProps) {
  return <CustomerDialog {...props} consumerName={NAME} />;
}
