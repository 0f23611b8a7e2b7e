import { useQuery } from "@tanstack/react-query";
import type { Customer, Locale } from "../core/customer";
import type { BillingPortalError } from "../core/error";
import { directionOf, resolveLocale, type Direction } from "../core/locale";
import { useBillingPortalContext } from "./context";
import { customerQueryOptions } from "./queryOptions";

/** `useLocale` for a component: `consumerName` names it in the error when there is no provider. */
export function useLocaleFor(consumerName: string): { locale: Locale; dir: Direction } {
  const { locale: chosen, client, queryClient } = useBillingPortalContext(consumerName);
  // Reads the cached customer without fetching it: only `useCustomer()` fetches. Only its
  // locale is selected, so a new name or phone does not re-render every component on the page.
  const { data: customerLocale } = useQuery<Customer | null, BillingPortalError, string | undefined>(
    { ...customerQueryOptions(client), enabled: false, select: (customer) => customer?.locale },
    queryClient,
  );
  const locale = resolveLocale(chosen, customerLocale);
  return { locale, dir: directionOf(locale) };
}

/**
 * The UI's locale and direction: the provider's `locale`, else the signed-in
 * customer's own preferred locale (once it is loaded), else Hebrew.
 */
export function useLocale(): { locale: Locale; dir: Direction } {
  return useLocaleFor("useLocale");
}
