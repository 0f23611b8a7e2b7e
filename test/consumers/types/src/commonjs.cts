// A CommonJS module (node16, nodenext): the package is ESM-only, so CommonJS loads it with import(),
// as the README says. A static `import` here would be TS1479.
export async function normalizePhone(input: string): Promise<string | undefined> {
  const { toE164 } = await import("@ching/billing-portal-react/shared");
  return toE164(input);
}
