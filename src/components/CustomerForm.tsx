import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type InputHTMLAttributes } from "react";
import { Controller, useForm } from "react-hook-form";
import type { CreateCustomerInput, Customer, UpdateCustomerInput } from "../core/customer";
import { locales } from "../core/locales";
import type { MessageKey } from "../core/messages";
import { useBillingPortalContext } from "../react/context";
import { billingPortalKeys } from "../react/keys";
import { useCreateCustomer } from "../react/useCreateCustomer";
import { useUpdateCustomer } from "../react/useUpdateCustomer";
import { Field, FieldError } from "./Field";
import { PhoneField } from "./PhoneField";
import { useMessages } from "./useMessages";
import { useRootProps } from "./useRootProps";
import { customerFormResolver, type CustomerFormPayload } from "./utils/customerFormResolver";
import { placeServerError } from "./utils/errorKeys";
import { isolateLtr } from "./utils/isolateLtr";
import { FORM_FIELDS, valuesFromCustomer, type CustomerFormValues } from "./utils/formValues";

const NAME = "CustomerForm";

export interface CustomerFormProps {
  /**
   * The customer to edit. Without one the form creates the signed-in person's
   * customer. An edit sends only the fields that changed.
   */
  customer?: Customer;
  /** Called with the saved customer after a create or an update succeeds. */
  onSuccess?: (customer: Customer) => void;
  /** Shows a Cancel button that calls it. */
  onCancel?: () => void;
  className?: string;
}

/** The outcome of the last submit; while one is being saved, the status says so instead. */
type Status = "saved" | "noChanges";
const STATUS_KEYS: Record<Status, MessageKey> = {
  saved: "form.saved",
  noChanges: "form.noChanges",
};

/**
 * Creates or edits a customer: name, email, phone, preferred language and tax
 * id, checked with the same schemas as the server. A double click or a double
 * Enter sends once. Server errors land on their fields (`EMAIL_EXISTS` on the
 * email) or in an alert above the form, and what was typed stays.
 *
 * An edit of the signed-in person's own customer goes to `POST /customers/me`;
 * any other customer (back office) to `POST /customers/:id`.
 *
 * @example
 * const { data: customer } = useCustomer();
 * <CustomerForm customer={customer ?? undefined} onSuccess={() => navigate("/account")} />
 */
export function CustomerForm({ customer: customerProp, onSuccess, onCancel, className }: CustomerFormProps) {
  const strings = useMessages(NAME);
  const { messages, locale } = strings;
  const root = useRootProps(NAME, strings, "ching-form", className);
  const { queryClient } = useBillingPortalContext(NAME);
  const ids = `ching-form-${useId()}`;

  // What the form edits: the customer it was given, or the one it last saved
  // until the owner passes a newer one. After a create the form goes on as an
  // edit of the new customer (a second create would only answer the existing one).
  const [saved, setSaved] = useState<{ customer: Customer; prop: Customer | undefined }>();
  const customer = saved && saved.prop === customerProp ? saved.customer : customerProp;

  const me = queryClient.getQueryData<Customer | null>(billingPortalKeys.me());
  const create = useCreateCustomer();
  const update = useUpdateCustomer(customer && me?.id !== customer.id ? customer.id : undefined);

  const resolver = useMemo(() => customerFormResolver(customer), [customer]);
  const form = useForm<CustomerFormValues, unknown, CustomerFormPayload>({
    resolver,
    defaultValues: valuesFromCustomer(customer, locale),
  });
  const { register, control, handleSubmit, setError, reset, formState } = form;

  const [status, setStatus] = useState<Status>();
  const [alert, setAlert] = useState<MessageKey>();
  const submitRef = useRef<HTMLButtonElement>(null);
  // The `disabled` button is not enough: two Enter presses can both land before it re-renders.
  const inFlight = useRef(false);

  async function save(payload: CustomerFormPayload) {
    if (customer && Object.keys(payload).length === 0) {
      setStatus("noChanges");
      return;
    }
    try {
      const result = customer
        ? await update.mutateAsync(payload as UpdateCustomerInput)
        : await create.mutateAsync(payload as CreateCustomerInput);
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

  const saving = create.isPending || update.isPending;
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
  const errorText = (field: keyof CustomerFormValues) => {
    const key = formState.errors[field]?.message;
    return key ? (messages[key as MessageKey] ?? messages["form.error.invalid"]) : undefined;
  };
  const localeError = errorText("locale");
  /** A labelled text input registered with the form, its error linked. */
  const textField = (field: "name" | "email" | "taxId", input: InputHTMLAttributes<HTMLInputElement>, hint?: string) => (
    <Field id={`${ids}-${field}`} label={messages[`form.${field}`]} hint={hint} error={errorText(field)}>
      {(aria) => <input {...aria} {...register(field)} className="ching-input" {...input} />}
    </Field>
  );

  return (
    <form {...root} noValidate onSubmit={onSubmit} aria-busy={pending || undefined}>
      {alert ? (
        <div className="ching-alert" role="alert">
          {isolateLtr(messages[alert])}
        </div>
      ) : null}

      {textField("name", { type: "text", autoComplete: "name", dir: "auto", "aria-required": true })}
      {textField("email", { type: "email", inputMode: "email", autoComplete: "email", spellCheck: false, dir: "ltr" })}

      <Controller
        control={control}
        name="phone"
        render={({ field }) => (
          <PhoneField
            ref={field.ref}
            id={`${ids}-phone`}
            name={field.name}
            value={field.value}
            onValueChange={field.onChange}
            onBlur={field.onBlur}
            error={errorText("phone")}
          />
        )}
      />

      <fieldset
        className="ching-field ching-fieldset"
        aria-describedby={localeError ? `${ids}-locale-error` : undefined}
        data-invalid={localeError ? true : undefined}
      >
        <legend className="ching-label">{messages["form.locale"]}</legend>
        <div className="ching-segmented">
          {locales.map((option) => (
            <label key={option} className="ching-segment">
              <input {...register("locale")} className="ching-segment__input" type="radio" value={option} />
              <span className="ching-segment__label">{messages[`locale.${option}`]}</span>
            </label>
          ))}
        </div>
        <FieldError id={`${ids}-locale-error`} error={localeError} />
      </fieldset>

      {textField(
        "taxId",
        { type: "text", autoComplete: "off", spellCheck: false, dir: "ltr" },
        messages["form.taxId.hint"],
      )}

      <div className="ching-actions">
        <p className="ching-status" role="status">
          {saving ? messages["form.submitting"] : status ? messages[STATUS_KEYS[status]] : null}
        </p>
        {onCancel ? (
          <button type="button" className="ching-btn ching-btn--secondary" onClick={onCancel}>
            {messages["form.cancel"]}
          </button>
        ) : null}
        <button ref={submitRef} type="submit" className="ching-btn ching-btn--primary" disabled={pending}>
          {pending ? messages["form.submitting"] : messages[customer ? "form.submit.update" : "form.submit.create"]}
        </button>
      </div>
    </form>
  );
}
