import { useMemo } from "react";
import type { Locale } from "../core/customer";
import type { Direction } from "../core/locale";
import { messagesFor, type Messages } from "../core/messages";
import { useBillingPortalContext, useLocaleFor } from "../react/internal";

export interface LocalizedStrings {
  /** The UI's locale: the provider's `locale`, else the customer's, else Hebrew. */
  locale: Locale;
  dir: Direction;
  /** The catalog of `locale` with the provider's `messages` overrides laid over it. */
  messages: Messages;
}

/**
 * The strings of the styled components in the UI's locale, with the
 * merchant's overrides. Changing the provider's `locale` re-renders in place.
 *
 * @example
 * const { messages } = useMessages("CustomerProfile");
 * return <h2>{messages["profile.title"]}</h2>;
 */
export function useMessages(consumerName: string): LocalizedStrings {
  const { messages: overrides } = useBillingPortalContext(consumerName);
  const { locale, dir } = useLocaleFor(consumerName);
  const messages = useMemo(() => messagesFor(locale, overrides), [locale, overrides]);
  return { locale, dir, messages };
}
