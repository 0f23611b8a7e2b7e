/** Whether `key` names one of `messages` (form errors carry catalog keys as their `message`). */
export function isMessageKey<K extends string>(messages: Record<K, string>, key: string): key is K {
  return Object.hasOwn(messages, key);
}
