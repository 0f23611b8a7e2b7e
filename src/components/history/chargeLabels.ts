import type { Charge, ChargeStatus } from "../../core/billing";
import type { AreaKey, AreaStrings } from "../../core/messages";
import type { historyMessages } from "../../core/messages/history";

type HistoryStrings = AreaStrings<typeof historyMessages>;

/** How a status looks: the badge's colour family. */
export type StatusTone = "success" | "danger" | "pending" | "muted";

// Every status has a tone (the type says so), so the table also answers which statuses are known:
// importing `chargeStatuses` would bring core/billing's schemas (zod) into the history's chunk.
const TONES: Record<ChargeStatus, StatusTone> = {
  succeeded: "success",
  failed: "danger",
  pending: "pending",
  processing: "pending",
  requires_capture: "pending",
  canceled: "muted",
};

function isKnownStatus(status: string): status is ChargeStatus {
  return Object.prototype.hasOwnProperty.call(TONES, status);
}

/** The label and tone of a charge's status; a status Ching adds later gets a neutral one. */
export function statusLabel(status: string, messages: HistoryStrings): { label: string; tone: StatusTone } {
  if (!isKnownStatus(status)) return { label: messages["history.status.unknown"], tone: "muted" };
  return { label: messages[`history.status.${status}`], tone: TONES[status] };
}

const BRANDS = ["visa", "mastercard", "amex", "diners", "isracard"] as const;

/** A card brand as people write it (`visa` → "Visa"); a brand not in the catalog reads "Card". */
export function brandLabel(brand: string | null, messages: HistoryStrings): string {
  const known = BRANDS.find((name) => name === brand?.toLowerCase());
  const key: AreaKey<typeof historyMessages> = known ? `history.brand.${known}` : "history.brand.other";
  return messages[key];
}

/** `"full"` when everything was given back, `"partial"` for part of it, `null` for none. */
export function refundKind(charge: Pick<Charge, "amount" | "refunded_amount">): "full" | "partial" | null {
  if (!charge.refunded_amount) return null;
  return charge.refunded_amount >= charge.amount ? "full" : "partial";
}
