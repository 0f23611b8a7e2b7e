import type { AreaStrings } from "../core/messages";
import type { cardsReturnMessages } from "../core/messages/cardsReturn";

type ReturnStrings = AreaStrings<typeof cardsReturnMessages>;
import type { SetupReturn } from "../react";
import { formatMessage } from "./utils/formatMessage";

/** What the return from the hosted add-card page says, by its status. */
function noticeText(returned: SetupReturn, messages: ReturnStrings): string {
  switch (returned.status) {
    case "checking":
      return messages["cards.return.checking"];
    case "succeeded":
      return returned.paymentMethod
        ? formatMessage(messages["cards.return.succeeded"], { last4: returned.paymentMethod.card.last4 })
        : messages["cards.return.succeededNoCard"];
    default:
      return messages[`cards.return.${returned.status}`];
  }
}

/**
 * How the trip to the hosted add-card page went, announced politely. The
 * live region is there from the first render, so a screen reader hears the
 * message when it changes from "Checking…" to "Card •••• 4242 added". Internal.
 */
export function SetupReturnNotice({
  returned,
  messages,
  onDismiss,
}: {
  returned: SetupReturn | null;
  messages: ReturnStrings;
  /** After the notice is dismissed (its button is then gone: focus must go somewhere). */
  onDismiss: () => void;
}) {
  const tone = returned ? (returned.status === "succeeded" ? "success" : returned.status === "checking" ? "info" : "warning") : null;
  // The status element is always there (an empty live region that fills is announced; one that appears may not be).
  return (
    <div className="ching-setup-notice" data-tone={tone ?? undefined}>
      <p className="ching-setup-notice__text" role="status">
        {returned ? formatLtrDigits(noticeText(returned, messages)) : null}
      </p>
      {returned && returned.status !== "checking" ? (
        <button type="button" className="ching-btn ching-btn--ghost" onClick={() => {
            returned.dismiss();
            onDismiss();
          }}>
          {messages["cards.return.dismiss"]}
        </button>
      ) : null}
    </div>
  );
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
