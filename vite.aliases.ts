import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * Stories, tests and the example app import the package by its public name,
 * as a merchant would; inside this repo the name points at the source.
 */
export const packageAliases = [
  { find: /^@ching\/billing-portal-react$/, replacement: `${root}src/index.ts` },
  { find: /^@ching\/billing-portal-react\/server$/, replacement: `${root}src/server/index.ts` },
  { find: /^@ching\/billing-portal-react\/shared$/, replacement: `${root}src/shared/index.ts` },
  { find: /^@ching\/billing-portal-react\/testing$/, replacement: `${root}src/testing/index.ts` },
  { find: /^@ching\/billing-portal-react\/testing\/ching$/, replacement: `${root}src/testing/ching/index.ts` },
  { find: /^@ching\/billing-portal-react\/styles\.css$/, replacement: `${root}src/components/styles.css` },
];
