// Size budgets (`npm run size`): gzipped, react and react-dom left out, every
// other dependency counted (size-limit leaves peers out by default; TanStack
// Query is a peer, and a merchant's bundle pays for it, so it is put back).

/**
 * Keep only react and react-dom out of the bundle, and measure a production
 * build as a merchant ships it (dev-only warnings of TanStack Query and
 * others are behind process.env.NODE_ENV).
 */
const onlyReactExternal = (config) => ({
  ...config,
  external: ["react", "react-dom", "react/*", "react-dom/*"],
  define: { "process.env.NODE_ENV": '"production"' },
});

/** First load only: whatever is imported with `import()` is a lazy chunk and not counted. */
const withoutLazyChunks = (config) => ({
  ...onlyReactExternal(config),
  plugins: [
    ...(config.plugins ?? []),
    {
      name: "lazy-chunks-external",
      setup(build) {
        build.onResolve({ filter: /.*/ }, (args) => (args.kind === "dynamic-import" ? { path: args.path, external: true } : undefined));
      },
    },
  ],
});

// Each `limit` is what CI enforces, so the bundle cannot grow unnoticed; where
// it is above the goal, `goal` says so and the closing note of the
// size issue explains why (measured 2026-11-24).
export default [
  {
    name: "hooks only: provider, useCustomer, useCreateCustomer, useUpdateCustomer (TanStack Query included)",
    path: "dist/index.js",
    import: "{ BillingPortalProvider, useCustomer, useCreateCustomer, useUpdateCustomer }",
    gzip: true,
    // TanStack Query alone is 10.49 kB of it; our client, error and hooks about 1.5 kB.
    // goal 12 kB: the named request functions of the protocol module (issue 10) cost 44 B.
    limit: "12.05 kB",
    // No lazy chunk is reachable from the hooks; leaving import() out keeps esbuild from wrapping modules for it.
    modifyEsbuildConfig: withoutLazyChunks,
  },
  {
    // Issue 13: an Israeli customer's profile formats the phone itself (utils/israeliPhone.ts) and
    // loads no chunk without interaction (the dialogs load on hover, focus or click; the phone
    // formatter only for numbers from abroad). So its first load is all it loads: ≤ 20 kB.
    name: "CustomerProfile for an Israeli customer: first load plus what it loads without interaction",
    path: "dist/index.js",
    import: "{ BillingPortalProvider, CustomerProfile }",
    gzip: true,
    limit: "20 kB",
    modifyEsbuildConfig: withoutLazyChunks,
  },
  {
    name: "CustomerProfile on first load (lazy chunks not counted)",
    path: "dist/index.js",
    import: "{ BillingPortalProvider, CustomerProfile }",
    gzip: true,
    limit: "20 kB",
    modifyEsbuildConfig: withoutLazyChunks,
  },
  {
    name: "BillingPage on first load (lazy chunks not counted; its sections are lazy)",
    path: "dist/index.js",
    import: "{ BillingPortalProvider, BillingPage }",
    gzip: true,
    // Issue 15: ≤ 25 kB over React. The page itself is a frame and skeletons; profile,
    // history and the manage section each arrive with import().
    limit: "25 kB",
    modifyEsbuildConfig: withoutLazyChunks,
  },
  {
    name: "the whole root entry with every lazy chunk",
    path: "dist/index.js",
    import: "*",
    gzip: true,
    // goal 85 kB (issue 6, blocked): measured 95.4 kB. The libraries the project prescribes come
    // to 85.2 kB here before any of our code: libphonenumber-js (min metadata, AsYouType) 37.2,
    // react-hook-form 14.4, Radix Dialog 14.4, TanStack Query 10.5, zod/mini 8.7; ours is 11.1.
    // 100.1 kB on main with the second wave's hooks (2026-12-01); issue 13 adds 1.6 kB: the discard
    // confirmation, per-theme tokens with their contrast check (public: appearanceContrastProblems),
    // preset themes, the Israeli phone formatter, new strings. Issue 15 adds 4.9 kB (106.62 kB,
    // 2026-12-01): BillingHistory (rows, receipts, paging), ManageBillingButton, BillingPage and
    // its sections, and the history.*/portal.*/page.* strings of both catalogs (about 1.5 kB).
    limit: "107 kB",
    modifyEsbuildConfig: onlyReactExternal,
  },
  {
    name: "styles.css",
    path: "dist/styles.css",
    gzip: true,
    limit: "4 kB",
  },
  {
    name: "/server (no React in it)",
    path: "dist/server/index.js",
    import: "*",
    gzip: true,
    // goal 8 kB (issue 6, blocked): measured 15.0 kB, of which zod/mini with the shared schemas is
    // 7.5 kB (design: "the server checks again with the same schemas") and the handler 7.4 kB;
    // 15.8 kB since issue 10 (Ching's answers checked against customerSchema, the error-code table);
    // 17.6 kB with issue 11's locks (createMemoryLock 1.1 kB, createRedisLock 0.7 kB more; a merchant
    // who imports neither does not ship them)
    limit: "18 kB",
    modifyEsbuildConfig: (config) => ({ ...config, external: ["node:*"], platform: "node" }),
  },
];
