import { useEffect, useRef, type RefObject } from "react";
import { ErrorIcon } from "./icons";
import { isolateLtr } from "./utils/isolateLtr";

export interface LoadErrorProps {
  /** What could not be loaded, from the catalog; announced as an alert. */
  message: string;
  /** The Retry button's label. */
  retryLabel: string;
  /** A retry is under way: the button stays focusable but does nothing (`aria-disabled`). */
  isFetching: boolean;
  onRetry: () => void;
  /** Where focus goes once a retry worked and this (with its focused button) is gone: the section's title. */
  focusAfterRecovery: RefObject<HTMLElement | null>;
}

/**
 * A section that could not load its data: the message as an alert with an
 * icon (phone numbers and emails in it kept left to right) and a Retry
 * button. After a retry that worked the button is gone; focus then moves to
 * the section's title rather than to the page. Internal to `CustomerProfile`,
 * `PaymentMethods` and `BillingHistory`.
 */
export function LoadError({ message, retryLabel, isFetching, onRetry, focusAfterRecovery }: LoadErrorProps) {
  const retried = useRef(false);
  // Runs after the DOM lost the button: focus has fallen to the page unless the person moved it.
  useEffect(
    () => () => {
      if (retried.current && (document.activeElement === document.body || document.activeElement === null)) {
        focusAfterRecovery.current?.focus();
      }
    },
    [focusAfterRecovery],
  );
  return (
    <div className="ching-problem">
      <div className="ching-alert" role="alert">
        <ErrorIcon />
        <span>{isolateLtr(message)}</span>
      </div>
      <button
        type="button"
        className="ching-btn ching-btn--secondary"
        aria-disabled={isFetching || undefined}
        onClick={() => {
          if (isFetching) return;
          retried.current = true;
          onRetry();
        }}
      >
        {retryLabel}
      </button>
    </div>
  );
}
