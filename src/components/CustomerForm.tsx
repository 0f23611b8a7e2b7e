import { useId, type InputHTMLAttributes } from "react";
import { Controller } from "react-hook-form";
import type { Customer } from "../core/customer";
import { locales } from "../core/locales";
import type { AreaKey } from "../core/messages";
import { directionOf } from "../core/locale";
import { formMessages } from "../core/messages/form";
import { savedMessages } from "../core/messages/shared";
import { Field, FieldError } from "./Field";
import { ErrorIcon } from "./icons";
import { PhoneField } from "./PhoneField";
import { useCustomerForm, type CustomerFormStatus } from "./useCustomerForm";
import { useMessages } from "./useMessages";
import { useRootProps } from "./useRootProps";
import { isMessageKey } from "./utils/isMessageKey";
import { isolateLtr } from "./utils/isolateLtr";
import type { CustomerFormValues } from "./utils/formValues";

const NAME = "CustomerForm";
const AREAS = [savedMessages, formMessages] as const;

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
  /** Called when the form gets or loses unsaved edits (the dialogs ask before discarding them). */
  onDirtyChange?: (dirty: boolean) => void;
  className?: string;
}

const STATUS_KEYS: Record<CustomerFormStatus, AreaKey<(typeof AREAS)[number]>> = {
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
export function CustomerForm({ customer, onSuccess, onCancel, onDirtyChange, className }: CustomerFormProps) {
  const strings = useMessages(NAME, AREAS);
  const { messages, locale } = strings;
  const root = useRootProps(NAME, strings, "ching-form", className);
  const ids = `ching-form-${useId()}`;
  const { form, mode, onSubmit, pending, saving, status, alert, errorKey, submitRef } = useCustomerForm({
    customer,
    locale,
    onSuccess,
    onDirtyChange,
    consumerName: NAME,
  });
  const { register, control } = form;

  const errorText = (field: keyof CustomerFormValues) => {
    const key = errorKey(field);
    return key ? (isMessageKey(messages, key) ? messages[key] : messages["form.error.invalid"]) : undefined;
  };
  const localeError = errorText("locale");
  // The name always; in an edit also what is saved already (the protocol cannot clear it).
  const isRequired = (field: "name" | "email" | "phone" | "taxId") =>
    field === "name" || (mode === "edit" && Boolean(form.formState.defaultValues?.[field]));
  /** A labelled text input registered with the form, its error linked. */
  const textField = (field: "name" | "email" | "taxId", input: InputHTMLAttributes<HTMLInputElement>, hint?: string) => (
    <Field id={`${ids}-${field}`} label={messages[`form.${field}`]} hint={hint} error={errorText(field)} required={isRequired(field)}>
      {(aria) => (
        <input {...aria} {...register(field)} className="ching-input" aria-required={isRequired(field) || undefined} {...input} />
      )}
    </Field>
  );

  return (
    <form {...root} noValidate onSubmit={onSubmit} aria-busy={pending || undefined}>
      {alert ? (
        <div className="ching-alert" role="alert">
          <ErrorIcon />
          <span>{isolateLtr(messages[alert])}</span>
        </div>
      ) : null}

      <p className="ching-form__note">{messages["form.requiredNote"]}</p>

      {/* In the form's direction, not dir="auto": a Hebrew name in an English form sits where
          every other field starts (issue 13), and reads right to left all the same. */}
      {textField("name", { type: "text", autoComplete: "name", dir: strings.dir })}
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
            required={isRequired("phone")}
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
              {/* Each language in itself, so its readers find it: "English", "עברית". */}
              <span className="ching-segment__label" lang={option} dir={directionOf(option)}>
                {messages[`locale.native.${option}`]}
              </span>
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
          {pending ? messages["form.submitting"] : messages[mode === "edit" ? "form.submit.update" : "form.submit.create"]}
        </button>
      </div>
    </form>
  );
}
