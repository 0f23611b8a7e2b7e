// Declarations for the package: tsc emits per-module .d.ts files into a temporary
// folder, then API Extractor rolls each entry into one file (no relative imports
// left, so every module resolution mode reads them) and writes the report of its
// public API to reports/. Locally a changed report is updated; in CI (CI=true) a
// report that drifted from the code fails the build until it is committed.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Extractor, ExtractorConfig } from "@microsoft/api-extractor";

const root = fileURLToPath(new URL("..", import.meta.url));
const temp = `${root}dist/.types`;
const entries = [
  { name: "index", source: "index.d.ts", out: "dist/index.d.ts" },
  { name: "server", source: "server/index.d.ts", out: "dist/server/index.d.ts" },
  { name: "shared", source: "shared/index.d.ts", out: "dist/shared/index.d.ts" },
  { name: "testing", source: "testing/index.d.ts", out: "dist/testing/index.d.ts" },
  { name: "testing-ching", source: "testing/ching/index.d.ts", out: "dist/testing/ching/index.d.ts" },
];

rmSync(temp, { recursive: true, force: true });
execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, "-p", "tsconfig.build.json", "--outDir", temp], {
  cwd: root,
  stdio: "inherit",
});

const localBuild = process.env.CI !== "true";
let failed = false;
for (const entry of entries) {
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: root,
      mainEntryPointFilePath: `${temp}/${entry.source}`,
      compiler: {
        overrideTsconfig: {
          compilerOptions: { moduleResolution: "bundler", module: "esnext", target: "es2022", jsx: "react-jsx", strict: true, skipLibCheck: true, types: ["node"] },
          include: [`${temp}/**/*.d.ts`],
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: `${entry.name}.api.md`,
        reportFolder: `${root}reports/`,
        reportTempFolder: `${root}dist/.api-temp/`,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: true, untrimmedFilePath: `${root}${entry.out}` },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: "warning" } },
        extractorMessageReporting: {
          default: { logLevel: "warning" },
          "ae-missing-release-tag": { logLevel: "none" },
          // Every type a report names is exported, or the merchant cannot name it either.
          "ae-forgotten-export": { logLevel: "error", addToApiReportFile: false },
          // Undocumented items are marked in the report itself, where a review sees them.
          "ae-undocumented": { logLevel: "none" },
        },
        tsdocMessageReporting: { default: { logLevel: "none" } },
      },
    },
    configObjectFullPath: undefined,
    packageJsonFullPath: `${root}package.json`,
  });
  const result = Extractor.invoke(config, { localBuild, showVerboseMessages: false });
  if (!result.succeeded) {
    failed = true;
    console.error(
      result.apiReportChanged
        ? `reports/${entry.name}.api.md is out of date: run \`npm run build\` and commit the report.`
        : `API Extractor failed for ${entry.name}: ${result.errorCount} errors`,
    );
  }
}

rmSync(temp, { recursive: true, force: true });
rmSync(`${root}dist/.api-temp`, { recursive: true, force: true });
if (failed) process.exit(1);
