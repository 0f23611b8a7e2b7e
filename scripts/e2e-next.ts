/**
 * The package in a fresh Next.js App Router app, as a merchant gets it: pack the built
 * library, copy the template in examples/next-app to a temporary folder, install the
 * tarball with the latest Next.js (that runs on this Node), React 19 and TanStack Query
 * from the registry, `next build` with no Ching key in the environment, then `next start`
 * with the key and the in-memory Ching (the packed `ching-mock` bin) as `apiBase`, and
 * drive create, read, edit and reload in headless Chromium (Debian's, through
 * playwright-core). Any console error, page error or hydration warning fails it.
 *
 *   npm run build && npm run test:e2e:next [-- --keep]   (--keep leaves the temporary app)
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { he } from "../src/core/messages";
import { chromiumArgs as args, chromiumPath as executablePath } from "./chromium";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { name: string };
const TEST_KEY = `ck_test_${"0".repeat(64)}`;
const keep = process.argv.includes("--keep");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

// The whole run is bounded: a hung install, build or server fails it instead of CI.
const DEADLINE_MS = 7 * 60_000;
const children = new Set<ChildProcess>();
let browser: Browser | undefined;
let work: string | undefined;

/** SIGTERM to what is still running, SIGKILL to what did not stop within 5 s, then the temporary folder. */
async function cleanUp(): Promise<void> {
  const running = [...children];
  for (const child of running) stop(child, "SIGTERM");
  const begun = Date.now();
  while (children.size > 0 && Date.now() - begun < 5_000) await new Promise((resolve) => setTimeout(resolve, 100));
  for (const child of children) stop(child, "SIGKILL");
  if (work && !keep) rmSync(work, { recursive: true, force: true });
}
const watchdog = setTimeout(() => {
  console.error(`e2e:next: no result after ${DEADLINE_MS / 60_000} minutes, giving up`);
  void cleanUp().finally(() => process.exit(1));
}, DEADLINE_MS);
watchdog.unref();

