import * as core from "zod/v4/core";
import * as z from "zod/mini";

/**
 * zod/mini's `object`, checked the way classic zod's is: zod compiles a check for the shape on
 * first use (`new Function`), about four times faster than mini's field-by-field loop, which
 * mini keeps for the browser's bytes. On the server, where every answer from Ching is checked,
 * the speed matters more (only the server imports this). Where code cannot be compiled (a Content Security Policy, Workers),
 * zod notices and checks field by field as before.
 */
type Init = (inst: z.ZodMiniObject, def: z.ZodMiniObject["_zod"]["def"]) => void;
const initCompiled: Init = core.$ZodObjectJIT.init;
const initMini: Init = z.ZodMiniType.init;
// As zod/mini's own `ZodMiniObject`, with the compiled core classic zod's `ZodObject` has.
const ZodMiniCompiledObject = core.$constructor("ZodMiniCompiledObject", (inst: z.ZodMiniObject, def: z.ZodMiniObject["_zod"]["def"]) => {
  initCompiled(inst, def);
  initMini(inst, def);
});

/** `schema` as a compiled object schema: the same shape, the same answers, checked faster. */
export function compiledObject<Shape extends core.$ZodShape>(schema: z.ZodMiniObject<Shape>): z.ZodMiniObject<Shape> {
  return new ZodMiniCompiledObject({ ...schema._zod.def }) as unknown as z.ZodMiniObject<Shape>;
}
