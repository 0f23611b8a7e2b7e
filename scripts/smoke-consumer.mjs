// The package as a merchant gets it: pack the built library, install the tarball
// into a fresh Vite React app in a temporary folder outside the repo, build the
// app for the browser and for the server, server-render it, and load /server in
// plain Node. Nothing may lean on this repo's node_modules.
// Usage: npm run build && node scripts/smoke-consumer.mjs [--keep]  (--keep leaves the temporary app)
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const installed = (name) => JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")).version;
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });

const work = mkdtempSync(join(tmpdir(), "ching-consumer-"));
const keep = process.argv.includes("--keep");
try {
  const tarball = run(npm, ["pack", "--silent", "--pack-destination", work], root).trim().split("\n").pop();
  const app = join(work, "app");
  mkdirSync(join(app, "src"), { recursive: true });
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify(
      {
        name: "ching-consumer-smoke",
        private: true,
        type: "module",
        dependencies: {
          [pkg.name]: `file:${join(work, tarball)}`,
          react: installed("react"),
          "react-dom": installed("react-dom"),
          "@tanstack/react-query": installed("@tanstack/react-query"),
        },
        devDependencies: { vite: installed("vite"), "@vitejs/plugin-react": installed("@vitejs/plugin-react") },
      },
      null,
      2,
    ),
  );
  writeFileSync(join(app, "vite.config.js"), 'import react from "@vitejs/plugin-react";\nexport default { plugins: [react()] };\n');
  writeFileSync(
    join(app, "index.html"),
    '<!doctype html><html lang="he" dir="rtl"><head><meta charset="utf-8"><title>Shop</title></head><body><div id="root"><!--app--></div><script type="module" src="/src/main.jsx"></script></body></html>\n',
  );
  writeFileSync(
    join(app, "src", "App.jsx"),
    `import { BillingPortalProvider, CustomerForm, CustomerProfile, toE164 } from "${pkg.name}";
import "${pkg.name}/styles.css";

export function App() {
  return (
    <BillingPortalProvider endpoint="/api/billing">
      <CustomerProfile />
      <CustomerForm />
      <output data-testid="phone">{toE164("050-123-4567")}</output>
    </BillingPortalProvider>
  );
}
`,
  );
  writeFileSync(
    join(app, "src", "main.jsx"),
    'import { hydrateRoot } from "react-dom/client";\nimport { App } from "./App.jsx";\nhydrateRoot(document.getElementById("root"), <App />);\n',
  );
  writeFileSync(
    join(app, "src", "entry-server.jsx"),
    'import { renderToString } from "react-dom/server";\nimport { App } from "./App.jsx";\nexport const render = () => renderToString(<App />);\n',
  );

  console.log(`installing ${tarball} into ${app}`);
  run(npm, ["install", "--no-audit", "--no-fund", "--loglevel=error"], app);
  console.log("building the browser bundle");
  run(process.execPath, [join(app, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"], app);
  console.log("building the server bundle");
  run(process.execPath, [join(app, "node_modules/vite/bin/vite.js"), "build", "--ssr", "src/entry-server.jsx", "--outDir", "dist-server", "--logLevel", "warn"], app);

  // Server render in plain Node: no window, no document, no error, no warning.
  const problems = [];
  const original = { error: console.error, warn: console.warn };
  console.error = (...args) => problems.push(args.join(" "));
  console.warn = (...args) => problems.push(args.join(" "));
  let html;
  try {
    const { render } = await import(pathToFileURL(join(app, "dist-server", "entry-server.js")).href);
    html = render();
  } finally {
    Object.assign(console, original);
  }
  if (problems.length > 0) throw new Error(`server render printed:\n${problems.join("\n")}`);
  for (const expected of ['dir="rtl"', 'lang="he"', "+972501234567"]) {
    if (!html.includes(expected)) throw new Error(`server render lacks ${expected}:\n${html.slice(0, 2000)}`);
  }

  // The server entry loads in Node, imports no React, and makes a handler.
  const serverEntry = join(app, "node_modules", pkg.name, "dist", "server", "index.js");
  const serverSource = readFileSync(serverEntry, "utf8");
  if (/from\s+["']react/.test(serverSource)) throw new Error("/server imports React");
  writeFileSync(
    join(app, "server-check.mjs"),
    `import { createBillingPortalHandler } from "${pkg.name}/server";
const handler = createBillingPortalHandler({ apiKey: "ck_test_${"0".repeat(64)}", identify: () => null, onCustomerCreated: () => {} });
const response = await handler(new Request("http://localhost/customers/me"));
if (response.status !== 401) throw new Error("expected 401, got " + response.status);
`,
  );
  run(process.execPath, ["server-check.mjs"], app);

  console.log(`consumer smoke test passed: ${tarball} installs, builds, server-renders (${html.length} characters of HTML) and its /server loads`);
} finally {
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
