export { CustomerProfile, type CustomerProfileProps } from "./CustomerProfile";
export { CustomerForm, type CustomerFormProps } from "./CustomerForm";
export { EditCustomerDialog, type EditCustomerDialogProps } from "./EditCustomerDialog";
export { CreateCustomerDialog, type CreateCustomerDialogProps } from "./CreateCustomerDialog";
export type { CustomerDialogBaseProps } from "./CustomerDialog";
export { PhoneField, type PhoneFieldProps, type PhoneValueDetails } from "./PhoneField";
export { BillingHistory, type BillingHistoryProps } from "./BillingHistory";
export { ManageBillingButton, type ManageBillingButtonProps } from "./ManageBillingButton";
export { BillingPage, type BillingPageProps, type BillingPageSection } from "./BillingPage";
