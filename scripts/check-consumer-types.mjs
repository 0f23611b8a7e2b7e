// The declarations as a merchant's TypeScript reads them: pack the built library,
// install the tarball into a copy of test/consumers/types in a temporary folder, and
// run tsc --noEmit with each of its tsconfig.*.json (moduleResolution bundler, node16
// and nodenext, each with and without the DOM lib; skipLibCheck off, so the package's
// .d.ts files are checked too). Every entry is imported.
// Usage: npm run build && node scripts/check-consumer-types.mjs [--keep]
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const fixture = join(root, "test", "consumers", "types");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const installed = (name) => JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")).version;
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });

const work = mkdtempSync(join(tmpdir(), "ching-types-"));
const keep = process.argv.includes("--keep");
let failed = 0;
try {
  const tarball = run(npm, ["pack", "--silent", "--pack-destination", work], root).trim().split("\n").pop();
  const app = join(work, "app");
  cpSync(fixture, app, { recursive: true, filter: (source) => !source.includes("node_modules") });
  const manifest = JSON.parse(readFileSync(join(app, "package.json"), "utf8"));
  manifest.dependencies = {
    [pkg.name]: `file:${join(work, tarball)}`,
    react: installed("react"),
    "react-dom": installed("react-dom"),
    "@tanstack/react-query": installed("@tanstack/react-query"),
  };
  // msw: the fixture imports createMockBillingPortal, whose types name msw's HttpHandler.
  manifest.devDependencies = {
    typescript: installed("typescript"),
    "@types/node": installed("@types/node"),
    "@types/react": installed("@types/react"),
    "@types/react-dom": installed("@types/react-dom"),
    msw: installed("msw"),
  };
  writeFileSync(join(app, "package.json"), JSON.stringify(manifest, null, 2));
  console.log(`installing ${tarball} into ${app}`);
  run(npm, ["install", "--no-audit", "--no-fund", "--loglevel=error"], app);

  const tsc = join(app, "node_modules", "typescript", "bin", "tsc");
  const configs = readdirSync(app).filter((name) => /^tsconfig\..+\.json$/.test(name) && name !== "tsconfig.base.json").sort();
  for (const config of configs) {
    try {
      run(process.execPath, [tsc, "-p", config], app);
      console.log(`  ✓ ${config}`);
    } catch (error) {
      failed += 1;
      console.log(`  ✗ ${config}\n${String(error.stdout ?? "") + String(error.stderr ?? "")}`);
    }
  }
  if (failed === 0) console.log(`consumer types pass: ${configs.length} configurations type-check every entry of ${tarball}`);
} finally {
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
if (failed > 0) process.exit(1);
