import type { Locale } from "../locales";
import type { Messages } from "./en";

export type { AreaKey, AreaMessages, AreaStrings } from "./area";
export { messagesFor } from "./area";
export { en, type MessageKey, type Messages } from "./en";
export { he } from "./he";

/** Per-locale partial overrides, as the provider's `messages` prop takes them. */
export type MessageOverrides = Partial<Record<Locale, Partial<Messages>>>;
