/// <reference types="vitest/config" />
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig, type Plugin } from "vite";
import pkg from "./package.json" with { type: "json" };
import { chromiumArgs, chromiumPath } from "./scripts/chromium.ts";
import { layered } from "./scripts/layeredCss.ts";
import { packageAliases } from "./vite.aliases.ts";

const root = fileURLToPath(new URL(".", import.meta.url));


// Every dependency stays an import in the built files: the merchant's bundler
// dedupes it with their own copy (react, TanStack Query) and tree-shakes it.
const externalPackages = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
];
const isExternal = (id: string) =>
  id.startsWith("node:") ||
  builtinModules.includes(id) ||
  externalPackages.some((name) => id === name || id.startsWith(`${name}/`));

/**
 * Ships the stylesheet as `dist/styles.css`, untouched (nothing is injected at
 * run time), and the same rules in `@layer ching` as `dist/styles.layered.css`.
 */
function stylesheet(): Plugin {
  return {
    name: "ching:stylesheet",
    apply: "build",
    generateBundle() {
      const css = readFileSync(`${root}src/components/styles.css`, "utf8");
      this.emitFile({ type: "asset", fileName: "styles.css", source: css });
      this.emitFile({ type: "asset", fileName: "styles.layered.css", source: layered(css) });
    },
  };
}

export default defineConfig({
  plugins: [react()],
  resolve: { alias: packageAliases },
  // public/ holds MSW's service worker for Storybook; it is not part of the package.
  publicDir: false,
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    minify: false,
    lib: {
      entry: {
        index: "src/index.ts",
        "server/index": "src/server/index.ts",
        "shared/index": "src/shared/index.ts",
        "testing/index": "src/testing/index.ts",
        "testing/ching/index": "src/testing/ching/index.ts",
        "bin/ching-mock": "src/bin/ching-mock.ts",
      },
      formats: ["es"],
    },
    rollupOptions: {
      external: isExternal,
      plugins: [stylesheet()],
      output: {
        // One file per module, so a merchant's bundler drops whole modules they do not use.
        preserveModules: true,
        preserveModulesRoot: "src",
        entryFileNames: "[name].js",
        // React Server Components: the root entry is a client boundary (and only it:
        // /shared, /server and /testing are server-safe). The bin runs as a command.
        banner: (chunk) => {
          if (!chunk.isEntry) return "";
          if (chunk.name === "index") return '"use client";';
          if (chunk.name.startsWith("bin/")) return "#!/usr/bin/env node";
          return "";
        },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "jsdom",
          include: ["test/react/**/*.test.{ts,tsx}", "test/components/**/*.test.{ts,tsx}"],
          setupFiles: ["test/setup.dom.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "node",
          environment: "node",
          include: ["test/core/**/*.test.ts", "test/server/**/*.test.ts", "test/testing/**/*.test.ts", "test/ssr/**/*.test.{ts,tsx}"],
          // A real redis-server for the lock tests, started when none answers on REDIS_URL.
          globalSetup: ["test/server/redisServer.ts"],
        },
      },
      {
        // Browser tests outside Storybook: the stylesheet under app templates' global CSS.
        extends: true,
        optimizeDeps: { include: ["@tanstack/react-query", "zod/mini", "libphonenumber-js/min", "react-hook-form", "@radix-ui/react-dialog", "react-dom/client"] },
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.{ts,tsx}"],
          // The first case also waits for the page's cold start, slow on a shared machine.
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
            instances: [{ browser: "chromium" }],
            viewport: { width: 1280, height: 1400 },
          },
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: `${root}.storybook` })],
        // Pre-bundled up front: a discovery mid-run reloads the page and fails the test.
        optimizeDeps: {
          include: [
            "msw",
            "msw/browser",
            "msw-storybook-addon/csf3",
            "@tanstack/react-query",
            "zod/mini",
            "libphonenumber-js/min",
            "react-hook-form",
            "@radix-ui/react-dialog",
            "axe-core",
          ],
        },
        test: {
          name: "storybook",
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
            }),
            instances: [{ browser: "chromium" }],
          },
        },
      },
      // Issue 13's measures: stories tagged "phone" at 375×560, and stories tagged
      // "forced-colors" (selected/unselected and disabled states) with Windows High
      // Contrast emulated; the play functions and axe (colour contrast on) run in each.
      ...[
        { name: "storybook-phone", tag: "phone", viewport: { width: 375, height: 560 }, contextOptions: {} },
        { name: "storybook-forced-colors", tag: "forced-colors", viewport: { width: 1280, height: 800 }, contextOptions: { forcedColors: "active" as const } },
      ].map(({ name, tag, viewport, contextOptions }) => ({
        extends: true as const,
        plugins: [storybookTest({ configDir: `${root}.storybook`, tags: { include: [tag] } })],
        optimizeDeps: { include: ["msw", "msw/browser", "msw-storybook-addon/csf3", "@tanstack/react-query", "zod/mini", "libphonenumber-js/min", "react-hook-form", "@radix-ui/react-dialog", "axe-core"] },
        test: {
          name,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs }, contextOptions }),
            instances: [{ browser: "chromium" as const }],
            viewport,
          },
        },
      })),
    ],
  },
});
