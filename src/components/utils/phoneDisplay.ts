import { useEffect, useSyncExternalStore } from "react";
import type { Locale } from "../../core/customer";
import { formatIsraeliPhone } from "./israeliPhone";

/**
 * Phone numbers for reading (`+972 50 123 4567`) without putting
 * libphonenumber-js in the first load of `CustomerProfile`: the formatter is
 * imported on demand, once, and the E.164 string shows until it arrives.
 */
type Formatter = (e164: string) => string;

let formatter: Formatter | undefined;
let loading: Promise<Formatter> | undefined;
const listeners = new Set<() => void>();

/** Starts loading the phone formatter (idempotent); resolves with it. */
export function loadPhoneFormatter(): Promise<Formatter> {
  loading ??= import("../../core/phone").then((module) => {
    formatter = module.formatPhone;
    for (const listener of listeners) listener();
    return module.formatPhone;
  });
  return loading;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * `phone` formatted for reading. Israeli numbers are formatted at once, with
 * no phone metadata: `050-123-4567` for Hebrew readers, `+972 50 123 4567`
 * for others. Other numbers show once the formatter has loaded, the E.164
 * string until then; during hydration it answers what the server rendered
 * (the E.164 string; the server never loads the formatter), even when this
 * page loaded the formatter already, and formats right after.
 */
export function usePhoneDisplay(phone: string | null | undefined, locale: Locale): string | null {
  const israeli = phone ? formatIsraeliPhone(phone, locale === "he" ? "national" : "international") : undefined;
  const ready = useSyncExternalStore(
    subscribe,
    () => formatter !== undefined,
    () => false,
  );
  useEffect(() => {
    if (phone && !israeli && !formatter) loadPhoneFormatter().catch(() => undefined); // keep showing the E.164 string
  }, [phone, israeli]);
  if (!phone) return null;
  if (israeli) return israeli;
  return ready && formatter ? formatter(phone) : phone;
}
