/**
 * Each size budget's measure, from `size-limit --json` over the built package
 * (`npm run build` first when dist/ is missing).
 */
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";

export interface SizeFigure {
  name: string;
  /** Gzipped bytes, as size-limit counts them. */
  size: number;
  /** The limit in .size-limit.js, bytes. */
  limit: number | undefined;
  passed: boolean;
}

export interface SizeFigures {
  figures: SizeFigure[];
  /** Whether this run built dist/ first. */
  built: boolean;
  /** When dist/index.js was last written. */
  builtAt?: Date;
  /** Why there are no figures, when there are none. */
  failure?: string;
}

const BUILT_FILES = ["dist/index.js", "dist/server/index.js", "dist/styles.css"];

function run(root: string, command: string, args: string[]) {
  return spawnSync(command, args, { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1" } });
}

export function runSizes(root: string, { forceBuild = false } = {}): SizeFigures {
  let built = false;
  if (forceBuild || BUILT_FILES.some((file) => !existsSync(join(root, file)))) {
    process.stderr.write("bench: building the package (npm run build)…\n");
    const build = run(root, "npm", ["run", "build"]);
    built = true;
    if (build.status !== 0) {
      return { figures: [], built, failure: `npm run build failed: ${(build.stderr || build.stdout).trim().split("\n").slice(-3).join(" ")}` };
    }
  }
  // size-limit exits 1 when a budget is exceeded; the JSON on stdout still holds every measure.
  const local = join(root, "node_modules", ".bin", "size-limit");
  const result = existsSync(local) ? run(root, local, ["--json"]) : run(root, "npx", ["size-limit", "--json"]);
  const start = result.stdout.indexOf("[");
  try {
    const parsed = JSON.parse(result.stdout.slice(start)) as Array<{ name: string; size: number; sizeLimit?: number; passed: boolean }>;
    return {
      built,
      builtAt: statSync(join(root, "dist/index.js")).mtime,
      figures: parsed.map(({ name, size, sizeLimit, passed }) => ({ name, size, limit: sizeLimit, passed })),
    };
  } catch {
    const why = (result.stderr || result.stdout || String(result.error ?? "")).trim().split("\n").slice(-3).join(" ");
    return { figures: [], built, failure: `size-limit gave no figures (exit ${result.status}): ${why}` };
  }
}
