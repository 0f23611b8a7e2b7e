import type { PaymentMethod } from "../../core/billing";
import type { AreaStrings } from "../../core/messages";
import type { cardsListMessages } from "../../core/messages/cardsList";
import type { cardsRemoveMessages } from "../../core/messages/cardsRemove";
import { formatMessage } from "./formatMessage";
import { monthIndex } from "./useMonthNow";

/** The brands with a mark of their own (and a name in the catalogs). */
export const KNOWN_BRANDS = ["visa", "mastercard", "amex", "diners", "isracard"] as const;
export type KnownBrand = (typeof KNOWN_BRANDS)[number];

export function knownBrand(brand: string): KnownBrand | null {
  const key = brand.toLowerCase();
  return (KNOWN_BRANDS as readonly string[]).includes(key) ? (key as KnownBrand) : null;
}

/** The brand as a person reads it: the catalog's name, else Ching's own word for it. */
export function brandName(brand: string, messages: AreaStrings<typeof cardsListMessages>): string {
  const known = knownBrand(brand);
  if (known) return messages[`cards.brand.${known}`];
  return brand.trim() ? brand.charAt(0).toUpperCase() + brand.slice(1) : messages["cards.brand.other"];
}

/** `12/2030`: the month with two digits, as printed on the card. */
export function formatExpiry(card: PaymentMethod["card"]): string {
  return `${String(card.exp_month).padStart(2, "0")}/${card.exp_year}`;
}

/** A card works to the end of its expiry month: it is expired from the month after. */
export function isExpired(card: PaymentMethod["card"], month: number | null): boolean {
  return month !== null && month > monthIndex(card.exp_year, card.exp_month);
}

/** "Visa ending 4242". */
export function cardTitle(method: PaymentMethod, messages: AreaStrings<typeof cardsListMessages | typeof cardsRemoveMessages>): string {
  return formatMessage(messages["cards.ending"], { brand: brandName(method.card.brand, messages), last4: method.card.last4 });
}

/** The row's accessible name: "Visa ending 4242, expires 12/2030, default". */
export function cardAccessibleName(method: PaymentMethod, messages: AreaStrings<typeof cardsListMessages>, expired: boolean): string {
  const values = { brand: brandName(method.card.brand, messages), last4: method.card.last4, expiry: formatExpiry(method.card) };
  const name = formatMessage(messages[expired ? "cards.name.expired" : "cards.name"], values);
  return method.is_default ? `${name}, ${messages["cards.name.default"]}` : name;
}

/** Ching refuses to detach a card in use (say, by an active subscription) with 409 or 422. */
export function isCardInUse(error: { status: number } | null | undefined): boolean {
  return error?.status === 409 || error?.status === 422;
}

/** The element id of a card row's Remove button, where focus goes back after a dialog (the row's id + `-remove`). */
export const removeButtonId = (rowId: string): string => `${rowId}-remove`;
