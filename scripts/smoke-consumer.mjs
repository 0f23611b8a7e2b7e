// The package as a merchant gets it: pack the built library, install the tarball
// into a fresh Vite React app in a temporary folder outside the repo, build the
// app for the browser and for the server, server-render it, and load /server in
// plain Node; load /shared, /testing and /testing/ching in Node without msw (an
// optional peer the app does not install), and run the packed `ching-mock` bin.
// Nothing may lean on this repo's node_modules.
// Usage: npm run build && node scripts/smoke-consumer.mjs [--keep]  (--keep leaves the temporary app)
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const installed = (name) => JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")).version;
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });

/** Runs the packed `ching-mock` bin on a free port, lists customers from it, then stops it with SIGTERM. */
async function checkBin(app) {
  const bin = join(app, "node_modules", ".bin", "ching-mock");
  if (!existsSync(bin)) throw new Error("the package installs no ching-mock bin");
  // Spawned as a command (not `node file`): the shebang and the executable bit are part of the check.
  const child = spawn(bin, ["--port", "0"], { cwd: app, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  try {
    const started = Date.now();
    while (!/apiKey:/.test(output)) {
      if (child.exitCode !== null) throw new Error(`ching-mock exited early:\n${output}`);
      if (Date.now() - started > 10_000) throw new Error(`ching-mock printed no apiBase within 10 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    const apiBase = /apiBase: (\S+)/.exec(output)?.[1];
    const apiKey = /apiKey: +(ck_test_0{64})\b/.exec(output)?.[1];
    if (!url || apiBase !== `${url}/ching/v1` || !apiKey) throw new Error(`ching-mock printed no base URL, apiBase and fake key:\n${output}`);
    const response = await fetch(`${apiBase}/customers`, { headers: { authorization: `Bearer ${apiKey}` }, signal: AbortSignal.timeout(5_000) });
    const body = await response.json();
    if (response.status !== 200 || !body.success || !Array.isArray(body.data?.data ?? body.data)) {
      throw new Error(`ching-mock's customer list answered ${response.status} ${JSON.stringify(body)}`);
    }
    child.kill("SIGTERM");
    const result = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve({ timeout: true }), 5_000))]);
    if (result.timeout || result.code !== 0) throw new Error(`ching-mock did not stop cleanly on SIGTERM: ${JSON.stringify(result)}\n${output}`);
    return apiBase;
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
}

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
  // Edge runtimes and browsers (MSW) load /server too: no file of it imports a Node module, not
  // even lazily (the Node client for Ching takes its modules from process.getBuiltinModule).
  const serverDir = join(app, "node_modules", pkg.name, "dist", "server");
  for (const file of readdirSync(serverDir, { recursive: true })) {
    if (!String(file).endsWith(".js")) continue;
    const source = readFileSync(join(serverDir, String(file)), "utf8");
    if (/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](?:node:|(?:http|https|net|tls|fs|crypto|stream|events|buffer)["'])/.test(source)) {
      throw new Error(`/server imports a Node module in ${file}`);
    }
  }
  writeFileSync(
    join(app, "server-check.mjs"),
    `import { createBillingPortalHandler } from "${pkg.name}/server";
const handler = createBillingPortalHandler({ apiKey: "ck_test_${"0".repeat(64)}", identify: () => null, onCustomerCreated: () => {} });
const response = await handler(new Request("http://localhost/customers/me"));
if (response.status !== 401) throw new Error("expected 401, got " + response.status);
`,
  );
  run(process.execPath, ["server-check.mjs"], app);

  // /shared: the schemas, phone helpers and errors, server-safe (no "use client", no React).
  const sharedSource = readFileSync(join(app, "node_modules", pkg.name, "dist", "shared", "index.js"), "utf8");
  if (/["']use client["']/.test(sharedSource)) throw new Error('/shared starts with "use client"');
  if (/from\s+["']react/.test(sharedSource)) throw new Error("/shared imports React");
  writeFileSync(
    join(app, "shared-check.mjs"),
    `import * as shared from "${pkg.name}/shared";
const { toE164, formatPhone, createCustomerSchema, customerSchema, updateCustomerSchema, isCustomerId, BillingPortalError, HANDLER_ERROR_CODES, directionOf } = shared;
if (toE164("050-123-4567") !== "+972501234567") throw new Error("toE164 answered " + toE164("050-123-4567"));
if (!formatPhone("+972501234567").includes("50")) throw new Error("formatPhone answered " + formatPhone("+972501234567"));
if (!createCustomerSchema || !customerSchema || !updateCustomerSchema) throw new Error("a schema is missing");
if (!isCustomerId("cus_V8ltq1pK_MWH")) throw new Error("isCustomerId refused a customer id");
if (!(new BillingPortalError({ status: 400, code: "X", message: "x" }) instanceof Error)) throw new Error("BillingPortalError is no Error");
if (HANDLER_ERROR_CODES.misconfigured !== "MISCONFIGURED" || directionOf("he") !== "rtl") throw new Error("codes or direction wrong");
`,
  );
  run(process.execPath, ["shared-check.mjs"], app);

  // /testing and /testing/ching in plain Node, with msw (an optional peer) not installed.
  if (existsSync(join(app, "node_modules", "msw"))) throw new Error("msw got installed: the no-msw check would prove nothing");
  writeFileSync(
    join(app, "testing-check.mjs"),
    `import { createMockChing, MOCK_CHING_API_KEY } from "${pkg.name}/testing";
import { createMockChing as createAlone } from "${pkg.name}/testing/ching";
import { createMockBillingPortal } from "${pkg.name}/testing";
for (const create of [createMockChing, createAlone]) {
  const ching = create();
  const response = await ching.fetch("https://ching.test/ching/v1/customers", { headers: { authorization: "Bearer " + MOCK_CHING_API_KEY } });
  if (response.status !== 200) throw new Error("in-memory Ching answered " + response.status);
}
let message = "";
try { createMockBillingPortal(); } catch (error) { message = error.message; }
if (!/npm install --save-dev msw/.test(message)) throw new Error("createMockBillingPortal without msw: " + (message || "no error"));
`,
  );
  run(process.execPath, ["testing-check.mjs"], app);

  const mockApiBase = await checkBin(app);

  console.log(
    `consumer smoke test passed: ${tarball} installs, builds, server-renders (${html.length} characters of HTML); ` +
      `/server, /shared, /testing and /testing/ching load in Node without msw; the ching-mock bin served ${mockApiBase}`,
  );
} finally {
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
