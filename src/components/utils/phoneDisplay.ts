import { useEffect, useState } from "react";

/**
 * Phone numbers for reading (`+972 50 123 4567`) without putting
 * libphonenumber-js in the first load of `CustomerProfile`: the formatter is
 * imported on demand, once, and the E.164 string shows until it arrives.
 */
type Formatter = (e164: string) => string;

let formatter: Formatter | undefined;
let loading: Promise<Formatter> | undefined;

/** Starts loading the phone formatter (idempotent); resolves with it. */
export function loadPhoneFormatter(): Promise<Formatter> {
  loading ??= import("../../core/phone").then((module) => {
    formatter = module.formatPhone;
    return module.formatPhone;
  });
  return loading;
}

/** `phone` formatted for reading once the formatter has loaded; the E.164 string until then. */
export function usePhoneDisplay(phone: string | null | undefined): string | null {
  const [, setReady] = useState(formatter !== undefined);
  useEffect(() => {
    if (!phone || formatter) return;
    let live = true;
    loadPhoneFormatter().then(
      () => live && setReady(true),
      () => undefined, // keep showing the E.164 string
    );
    return () => {
      live = false;
    };
  }, [phone]);
  if (!phone) return null;
  return formatter ? formatter(phone) : phone;
}
