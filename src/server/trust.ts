import { compiled } from "../core/compiledSchema";
import { HANDLER_ERROR_CODES as CODES } from "../core/envelope";
import type { SafeParser } from "../core/validate";
import { problem } from "./http";

/**
 * Ching's answers at the trust boundary: an answer of 200 that is not what was
 * asked for is a 502, never passed on to the browser. What passes is what Ching
 * sent, fields the schema does not know included. Every answer is checked, so
 * object schemas are checked by zod's compiled path (core/compiledSchema.ts).
 */

/** Whether `data` from Ching has the schema's shape. */
export function hasShape<T>(schema: SafeParser<T>, data: unknown): data is T {
  return compiled(schema).safeParse(data).success;
}

export function expectShape<T>(schema: SafeParser<T>, data: unknown, what: string): T {
  if (!hasShape(schema, data)) throw problem(502, CODES.upstreamInvalidResponse, `Ching answered ${what} that could not be read`);
  return data;
}

/** A list of Ching's, each item checked. */
export function expectList<T>(schema: SafeParser<T>, data: unknown, what: string): T[] {
  if (!Array.isArray(data)) throw problem(502, CODES.upstreamInvalidResponse, `Ching answered ${what} with something that is not a list`);
  for (const item of data) expectShape(schema, item, what);
  return data as T[];
}
