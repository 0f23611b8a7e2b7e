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
// size issue explains why (measured 2026-11-24; the first loads again 2026-12-02,
// after the catalogs were split by area: a component carries only its own strings).
export default [
  {
    name: "hooks only: provider, useCustomer, useCreateCustomer, useUpdateCustomer (TanStack Query included)",
    path: "dist/index.js",
    import: "{ BillingPortalProvider, useCustomer, useCreateCustomer, useUpdateCustomer }",
    gzip: true,
    // TanStack Query alone is 10.49 kB of it; our client, error and hooks about 1.5 kB.
    // goal 12 kB (issue 14), measured 12.00 kB (12 000 B: no byte to spare): the signed-in customer is
    // read and patched as the customer "me" (`/customers/me` is `customerPath("me")`), so one request
    // function and one key builder serve both (28 B less than main's 12.03 kB); the second wave's keys
    // are tree-shaken out of it.
    limit: "12 kB",
    // No lazy chunk is reachable from the hooks; leaving import() out keeps esbuild from wrapping modules for it.
    modifyEsbuildConfig: withoutLazyChunks,
  },
  {
    // Issue 13: an Israeli customer's profile formats the phone itself (utils/israeliPhone.ts) and
    // loads no chunk without interaction (the dialogs load on hover, focus or click; the phone
    // formatter only for numbers from abroad). So its first load is all it loads: ≤ 20 kB.
    // 14.87 kB since it carries only the profile's strings (both locales), not every catalog (19.51 kB
    // on main, 2026-12-02, with the create defaults it asks for early).
    name: "CustomerProfile for an Israeli customer: first load plus what it loads without interaction",
    path: "dist/index.js",
    import: "{ BillingPortalProvider, CustomerProfile }",
    gzip: true,
    limit: "14.9 kB",
    modifyEsbuildConfig: withoutLazyChunks,
  },
  {
    name: "CustomerProfile on first load (lazy chunks not counted)",
    path: "dist/index.js",
    import: "{ BillingPortalProvider, CustomerProfile }",
    gzip: true,
    // goal 20 kB (issue 13), measured 14.87 kB
    limit: "14.9 kB",
    modifyEsbuildConfig: withoutLazyChunks,
  },
  {
    name: "provider alone (the base PaymentMethods is measured over)",
    path: "dist/index.js",
    import: "{ BillingPortalProvider }",
    gzip: true,
    limit: "8 kB",
    modifyEsbuildConfig: withoutLazyChunks,
  },
  {
    name: "PaymentMethods on first load (lazy chunks not counted)",
    path: "dist/index.js",
    import: "{ BillingPortalProvider, PaymentMethods }",
    gzip: true,
    // goal (issue 14): at most 8 kB over the provider alone (7.60 kB), so ≤ 15.60 kB. Measured 2026-12-02:
    // 14.56 kB, 6.96 kB over it: goal met. The rows (brand marks, expiry, badges, Remove, the
    // accessible names and their strings: PaymentMethodList, PaymentMethodRow, CardBrandMark,
    // core/messages/cardsList) are a chunk asked for as the list first renders, alongside the cards
    // (BillingPage asks with the cards section's chunk); once in, the lazy answers synchronously, so
    // the rows show in the render that brings the cards and a server renders them. 16.09 kB before
    // (8.50 over); 16.25 kB before the return's reading, its Dismiss and the new card's focus went to
    // the lazy watch; main: 22.31 kB. What is left over the provider: TanStack's useQuery (QueryObserver
    // and its React bindings) 2.71 kB; our endpoint client, error and the cards, customer and locale
    // queries; the frame (heading, skeleton, empty and error states, Add card) with its strings. Not
    // in the first load: the rows, the confirm dialog with the removal (Radix, MutationObserver), the
    // add-card start, the return's reading and polling, the dev-only contrast check.
    limit: "14.6 kB",
    modifyEsbuildConfig: withoutLazyChunks,
  },
  {
    name: "BillingPage on first load (lazy chunks not counted; its sections are lazy)",
    path: "dist/index.js",
    import: "{ BillingPortalProvider, BillingPage }",
    gzip: true,
    // Issue 15: ≤ 25 kB over React. The page itself is a frame and skeletons; profile,
    // history and the manage section each arrive with import(); it asks for the sections' data itself
    // (their query options are in the first load). 12.70 kB with only the page's strings (17.77 kB on
    // main with both whole catalogs, 2026-12-02). 13.11 kB since it also asks for the first page's
    // receipts when the charges arrive and loads its sections' chunks itself, showing them together by a
    // state update (React.lazy's Suspense reveals came in waves 300 ms apart): bench:page, issue 15.
    // 13.40 kB (+0.29 kB) since the first page's receipts are one batch request (getDocuments, the
    // batch seeded into each document's query in one commit, a link's own read as the fallback):
    // 1 document request instead of 9, and the history's commits while loading 12 → 4 (bench:page).
    // 13.46 kB since the cards section's chunk is asked for with PaymentMethods' rows (issue 14).
    limit: "13.5 kB",
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
    // preset themes, the Israeli phone formatter, new strings; 102.25 kB with the second wave's hooks
    // and billing types. Issue 14 adds PaymentMethods with its confirm dialog and the cards.* strings
    // of both locales: 106.9 kB (2026-12-01); issue 15 adds BillingHistory, ManageBillingButton, BillingPage
    // and the history.*/portal.*/page.* strings (about 4.9 kB on its own): 111.06 kB with both.
    // BillingPage asking for its sections' data as it mounts (not after each chunk): 111.51 kB. Main as
    // merged on 2026-12-02 (138604d) measures 112.47 kB, over its own 111.6 kB limit; the commits after
    // that measure did not update it. 112.72 kB (+0.25 kB over main) with the smaller first loads: the
    // catalogs as areas (each area's wrapper, en and he gathered from them), PaymentMethods' lazy parts
    // (the confirm dialog owning the removal, AddCardFlow, the split of useAddPaymentMethod) and the
    // shared LoadError, whose alert the cards and the history now show with its icon too; 112.71 kB with
    // the return's Dismiss and focus in the lazy watch (issue 14); 113.03 kB with BillingPage's own
    // section loader and its early receipts (issue 15's load time in Chromium); 113.43 kB with the
    // receipts of a page read in one batch request (getDocuments, the history's per-page prefetch);
    // 113.71 kB with PaymentMethods' rows as a chunk of their own (the lazy list, its failure with
    // Retry, the loader BillingPage shares; issue 14's first load).
    limit: "113.75 kB",
    modifyEsbuildConfig: onlyReactExternal,
  },
  {
    name: "styles.css",
    path: "dist/styles.css",
    gzip: true,
    // goal 4 kB: 4.34 kB with the cards', history's and page's rules (issues 14, 15)
    limit: "4.5 kB",
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
    // who imports neither does not ship them); 21.6 kB with the second wave's routes (issues 14, 15:
    // cards, setup sessions, charges, documents, portal; their trust-boundary schemas) and the
    // create-once recovery (issue 11); 23.24 kB with the keep-alive node:http(s) client for Ching and the
    // adapter's plain answers (issue 11, overhead near a bare proxy: +1.25 kB, of which the client ~0.7 kB;
    // an edge bundle carries it unused, since which client to use is decided at run time); 23.39 kB with the handler's
    // one-minute memory of the documents a person's charges named (issue 15: a receipt without a second list of charges);
    // 23.80 kB with GET /customers/me/documents?ids=… (a page's receipts in one request: the ids' check, one
    // charges list for the batch, Ching's reads a few at a time); 25.03 kB with Ching's answers checked by
    // zod's compiled object check in trust.ts (issue 11: +1.2 kB, zod's code generator; ~4x faster: 7.6% of
    // the handler's instructions per GET /customers/me, 100 charges 192 -> 53 µs; the server's bytes are not the browser's);
    // 25.40 kB with toNodeHandler's deferred GET Request (issue 11: +0.37 kB; undici's Request, built only when more than
    // url, method and headers is read, cost ~20 µs of CPU per GET on Node 20: bench:server's CPU ratio 1.30 -> 1.15)
    limit: "25.45 kB",
    modifyEsbuildConfig: (config) => ({ ...config, external: ["node:*"], platform: "node" }),
  },
];
