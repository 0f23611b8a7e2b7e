import { memo, type ReactNode } from "react";
import { ErrorIcon } from "./icons";
import { cx } from "./utils/cx";
import { isolateLtr } from "./utils/isolateLtr";

/** The ARIA wiring a field hands its control. */
export interface FieldControlProps {
  id: string;
  "aria-describedby": string | undefined;
  "aria-invalid": true | undefined;
}

export interface FieldProps {
  /** The control's id; the hint and error ids derive from it. */
  id: string;
  label: ReactNode;
  /** Helper text under the control. */
  hint?: ReactNode;
  /** The error to show; it makes the control `aria-invalid`. */
  error?: ReactNode;
  /** Marks the label with `*` (the control itself carries `aria-required`). */
  required?: boolean;
  children: (control: FieldControlProps) => ReactNode;
}

/** Whether an `error` prop holds something to show. */
export function hasError(error: ReactNode): boolean {
  return error !== undefined && error !== null && error !== false && error !== "";
}

/**
 * The error line under a control (or a group): always present and polite, so
 * an error that appears while the person types is announced too. Memoized:
 * the phone field re-renders its Field on every keystroke, the error rarely changes.
 */
export const FieldError = memo(function FieldError({ id, error }: { id: string; error: ReactNode }) {
  return (
    <p className="ching-error" id={id} aria-live="polite">
      {hasError(error) ? (
        <>
          <ErrorIcon />
          <span>{isolateLtr(error)}</span>
        </>
      ) : null}
    </p>
  );
});

/**
 * One labelled control with its hint and error, linked by `aria-describedby`.
 * Internal: not a public component.
 */
export function Field({ id, label, hint, error, required, children }: FieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = hasError(error);
  const describedBy = cx(hint ? hintId : undefined, invalid && errorId) || undefined;
  return (
    <div className="ching-field" data-invalid={invalid || undefined}>
      <div className="ching-label-row">
        <label className="ching-label" htmlFor={id}>
          {label}
        </label>
        {/* Outside the label: the control's name stays the label; aria-required says it to screen readers. */}
        {required ? (
          <span className="ching-required" aria-hidden="true">
            *
          </span>
        ) : null}
      </div>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": invalid || undefined })}
      {hint ? (
        <p className="ching-hint" id={hintId}>
          {isolateLtr(hint)}
        </p>
      ) : null}
      <FieldError id={errorId} error={error} />
    </div>
  );
}
