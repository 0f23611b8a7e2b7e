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

/** What the stories import, pre-bundled before the first test: a discovery mid-run reloads the page and fails the test. */
const STORY_DEPENDENCIES = [
  "msw",
  "msw/browser",
  "msw-storybook-addon/csf3",
  "@tanstack/react-query",
  "zod/mini",
  "libphonenumber-js/min",
  "react-hook-form",
  "@radix-ui/react-dialog",
  "axe-core",
];

/** What the portable stories of test/stories add to that (addon-vitest brings them itself). */
const PORTABLE_STORY_DEPENDENCIES = [
  "@storybook/react-vite",
  "@storybook/addon-a11y/preview",
  "storybook/test",
  "storybook/internal/csf",
  "storybook/preview-api",
  "react-dom/client",
];

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
        // Every story as a test (@storybook/addon-vitest), as the story says (its own
        // language and theme, 1200×900): what Storybook's own "Run tests" runs.
        extends: true,
        plugins: [storybookTest({ configDir: `${root}.storybook` })],
        optimizeDeps: { include: STORY_DEPENDENCIES },
        test: {
          name: "storybook",
          setupFiles: [`${root}.storybook/vitest.setup.ts`],
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
            instances: [{ browser: "chromium" }],
          },
        },
      },
      // Issue 13's matrix (test/stories/matrix.test.tsx): every story in he/en ×
      // light/dark × 1280/375, and the stories tagged "forced-colors" (the
      // selected/unselected and disabled states) in he/en × light/dark with Windows
      // High Contrast emulated; the play function and axe (colour contrast on, a
      // violation fails) run in each.
      ...(
        [
          { name: "stories", storyMatrix: "all", contextOptions: {} },
          { name: "stories-forced-colors", storyMatrix: "forced-colors", contextOptions: { forcedColors: "active" } },
        ] as const
      ).map(({ name, storyMatrix, contextOptions }) => ({
        extends: true as const,
        // MSW's service worker for the stories' mock endpoint.
        publicDir: `${root}public`,
        optimizeDeps: { include: [...STORY_DEPENDENCIES, ...PORTABLE_STORY_DEPENDENCIES] },
        test: {
          name,
          include: ["test/stories/matrix.test.tsx"],
          setupFiles: ["test/stories/setup.ts"],
          provide: { storyMatrix },
          // A story with typing and a dialog takes a few seconds on two busy cores.
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs }, contextOptions }),
            instances: [{ browser: "chromium" as const }],
          },
        },
      })),
    ],
  },
});
