import { useQuery } from "@tanstack/react-query";
import type { Customer, Locale } from "../core/customer";
import type { BillingPortalError } from "../core/error";
import { directionOf, resolveLocale, type Direction } from "../core/locale";
import { useBillingPortalContext } from "./context";
import { customerQueryOptions } from "./queryOptions";

/** `useLocale` for a component: `consumerName` names it in the error when there is no provider. */
export function useLocaleFor(consumerName: string): { locale: Locale; dir: Direction } {
  const { locale: chosen, client, queryClient } = useBillingPortalContext(consumerName);
  // Reads the cached customer without fetching it: only `useCustomer()` fetches. Only the
  // locale it resolves to is selected, and "no customer yet" (the placeholder) resolves as
  // well, so neither a new name nor the customer's arrival re-renders every component on the
  // page: only a change of the UI's locale does (the provider's, or the customer's without one).
  // The placeholder is a new function each render: TanStack reuses a placeholder's selected
  // data, without selecting again, while the option stays the same one, and a new provider
  // locale must be selected before the customer has loaded too.
  const { data: selected } = useQuery<Customer | null, BillingPortalError, Locale>(
    { ...customerQueryOptions(client), enabled: false, placeholderData: () => null, select: (customer) => resolveLocale(chosen, customer?.locale) },
    queryClient,
  );
  const locale = selected ?? resolveLocale(chosen, undefined);
  return { locale, dir: directionOf(locale) };
}

/**
 * The UI's locale and direction: the provider's `locale`, else the signed-in
 * customer's own preferred locale (once it is loaded), else Hebrew.
 */
export function useLocale(): { locale: Locale; dir: Direction } {
  return useLocaleFor("useLocale");
}
