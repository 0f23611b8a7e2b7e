import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * `CustomerProfile` alone must not bring react-hook-form, Radix or the phone
 * metadata into a merchant's first load: those come with the dialogs, which it
 * imports dynamically. This walks the static imports that survive compilation
 * (`import type` is erased) from its source.
 */
const src = resolve(dirname(fileURLToPath(import.meta.url)), "../../src");
const STATIC_IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^;]*?\sfrom\s+)?["']([^"']+)["']/gm;

function resolveModule(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  const found = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((path) => existsSync(path) && statSync(path).isFile());
  if (!found) throw new Error(`Cannot resolve ${specifier} from ${from}`);
  return found;
}

function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    for (const match of readFileSync(file, "utf8").matchAll(STATIC_IMPORT)) {
      const [, , typeOnly, specifier] = match;
      if (typeOnly || !specifier) continue;
      if (specifier.startsWith(".")) pending.push(resolveModule(file, specifier));
      else packages.add(specifier);
    }
  }
  return { files, packages };
}

describe("CustomerProfile's first load", () => {
  const { files, packages } = staticGraph(resolve(src, "components/CustomerProfile.tsx"));

  it("imports no react-hook-form, Radix, libphonenumber-js or zod statically", () => {
    // The walk itself works: it reaches the hooks and React.
    expect(packages).toContain("react");
    expect([...files].some((file) => file.endsWith("react/useCustomer.ts"))).toBe(true);
    const heavy = [...packages].filter((name) => /^(react-hook-form|@hookform\/|@radix-ui\/|libphonenumber-js|zod)/.test(name));
    expect(heavy).toEqual([]);
  });

  it("leaves the form, the dialogs and the phone helpers to dynamic imports", () => {
    const relative = [...files].map((file) => file.slice(src.length + 1));
    expect(relative).not.toContain("core/phone.ts");
    expect(relative).not.toContain("components/CustomerForm.tsx");
    expect(relative).not.toContain("components/CustomerDialog.tsx");
    expect(relative).not.toContain("components/PhoneField.tsx");
    const profile = readFileSync(resolve(src, "components/CustomerProfile.tsx"), "utf8");
    expect(profile).toMatch(/import\("\.\/EditCustomerDialog"\)/);
    expect(profile).toMatch(/import\("\.\/CreateCustomerDialog"\)/);
  });
});

describe("PaymentMethods' first load", () => {
  const { files, packages } = staticGraph(resolve(src, "components/PaymentMethods.tsx"));

  it("leaves Radix and the confirm dialog to a dynamic import", () => {
    expect([...files].some((file) => file.endsWith("react/usePaymentMethods.ts"))).toBe(true);
    const heavy = [...packages].filter((name) => /^(react-hook-form|@hookform\/|@radix-ui\/|libphonenumber-js|zod)/.test(name));
    expect(heavy).toEqual([]);
    expect([...files].map((file) => file.slice(src.length + 1))).not.toContain("components/RemoveCardDialog.tsx");
    expect(readFileSync(resolve(src, "components/PaymentMethods.tsx"), "utf8")).toMatch(/import\("\.\/RemoveCardDialog"\)/);
  });

  it("leaves the add-card flow (start and return) to a dynamic import", () => {
    const relative = [...files].map((file) => file.slice(src.length + 1));
    expect(relative).not.toContain("components/AddCardFlow.tsx");
    expect(readFileSync(resolve(src, "components/PaymentMethods.tsx"), "utf8")).toMatch(/import\("\.\/AddCardFlow"\)/);
  });

  it("leaves the rows (brand marks, expiry, badges, their strings) to a dynamic import", () => {
    const relative = [...files].map((file) => file.slice(src.length + 1));
    expect(relative).toContain("components/loadPaymentMethodList.ts");
    for (const lazy of ["components/PaymentMethodList.tsx", "components/PaymentMethodRow.tsx", "components/CardBrandMark.tsx", "core/messages/cardsList.ts"]) {
      expect(relative).not.toContain(lazy);
    }
    expect(readFileSync(resolve(src, "components/loadPaymentMethodList.ts"), "utf8")).toMatch(/import\("\.\/PaymentMethodList"\)/);
  });

  it("carries only its own strings: the cards' first-load area, not the whole catalogs", () => {
    const relative = [...files].map((file) => file.slice(src.length + 1));
    expect(relative).toContain("core/messages/cards.ts");
    const catalogs = relative.filter((file) => file.startsWith("core/messages/")).sort();
    expect(catalogs).toEqual(["core/messages/area.ts", "core/messages/cards.ts", "core/messages/shared.ts"]);
  });
});

describe("each component's strings", () => {
  it.each([
    ["CustomerProfile", ["profile", "shared"]],
    ["BillingHistory", ["history", "portal"]],
    ["BillingPage", ["page"]],
  ])("%s loads only the areas it shows first", (component, areas) => {
    const { files } = staticGraph(resolve(src, `components/${component}.tsx`));
    const catalogs = [...files]
      .map((file) => file.slice(src.length + 1))
      .filter((file) => file.startsWith("core/messages/") && !file.endsWith("/area.ts"))
      .map((file) => file.replace(/^core\/messages\/|\.ts$/g, ""))
      .sort();
    expect(catalogs).toEqual(areas);
  });
});