/** Signals the child's whole process group (it was spawned detached): npm and next start their own children. */
function stop(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(command: string, argv: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Started {
  const child = spawn(command, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  children.add(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  return { child, output: () => output, exited };
}

/** Runs a command to its end within `timeoutMs`; fails with the tail of its output. */
async function run(what: string, command: string, argv: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<string> {
  const begun = Date.now();
  const job = start(command, argv, options);
  const timer = setTimeout(() => stop(job.child, "SIGKILL"), options.timeoutMs);
  const code = await job.exited;
  clearTimeout(timer);
  const output = job.output();
  if (code !== 0) {
    const reason = code === null ? `was stopped after ${options.timeoutMs / 1000} s` : `exited with ${code}`;
    throw new Error(`${what} ${reason}:\n${output.split("\n").slice(-60).join("\n")}`);
  }
  console.log(`  ✓ ${what} (${((Date.now() - begun) / 1000).toFixed(0)} s)`);
  return output;
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number, context: () => string): Promise<void> {
  const begun = Date.now();
  while (!(await check())) {
    if (Date.now() - begun > timeoutMs) throw new Error(`${what}: not within ${timeoutMs / 1000} s\n${context()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** `>=20.9.0`-style ranges only (what Next declares); anything else is not checked here but by npm. */
function satisfiesMinimum(range: string | undefined, version: string): boolean {
  const minimum = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(range?.trim() ?? "");
  if (!minimum) return true;
  const have = version.replace(/^v/, "").split(".").map(Number);
  const need = minimum.slice(1).map(Number);
  for (let i = 0; i < 3; i += 1) {
    if ((have[i] ?? 0) !== need[i]) return (have[i] ?? 0) > (need[i] ?? 0);
  }
  return true;
}

let passed = 0;
async function step(name: string, body: () => Promise<void>): Promise<void> {
  const begun = Date.now();
  await body();
  passed += 1;
  console.log(`  ✓ ${name} (${((Date.now() - begun) / 1000).toFixed(1)} s)`);
}

async function profileText(page: Page): Promise<string> {
  return (await page.locator("section.ching-profile").innerText()).replace(/\s+/g, " ");
}

function expectText(actual: string, expected: string | RegExp, what: string): void {
  const ok = typeof expected === "string" ? actual.includes(expected) : expected.test(actual);
  if (!ok) throw new Error(`${what}: expected ${String(expected)} in ${JSON.stringify(actual)}`);
}

let failure: unknown;
try {
  if (!existsSync(join(root, "dist", "index.js")) || !existsSync(join(root, "dist", "bin", "ching-mock.js"))) {
    throw new Error("dist/ is missing or stale: run `npm run build` first");
  }
  work = mkdtempSync(join(tmpdir(), "ching-next-"));
  const app = join(work, "app");
  console.log(`e2e:next in ${app}`);

  const packed = await run("npm pack", npm, ["pack", "--silent", "--pack-destination", work], { cwd: root, timeoutMs: 60_000 });
  const tarball = packed.trim().split("\n").pop()!;

  // The latest Next.js, unless it no longer runs on this Node: then say so rather than test an older one silently.
  const view = await run("npm view next@latest", npm, ["view", "next@latest", "version", "engines", "--json"], { cwd: work, timeoutMs: 60_000 });
  const next = JSON.parse(view) as { version: string; engines?: { node?: string } };
  if (!satisfiesMinimum(next.engines?.node, process.version)) {
    throw new Error(`next@${next.version} needs Node ${next.engines?.node}; this is ${process.version}. Pin the newest Next that runs here.`);
  }

  cpSync(join(root, "examples", "next-app"), app, {
    recursive: true,
    filter: (source) => !/[\\/](node_modules|\.next|\.data)([\\/]|$)|next-env\.d\.ts$/.test(source),
  });
  const template = JSON.parse(readFileSync(join(app, "package.json"), "utf8")) as Record<string, unknown>;
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify(
      {
        ...template,
        dependencies: {
          [pkg.name]: `file:${join(work, tarball)}`,
          next: next.version,
          react: "^19",
          "react-dom": "^19",
          "@tanstack/react-query": "^5",
        },
        // What create-next-app adds for TypeScript: `next build` type-checks the app against our declarations.
        devDependencies: { typescript: "^5", "@types/node": "^20", "@types/react": "^19", "@types/react-dom": "^19" },
      },
      null,
      2,
    ),
  );
  await run(`npm install (${tarball}, next@${next.version}, react 19)`, npm, ["install", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: app,
    timeoutMs: 4 * 60_000,
  });

  // Secrets only at run time: the build sees no Ching key at all.
  const { CHING_API_KEY: _key, CHING_API_BASE: _base, ...withoutKey } = process.env;
  const env = { ...withoutKey, NEXT_TELEMETRY_DISABLED: "1" };
  const nextBin = join(app, "node_modules", "next", "dist", "bin", "next");
  await run("next build, with no CHING_API_KEY", process.execPath, [nextBin, "build"], { cwd: app, env, timeoutMs: 4 * 60_000 });

  // The in-memory Ching, from the packed bin, on a free port.
  const mock = start(join(app, "node_modules", ".bin", "ching-mock"), ["--port", "0", "--empty"], { cwd: app, env });
  await waitFor("ching-mock printing its apiBase", () => /apiKey:/.test(mock.output()), 15_000, mock.output);
  const apiBase = /apiBase: (\S+)/.exec(mock.output())?.[1];
  if (!apiBase) throw new Error(`ching-mock printed no apiBase:\n${mock.output()}`);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = start(process.execPath, [nextBin, "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: app,
    env: { ...env, CHING_API_KEY: TEST_KEY, CHING_API_BASE: apiBase },
  });
  await waitFor(
    "next start answering",
    async () => {
      if (server.child.exitCode !== null) throw new Error(`next start exited:\n${server.output()}`);
      return fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
        (response) => response.ok,
        () => false,
      );
    },
    60_000,
    server.output,
  );
  console.log(`  ✓ next start on ${url}, Ching at ${apiBase} (${seconds()} so far)`);

  browser = await chromium.launch({ executablePath, args, headless: true });
  const page = await browser.newPage({ viewport: { width: 900, height: 820 } });
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    const hydration = /hydrat|did not match|server rendered html|#418|#423|#425/i.test(text);
    if (message.type() !== "error" && !(message.type() === "warning" && hydration)) return;
    // A failed resource is an error too: a person without a customer yet is 200 { data: null }, not a 404.
    problems.push(`console ${message.type()}: ${text} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));

  await step("sign in: the server-rendered page (calling /shared in a Server Component) hydrates", async () => {
    await page.goto(url);
    await page.getByRole("button", { name: /אביגיל/ }).click();
    await page.getByTestId("customer-on-file").waitFor();
    expectText(await page.getByTestId("customer-on-file").innerText(), "no billing details yet", "server-rendered status");
    await page.getByText(he["profile.noCustomer.title"]).waitFor();
    const me = await page.evaluate(async () => {
      const response = await fetch("/api/billing/customers/me");
      return { status: response.status, body: (await response.json()) as unknown };
    });
    if (me.status !== 200 || JSON.stringify(me.body) !== '{"success":true,"data":null}') {
      throw new Error(`GET /customers/me without a customer answered ${me.status} ${JSON.stringify(me.body)}`);
    }
  });

  await step("create: the create dialog makes the customer at the in-memory Ching", async () => {
    await page.getByTestId("add-billing-details").click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await dialog.getByLabel(he["form.name"], { exact: false }).fill("אביגיל כהן");
    await dialog.getByLabel(he["form.phone"], { exact: false }).pressSequentially("050-123-4567");
    await dialog.getByRole("button", { name: he["form.submit.create"] }).click();
    await dialog.waitFor({ state: "detached" });
  });

  await step("read: the profile shows the customer, with the email the server gave it", async () => {
    await page.getByRole("button", { name: he["profile.edit"] }).waitFor();
    const text = await profileText(page);
    expectText(text, "אביגיל כהן", "name");
    expectText(text, "avigail@example.com", "email from identify()");
    expectText(text, /050-123-4567/, "phone");
  });

  await step("reload: the user store kept the customer id (onCustomerCreated), the profile loads again", async () => {
    await page.reload();
    await page.getByRole("button", { name: he["profile.edit"] }).waitFor();
    expectText(await page.getByTestId("customer-on-file").innerText(), /^cus_[A-Za-z0-9_-]{12}$/, "customer id on file");
    expectText(await profileText(page), "אביגיל כהן", "name after reload");
  });

  await step("edit: the edit dialog changes the name, and a reload shows the change", async () => {
    await page.getByRole("button", { name: he["profile.edit"] }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(he["form.name"], { exact: false }).fill("אביגיל כהן-לוי");
    await dialog.getByRole("button", { name: he["form.submit.update"] }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByText("אביגיל כהן-לוי").waitFor();
    await page.reload();
    await page.getByRole("button", { name: he["profile.edit"] }).waitFor();
    expectText(await profileText(page), "אביגיל כהן-לוי", "edited name after reload");
  });

  await step("no console error, page error or hydration warning", async () => {
    // Give late errors (a hydration mismatch is reported after the first paint) a moment to arrive.
    await page.waitForTimeout(500);
    if (problems.length > 0) throw new Error(problems.join("\n"));
  });
  if (!mock.output().includes("listening")) throw new Error("ching-mock stopped early");
} catch (error) {
  failure = error;
} finally {
  await browser?.close().catch(() => undefined);
  await cleanUp();
  if (keep && work) console.log(`kept ${work}`);
}
clearTimeout(watchdog);
if (failure) {
  console.error(`\ne2e:next failed after ${seconds()} (${passed} browser steps passed):`);
  console.error(failure instanceof Error ? failure.message : failure);
  process.exit(1);
}
console.log(`\ne2e:next passed in ${seconds()}: ${passed} browser steps`);
