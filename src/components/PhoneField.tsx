import {
  forwardRef,
  useId,
  useState,
  type ChangeEvent,
  type FocusEventHandler,
  type ReactNode,
} from "react";
import { formMessages } from "../core/messages/form";
import { formatAsYouType, toE164, type CountryCode } from "../core/phone";
import type { Locale } from "../core/customer";
import { Field } from "./Field";
import { formatIsraeliPhone } from "./utils/israeliPhone";
import { normalizeDigits } from "./utils/normalizeDigits";
import { useMessages } from "./useMessages";
import { useRootProps } from "./useRootProps";

const NAME = "PhoneField";
const AREAS = [formMessages] as const;

/** What `onValueChange` learns besides the value. */
export interface PhoneValueDetails {
  /** The text in the input, as formatted while typing. */
  text: string;
  /** Whether the text is a valid phone number (then the value is its E.164 form). */
  valid: boolean;
}

export interface PhoneFieldProps {
  /**
   * The number, controlled: E.164 (`+972501234567`) once what was typed is a
   * valid number, else the typed text itself (so a schema rejects it), `""` when empty.
   */
  value?: string;
  /** The starting number when uncontrolled, E.164 or as a person would type it. */
  defaultValue?: string;
  /** Called on every change with the new value (see `value`). */
  onValueChange?: (value: string, details: PhoneValueDetails) => void;
  onBlur?: FocusEventHandler<HTMLInputElement>;
  /** The input's `name`, for browsers' autofill and native form posts. Default `"phone"`. */
  name?: string;
  /** The country of numbers typed without `+` or `00`. Default `"IL"`: the merchant is Israeli. */
  defaultCountry?: CountryCode;
  /** Default: the catalog's `form.phone`. */
  label?: ReactNode;
  /** Helper text; default the catalog's `form.phone.hint`, `false` for none. */
  hint?: ReactNode;
  /** An error to show under the input; it also makes the input `aria-invalid`. */
  error?: ReactNode;
  /** The input's id; default a generated one. */
  id?: string;
  disabled?: boolean;
  required?: boolean;
  className?: string;
}

// Only these characters get formatted while typing; anything else stays exactly as typed.
const PHONE_CHARACTERS = /^[\d\s\u00a0+\-().\u2010-\u2015]*$/;

/**
 * What the input shows for `value`. For Hebrew readers an Israeli number is
 * shown the local way (`050-123-4567`), as they write it, not `+972 50 123 4567`.
 */
function display(value: string, country: CountryCode, locale: Locale): string {
  const local = locale === "he" ? formatIsraeliPhone(value, "national") : undefined;
  return local ?? formatTyped(value, country);
}

/** What was typed, formatted as it is typed (in its own style: `+972…` stays international). */
function formatTyped(value: string, country: CountryCode): string {
  return value && PHONE_CHARACTERS.test(value) ? formatAsYouType(value, country) : value;
}

/**
 * A phone number input that accepts what people type: national numbers
 * (`050-123-4567`, in `defaultCountry`), international ones with `+` or `00`,
 * pasted numbers with spaces or dashes. It formats as the person types and
 * hands its owner the E.164 value; what was typed stays visible while it is
 * not (yet) valid. It stays left to right inside right-to-left pages.
 *
 * Controlled with `value` / `onValueChange`, uncontrolled with `defaultValue`;
 * with react-hook-form, through a `Controller`.
 *
 * @example
 * <Controller
 *   control={control}
 *   name="phone"
 *   render={({ field, fieldState }) => (
 *     <PhoneField
 *       ref={field.ref}
 *       name={field.name}
 *       value={field.value}
 *       onValueChange={field.onChange}
 *       onBlur={field.onBlur}
 *       error={fieldState.error ? "Enter a valid phone number" : undefined}
 *     />
 *   )}
 * />
 */
export const PhoneField = forwardRef<HTMLInputElement, PhoneFieldProps>(function PhoneField(props, ref) {
  const {
    value,
    defaultValue,
    onValueChange,
    onBlur,
    name = "phone",
    defaultCountry = "IL",
    label,
    hint,
    error,
    id,
    disabled,
    required,
    className,
  } = props;
  const strings = useMessages(NAME, AREAS);
  const { messages, locale } = strings;
  const root = useRootProps(NAME, strings, "ching-phone", className);
  const generatedId = useId();
  const inputId = id ?? `ching-phone-${generatedId}`;

  // `emitted` is the value this field last handed out: a controlled `value`
  // that differs from it was set from outside (a reset) and replaces the text.
  const [state, setState] = useState(() => {
    const initial = value ?? defaultValue ?? "";
    return { text: display(initial, defaultCountry, locale), emitted: initial };
  });
  if (value !== undefined && value !== state.emitted) {
    setState({ text: display(value, defaultCountry, locale), emitted: value });
  }

  function handleChange(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    // Arabic-Indic digits (٠٥٠…) count as the digits they are.
    const typed = normalizeDigits(input.value);
    const inputType = (event.nativeEvent as InputEvent).inputType ?? "";
    // Reformat only when adding at the end: reformatting a deletion would put the
    // separator straight back, and reformatting mid-text would move the caret.
    const atEnd = input.selectionStart === null || input.selectionStart >= typed.length;
    const text = !inputType.startsWith("delete") && atEnd ? formatTyped(typed, defaultCountry) : typed;
    const e164 = toE164(text, defaultCountry);
    const next = e164 ?? text.trim();
    setState({ text, emitted: next });
    onValueChange?.(next, { text, valid: e164 !== undefined });
  }

  return (
    <div {...root}>
      <Field
        id={inputId}
        label={label ?? messages["form.phone"]}
        hint={hint === false ? undefined : (hint ?? messages["form.phone.hint"])}
        error={error}
        required={required}
      >
        {(control) => (
          <input
            {...control}
            ref={ref}
            className="ching-input"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            dir="ltr"
            name={name}
            value={state.text}
            onChange={handleChange}
            onBlur={onBlur}
            disabled={disabled}
            required={required}
            aria-required={required || undefined}
          />
        )}
      </Field>
    </div>
  );
});
