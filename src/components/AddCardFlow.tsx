import { useEffect, useRef, type ReactNode } from "react";
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

/** What `PaymentMethods` shows of a return in its live region: the text and the notice's tone. */
export interface ReturnNotice {
  tone: "info" | "success" | "warning";
  text: ReactNode;
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
 * `useAddPaymentMethod`) and hands `PaymentMethods` the text of its notice:
 * the live region is the list's own, there from its first render, so a screen
 * reader hears the message when it changes from "Checking…" to "Card •••• 4242
 * added". It renders the notice's Dismiss (once the outcome is known) and
 * focuses the new card, once.
 */
export function SetupReturnWatch({
  options,
  onNotice,
  focusAfterRender,
  rowId,
  addId,
}: {
  options: UseAddPaymentMethodOptions | undefined;
  onNotice: (notice: ReturnNotice | null) => void;
  /** `PaymentMethods`' focus: moves to the element of that id once it is shown. */
  focusAfterRender: (id: string) => void;
  rowId: (method: PaymentMethod) => string;
  /** Add card's element id: Dismiss hands focus there. */
  addId: string;
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
          }
        : null,
    );
  }, [status, added, messages, onNotice]);

  const focusedAdded = useRef<string | null>(null);
  useEffect(() => {
    if (added && focusedAdded.current !== added.id) {
      focusedAdded.current = added.id;
      focusAfterRender(rowId(added));
    }
  });

  return returned && status !== "checking" ? (
    <button
      type="button"
      className="ching-btn ching-btn--ghost"
      onClick={() => {
        returned.dismiss();
        focusAfterRender(addId);
      }}
    >
      {messages["cards.return.dismiss"]}
    </button>
  ) : null;
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
