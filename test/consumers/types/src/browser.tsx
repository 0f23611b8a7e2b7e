// The root entry as a React app uses it: provider, hooks, every component with its required props.
import {
  BillingPortalProvider,
  CreateCustomerDialog,
  CustomerForm,
  CustomerProfile,
  EditCustomerDialog,
  PhoneField,
  billingPortalKeys,
  createEndpointClient,
  useCustomer,
  useCreateCustomer,
  useUpdateCustomer,
  type BillingPortalError,
  type Customer,
} from "@ching/billing-portal-react";

function Billing({ customer }: { customer: Customer }) {
  const me = useCustomer();
  const create = useCreateCustomer();
  const update = useUpdateCustomer();
  const error: BillingPortalError | null = me.error;
  const name: string | undefined = me.data?.name ?? undefined;
  void create.mutateAsync({ name: "Tal Levi", phone: "+972501234567" });
  void update.mutateAsync({ locale: "en" });
  return (
    <>
      <p>{name ?? error?.code}</p>
      <CustomerProfile className="profile" />
      <CustomerForm customer={customer} onSuccess={(saved) => console.log(saved.id)} onCancel={() => undefined} />
      <EditCustomerDialog customer={customer} trigger={<button type="button">Edit</button>} />
      <CreateCustomerDialog open onOpenChange={() => undefined} />
      <PhoneField label="Phone" defaultValue="050-123-4567" onValueChange={(value, details) => console.log(value, details.valid)} />
    </>
  );
}

export function App({ customer }: { customer: Customer }) {
  return (
    <BillingPortalProvider endpoint="/api/billing" locale="he" headers={async () => ({ "x-shop": "1" })}>
      <Billing customer={customer} />
    </BillingPortalProvider>
  );
}

export const keys = billingPortalKeys;
export const client = createEndpointClient({ endpoint: "https://shop.example/api/billing" });
