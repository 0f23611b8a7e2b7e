import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "storybook-static/", "public/mockServiceWorker.js", "node_modules/", "examples/*/dist/", "examples/next-app/.next/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.browser, ...globals.node } } },
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Layers import only downwards: core has no React; server and testing use core only.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["react", "react-dom", "@tanstack/*", "../react/*", "../components/*", "../server/*", "../testing/*"] }],
    },
  },
  {
    files: ["src/server/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["react", "react-*", "@tanstack/*", "libphonenumber-js*", "zod", "../react/*", "../components/*", "../testing/*"] }],
    },
  },
  {
    files: ["src/react/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: ["../components/*", "../server/*", "../testing/*"] }] },
  },
  {
    // The server-safe entry re-exports core: nothing from React, nothing from the server.
    files: ["src/shared/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: ["react", "react-*", "@tanstack/*", "../react/*", "../components/*", "../server/*", "../testing/*"] }] },
  },
  {
    // The bin runs the in-memory Ching, never msw or React.
    files: ["src/bin/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: ["react", "react-*", "msw", "msw/*", "../react/*", "../components/*", "../testing/index", "../testing/mockBillingPortal"] }] },
  },
  {
    // The styled components see the hooks layer through its public index, plus one
    // internal module (react/internal.ts: the context and the locale with a consumer name).
    files: ["src/components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/react/*", "!**/react/internal"],
              message: "Components import `../react` (its index) or `../react/internal` only.",
            },
            { group: ["**/server", "**/server/*", "**/testing", "**/testing/*"], message: "Browser components never import server or testing code." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/testing/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: ["react", "react-dom", "../react/*", "../components/*"] }] },
  },
);
