import type { MessageKey, Messages } from "../../core/messages";

/** Whether `key` names a string of the catalog (form errors carry catalog keys as their `message`). */
export function isMessageKey(messages: Messages, key: string): key is MessageKey {
  return Object.hasOwn(messages, key);
}
