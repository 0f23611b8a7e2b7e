import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useForm, type UseFormReturn } from "react-hook-form";
import type { Customer, Locale } from "../core/customer";
import { billingPortalKeys, useCreateCustomer, useCreateDefaults, useUpdateCustomer } from "../react";
import { useBillingPortalContext } from "../react/internal";
import { customerFormResolver, type CustomerFormPayload } from "./utils/customerFormResolver";
import { placeServerError, type FormMessageKey } from "./utils/errorKeys";
import { FORM_FIELDS, valuesFromCustomer, type CustomerFormValues } from "./utils/formValues";

/** The outcome of the last submit; while one is being saved, the status says so instead. */
export type CustomerFormStatus = "saved" | "noChanges";

export interface UseCustomerFormOptions {
  /** The customer to edit; `undefined` creates one. */
  customer: Customer | undefined;
  /** The UI's locale: the preferred language of a new customer starts there. */
  locale: Locale;
  onSuccess?: (customer: Customer) => void;
  /** Called when the form gets or loses unsaved edits. */
  onDirtyChange?: (dirty: boolean) => void;
  /** Names the component in the missing-provider error. */
  consumerName: string;
}

export interface UseCustomerFormResult {
  form: UseFormReturn<CustomerFormValues, unknown, CustomerFormPayload>;
  /** `"edit"` when the form saves an existing customer (the one given, or the one it created). */
  mode: "create" | "edit";
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** Validating or saving: the submit button is disabled. */
  pending: boolean;
  /** A request is under way. */
  saving: boolean;
  status: CustomerFormStatus | undefined;
  /** The form-level error, when some of a failed save belongs to no field. */
  alert: FormMessageKey | undefined;
  /** The catalog key of a field's error (the resolver's and the server's errors are keys), if it has one. */
  errorKey: (field: keyof CustomerFormValues) => string | undefined;
  /** Where focus goes back once a save is over, if it fell to the page. */
  submitRef: React.RefObject<HTMLButtonElement | null>;
}

/**
 * The logic of `CustomerForm`, without its markup: values, checks with the
 * shared schemas, the create or update call, server errors placed on their
 * fields, and a double submit sending once.
 *
 * Create or update follows the `customer` it is given (after a create it goes
 * on as an edit of the new customer). An edit goes to `POST /customers/me`
 * when, at submit time, that customer is the signed-in person's, else to
 * `POST /customers/:id`.
 */
export function useCustomerForm({
  customer: customerProp,
  locale,
  onSuccess,
  onDirtyChange,
  consumerName,
}: UseCustomerFormOptions): UseCustomerFormResult {
  const { queryClient } = useBillingPortalContext(consumerName);

  // What the form edits: the customer it was given, or the one it last saved
  // until the owner passes a newer one. After a create the form goes on as an
  // edit of the new customer (a second create would only answer the existing one).
  const [saved, setSaved] = useState<{ customer: Customer; prop: Customer | undefined }>();
  const customer = saved && saved.prop === customerProp ? saved.customer : customerProp;

  const create = useCreateCustomer();
  const updateMe = useUpdateCustomer();
  const updateById = useUpdateCustomer(customer?.id);

  // A create starts from the name and email the server would use (identify's), shown and sent
  // as typed values, so nobody meets EMAIL_EXISTS under an empty email field.
  const { data: defaults } = useCreateDefaults({ enabled: !customer });

  const resolver = useMemo(() => customerFormResolver(customer), [customer]);
  const form = useForm<CustomerFormValues, unknown, CustomerFormPayload>({
    resolver,
    defaultValues: valuesFromCustomer(customer, locale, customer ? undefined : defaults),
  });
  const { handleSubmit, setError, reset, resetField, getFieldState, formState } = form;

  // Defaults that come after the form showed fill only the fields nobody has typed in
  // (they become the fields' defaults, so the form is still clean).
  useEffect(() => {
    if (customer || !defaults) return;
    for (const field of ["name", "email"] as const) {
      const value = defaults[field];
      if (value && !getFieldState(field).isDirty) resetField(field, { defaultValue: value });
    }
  }, [customer, defaults, getFieldState, resetField]);

  const [status, setStatus] = useState<CustomerFormStatus>();
  const [alert, setAlert] = useState<FormMessageKey>();
  const submitRef = useRef<HTMLButtonElement>(null);
  // The `disabled` button is not enough: two Enter presses can both land before it re-renders.
  const inFlight = useRef(false);

  /** The signed-in person's own customer goes through `/customers/me`; asked when saving, not while rendering. */
  function isSignedInCustomer(id: string): boolean {
    return queryClient.getQueryData<Customer | null>(billingPortalKeys.me())?.id === id;
  }

  async function send(payload: CustomerFormPayload): Promise<Customer> {
    switch (payload.kind) {
      case "create":
        return create.mutateAsync(payload.input);
      case "update":
        return (isSignedInCustomer(payload.customerId) ? updateMe : updateById).mutateAsync(payload.patch);
    }
  }

  async function save(payload: CustomerFormPayload) {
    if (payload.kind === "update" && Object.keys(payload.patch).length === 0) {
      setStatus("noChanges");
      return;
    }
    try {
      const result = await send(payload);
      setSaved({ customer: result, prop: customerProp });
      reset(valuesFromCustomer(result, locale));
      setStatus("saved");
      onSuccess?.(result);
    } catch (error) {
      const placement = placeServerError(error);
      const first = FORM_FIELDS.find((field) => placement.fields[field]);
      for (const field of FORM_FIELDS) {
        const key = placement.fields[field];
        if (key) setError(field, { type: "server", message: key }, { shouldFocus: field === first });
      }
      setAlert(placement.form);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    setAlert(undefined);
    setStatus(undefined);
    void handleSubmit(save)(event).finally(() => {
      inFlight.current = false;
    });
  }

  const saving = create.isPending || updateMe.isPending || updateById.isPending;
  const pending = formState.isSubmitting || saving;
  // A focused button that turns disabled drops focus to the page; once the save
  // is over, give it back so keyboard users carry on where they were.
  const wasPending = useRef(false);
  useEffect(() => {
    if (wasPending.current && !pending) {
      const active = document.activeElement;
      if (!active || active === document.body) submitRef.current?.focus();
    }
    wasPending.current = pending;
  }, [pending]);

  const { isDirty } = formState;
  const onDirtyChangeRef = useRef(onDirtyChange);
  useEffect(() => {
    onDirtyChangeRef.current = onDirtyChange;
  });
  useEffect(() => {
    onDirtyChangeRef.current?.(isDirty);
  }, [isDirty]);

  const errorKey = (field: keyof CustomerFormValues) => formState.errors[field]?.message;

  return { form, mode: customer ? "edit" : "create", onSubmit, pending, saving, status, alert, errorKey, submitRef };
}
