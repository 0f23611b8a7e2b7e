import { useMemo } from "react";
import type { Locale } from "../core/customer";
import type { Direction } from "../core/locale";
import { messagesFor, type AreaKey, type AreaMessages } from "../core/messages/area";
import { useBillingPortalContext, useLocaleFor } from "../react/internal";

export interface LocalizedStrings<K extends string = string> {
  /** The UI's locale: the provider's `locale`, else the customer's, else Hebrew. */
  locale: Locale;
  dir: Direction;
  /** The strings of the component's areas in `locale`, with the provider's `messages` overrides laid over them. */
  messages: Record<K, string>;
}

/**
 * The strings of the styled components in the UI's locale, with the
 * merchant's overrides. A component names the catalog areas it shows (a
 * module constant), so its bundle carries only their strings. Changing the
 * provider's `locale` re-renders in place.
 *
 * @example
 * const AREAS = [profileMessages] as const;
 * const { messages } = useMessages("CustomerProfile", AREAS);
 * return <h2>{messages["profile.title"]}</h2>;
 */
export function useMessages<const A extends readonly AreaMessages[]>(consumerName: string, areas: A): LocalizedStrings<AreaKey<A[number]>> {
  const { messages: overrides } = useBillingPortalContext(consumerName);
  const { locale, dir } = useLocaleFor(consumerName);
  const messages = useMemo(() => messagesFor<A[number]>(locale, overrides, areas), [locale, overrides, areas]);
  return { locale, dir, messages };
}
