import type { ReactNode } from "react";
import { portalMessages } from "../core/messages/portal";
import { useBillingPortal } from "../react";
import { useMessages } from "./useMessages";
import { useRootProps } from "./useRootProps";
import { cx } from "./utils/cx";
import { isolateLtr } from "./utils/isolateLtr";

const NAME = "ManageBillingButton";
const AREAS = [portalMessages] as const;

export interface ManageBillingButtonProps {
  /**
   * `"_self"` (default) goes to the portal in this tab; `"_blank"` opens a new
   * tab inside the click (falling back to this tab when the browser blocks it).
   */
  target?: "_self" | "_blank";
  /** Where the portal's "back" link leads: this page by default; must be on your origin or `allowedOrigins`. */
  returnUrl?: string;
  /** Goes to the portal in this tab; default `window.location.assign`. A client-side router or a test may pass its own. */
  navigate?: (url: string) => void;
  /** The button's label; default "Manage billing" in the UI's language. */
  children?: ReactNode;
  /** `"primary"` (default) or `"link"`, which looks like a text link (the history's footer uses it). */
  variant?: "primary" | "secondary" | "link";
  className?: string;
}

/**
 * A button into Ching's hosted Billing Portal, where the customer manages
 * subscriptions and downloads every invoice: a fresh session per click. While
 * the session is made the button is busy; if it fails an alert says so next to it.
 *
 * @example
 * <ManageBillingButton target="_blank" />
 */
export function ManageBillingButton({ target, returnUrl, navigate, children, variant = "primary", className }: ManageBillingButtonProps) {
  const strings = useMessages(NAME, AREAS);
  const { messages } = strings;
  const root = useRootProps(NAME, strings, "ching-manage", className);
  const portal = useBillingPortal({ target, returnUrl, navigate });

  return (
    <span {...root}>
      <button
        type="button"
        className={cx("ching-btn", `ching-btn--${variant}`)}
        aria-disabled={portal.isPending || undefined}
        aria-busy={portal.isPending || undefined}
        onClick={() => {
          if (portal.isPending) return;
          portal.reset();
          portal.open();
        }}
      >
        {children ?? messages["portal.manage"]}
      </button>
      <span className="ching-visually-hidden" role="status">
        {portal.isPending ? messages["portal.opening"] : null}
      </span>
      {portal.error ? (
        <span className="ching-alert ching-manage__error" role="alert">
          {isolateLtr(messages["portal.error"])}
        </span>
      ) : null}
    </span>
  );
}
