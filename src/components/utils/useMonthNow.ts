import { useSyncExternalStore } from "react";

/** The current month as a count, `year * 12 + (month - 1)`: comparable with a card's expiry. */
export function monthIndex(year: number, month: number): number {
  return year * 12 + (month - 1);
}

const HOUR = 60 * 60 * 1000;

function subscribe(onChange: () => void): () => void {
  // A page left open across the first of the month learns it within the hour.
  const timer = setInterval(onChange, HOUR);
  return () => clearInterval(timer);
}

function clientMonth(): number {
  const now = new Date();
  return monthIndex(now.getFullYear(), now.getMonth() + 1);
}

/** On the server, and while hydrating, nobody knows the reader's clock. */
const serverMonth = (): null => null;

/**
 * This month in the reader's clock, or `null` on the server and during
 * hydration: the server's clock (and time zone) may be a month apart from
 * the browser's, so whatever depends on it (the Expired badge) renders only
 * in the browser, after hydration, and never mismatches.
 */
export function useMonthNow(): number | null {
  return useSyncExternalStore(subscribe, clientMonth, serverMonth);
}
