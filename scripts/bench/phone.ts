/** `toE164` calls per second over a mix of national, international and invalid inputs. */
import { performance } from "node:perf_hooks";
import { toE164 } from "../../src/core/phone";

export const PHONE_INPUTS: ReadonlyArray<readonly [input: string, country?: "IL" | "US"]> = [
  ["050-123-4567"], // national, Israeli mobile
  ["054 765 4321"],
  ["03-123-4567"], // national, landline
  ["+972 50-123-4567"], // international
  ["00972501234567"], // international with 00
  ["\u200e+972-50-123-4567\u200f"], // copied out of right-to-left text
  ["+1 212 555 0100"],
  ["(212) 555-0100", "US"],
  ["+44 20 7946 0958"],
  ["hello"], // invalid
  ["+972 50 123"], // too short
  ["12345678901234567890"], // too long
  [""],
  ["050-123-4567 ext. 12"],
];

export interface PhoneFigures {
  callsPerSecond: number;
  calls: number;
  durationMs: number;
  /** Inputs of the mix that answered a number. */
  validInputs: number;
  inputs: number;
}

export function runPhoneBench(durationMs = 1000): PhoneFigures {
  const validInputs = PHONE_INPUTS.filter(([input, country]) => toE164(input, country) !== undefined).length;
  let sink = 0;
  const spin = (ms: number) => {
    const end = performance.now() + ms;
    let calls = 0;
    const started = performance.now();
    while (performance.now() < end) {
      // A whole round of the mix between clock reads: the clock costs more than it seems.
      for (const [input, country] of PHONE_INPUTS) {
        if (toE164(input, country) !== undefined) sink++;
      }
      calls += PHONE_INPUTS.length;
    }
    return { calls, elapsed: performance.now() - started };
  };
  spin(Math.min(250, durationMs / 4)); // warm-up: JIT
  const { calls, elapsed } = spin(durationMs);
  if (sink < 0) console.log(sink); // keeps the results alive
  return { callsPerSecond: Math.round(calls / (elapsed / 1000)), calls, durationMs: Math.round(elapsed), validInputs, inputs: PHONE_INPUTS.length };
}
