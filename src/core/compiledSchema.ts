import * as core from "zod/v4/core";
import * as z from "zod/mini";
import type { SafeParser } from "./validate";

/**
 * zod/mini's `object`, checked the way classic zod's is: zod compiles a check for the shape on
 * first use (`new Function`), about four times faster than mini's field-by-field loop, which
 * mini keeps for the browser's bytes. Only the server imports this: it checks every answer from
 * Ching. Where code cannot be compiled (a Content Security Policy, Workers), zod notices and
 * checks field by field as before.
 */
type Init = (inst: z.ZodMiniObject, def: z.ZodMiniObject["_zod"]["def"]) => void;
const initCompiled: Init = core.$ZodObjectJIT.init;
const initMini: Init = z.ZodMiniType.init;
// As zod/mini's own `ZodMiniObject`, with the compiled core classic zod's `ZodObject` has.
const ZodMiniCompiledObject = core.$constructor("ZodMiniCompiledObject", (inst: z.ZodMiniObject, def: z.ZodMiniObject["_zod"]["def"]) => {
  initCompiled(inst, def);
  initMini(inst, def);
});

/** Each schema's compiled twin, made on first use. */
const twins = new WeakMap<object, unknown>();

/**
 * `schema` with the same shape and the same answers, checked by zod's compiled path when it
 * is an object schema (`object`, `looseObject`); any other schema as it is. Its fields' own
 * object schemas keep mini's check.
 */
export function compiled<T>(schema: SafeParser<T>): SafeParser<T> {
  let twin = twins.get(schema) as SafeParser<T> | undefined;
  if (!twin) {
    twin = schema instanceof z.ZodMiniObject ? (new ZodMiniCompiledObject({ ...schema._zod.def }) as unknown as SafeParser<T>) : schema;
    twins.set(schema, twin);
  }
  return twin;
}
