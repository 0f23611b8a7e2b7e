import type { ReactNode } from "react";
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
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * One labelled control with its hint and error, linked by `aria-describedby`.
 * The error container is always present and polite, so an error that appears
 * while the person types is announced too. Internal: not a public component.
 */
export function Field({ id, label, hint, error, className, children }: FieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = error !== undefined && error !== null && error !== false && error !== "";
  const describedBy = [hint ? hintId : undefined, invalid ? errorId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cx("ching-field", className)} data-invalid={invalid || undefined}>
      <label className="ching-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": invalid || undefined })}
      {hint ? (
        <p className="ching-hint" id={hintId}>
          {isolateLtr(hint)}
        </p>
      ) : null}
      <p className="ching-error" id={errorId} aria-live="polite">
        {invalid ? (
          <>
            <ErrorIcon />
            <span>{isolateLtr(error)}</span>
          </>
        ) : null}
      </p>
    </div>
  );
}
