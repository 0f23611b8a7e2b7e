import { useEffect, type ReactNode } from "react";
import type { PaymentMethod } from "../core/billing";
import type { EndpointConfig } from "../core/client";
import type { AreaStrings } from "../core/messages";
import { cardsReturnMessages } from "../core/messages/cardsReturn";
import type { UseAddPaymentMethodOptions } from "../react";
import { startSetup, useSetupReturnInfo, useSetupReturnStatus } from "../react/internal";
import { useMessages } from "./useMessages";
import { formatMessage } from "./utils/formatMessage";

/**
 * What Add card does away from `PaymentMethods`' first load, loaded when it is
 * wanted: going to the hosted add-card page (on the click, or ahead of it on
 * hover or focus), and the return from it (only on such a return). Internal.
 */

const NAME = "PaymentMethods";
const AREAS = [cardsReturnMessages] as const;
type ReturnStrings = AreaStrings<typeof cardsReturnMessages>;
type ReturnStatus = NonNullable<ReturnType<typeof useSetupReturnStatus>>["status"];

/** Creates the setup session and goes to the hosted page. */
export const startAddCard = (client: EndpointConfig, navigate: (url: string) => void): Promise<void> => startSetup(client, navigate);

/** What `PaymentMethods` shows of a return: its live region's text, the notice's tone, Dismiss, and the card to focus. */
export interface ReturnNotice {
  tone: "info" | "success" | "warning";
  text: ReactNode;
  /** The Dismiss button's label; `null` while the return is still checked. */
  dismissLabel: string | null;
  /** The card the return saved, once it is in the list. */
  added: PaymentMethod | null;
}

/** What the return from the hosted add-card page says, by its status. */
function noticeText(status: ReturnStatus, added: PaymentMethod | null, messages: ReturnStrings): string {
  switch (status) {
    case "checking":
      return messages["cards.return.checking"];
    case "succeeded":
      return added ? formatMessage(messages["cards.return.succeeded"], { last4: added.card.last4 }) : messages["cards.return.succeededNoCard"];
    default:
      return messages[`cards.return.${status}`];
  }
}

/**
 * Follows a return from the hosted add-card page (the polling of
 * `useAddPaymentMethod`) and hands `PaymentMethods` what to show. It renders
 * nothing itself: the live region is the list's own, there from its first
 * render, so a screen reader hears the message when it changes from
 * "Checking…" to "Card •••• 4242 added".
 */
export function SetupReturnWatch({
  options,
  onNotice,
}: {
  options: UseAddPaymentMethodOptions | undefined;
  onNotice: (notice: ReturnNotice | null) => void;
}) {
  const { messages } = useMessages(NAME, AREAS);
  const returned = useSetupReturnStatus(NAME, useSetupReturnInfo(NAME), options);
  const status = returned?.status;
  const added = returned?.paymentMethod ?? null;
  useEffect(() => {
    onNotice(
      status
        ? {
            tone: status === "succeeded" ? "success" : status === "checking" ? "info" : "warning",
            text: formatLtrDigits(noticeText(status, added, messages)),
            dismissLabel: status === "checking" ? null : messages["cards.return.dismiss"],
            added,
          }
        : null,
    );
  }, [status, added, messages, onNotice]);
  return null;
}

/** `•••• 4242` kept left to right in a Hebrew sentence. */
function formatLtrDigits(text: string) {
  const match = /•+ ?\d+/.exec(text);
  if (!match) return text;
  return (
    <>
      {text.slice(0, match.index)}
      <bdi className="ching-ltr" dir="ltr">
        {match[0]}
      </bdi>
      {text.slice(match.index + match[0].length)}
    </>
  );
}
