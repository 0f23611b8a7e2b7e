import { cardsMessages } from "./cards";
import { cardsListMessages } from "./cardsList";
import { cardsRemoveMessages } from "./cardsRemove";
import { cardsReturnMessages } from "./cardsReturn";
import { dialogMessages } from "./dialog";
import { formMessages } from "./form";
import { historyMessages } from "./history";
import { pageMessages } from "./page";
import { portalMessages } from "./portal";
import { profileMessages } from "./profile";
import { closeMessages, loadingMessages, savedMessages } from "./shared";

/**
 * English strings. Every string a person reads comes from this catalog or `he`.
 * Both are written by area (./profile.ts, ./cards.ts, …: each holds the area's
 * English and Hebrew), so a component loads only its own; this gathers them.
 */
export const en = {
  ...loadingMessages.en,
  ...savedMessages.en,
  ...closeMessages.en,
  ...profileMessages.en,
  ...formMessages.en,
  ...dialogMessages.en,
  ...cardsMessages.en,
  ...cardsListMessages.en,
  ...cardsRemoveMessages.en,
  ...cardsReturnMessages.en,
  ...historyMessages.en,
  ...portalMessages.en,
  ...pageMessages.en,
} as const;

/** The keys of the catalogs, shared by every locale. */
export type MessageKey = keyof typeof en;
/** A complete catalog: one string per key. */
export type Messages = Record<MessageKey, string>;
