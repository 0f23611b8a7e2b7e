export { BillingPortalProvider, type BillingPortalProviderProps } from "./BillingPortalProvider";
export { appearanceContrastProblems, type Appearance } from "./appearance";
export { themes } from "./themes";
export { CustomerProfile, type CustomerProfileProps, type HeadingLevel } from "./CustomerProfile";
export { CustomerForm, type CustomerFormProps } from "./CustomerForm";
export { EditCustomerDialog, type EditCustomerDialogProps } from "./EditCustomerDialog";
export { CreateCustomerDialog, type CreateCustomerDialogProps } from "./CreateCustomerDialog";
export type { CustomerDialogBaseProps } from "./CustomerDialog";
export { PhoneField, type PhoneFieldProps, type PhoneValueDetails } from "./PhoneField";
