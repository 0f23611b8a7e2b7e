/**
 * Every story as a test in Chromium, in every language, theme and width
 * (issue 13): he/en × light/dark × 1280×800/375×560 in the "stories" project,
 * and the stories tagged "forced-colors" (the selected/unselected and disabled
 * states) in he/en × light/dark with Windows High Contrast emulated in the
 * "stories-forced-colors" project.
 *
 * Each run is a whole story run, as Storybook's own test runner does it: a
 * fresh mock endpoint (`beforeEach`), the render with the toolbar's globals
 * pinned to the combination (so the play function reads the strings of that
 * language), the play function, then axe over the page with its default rules,
 * colour contrast included. A violation fails the test.
 *
 * One test file for all of it: the stories load once, and each combination only
 * costs its own run (one vitest project per combination loads everything eight
 * times over).
 */
import type { Meta, StoryObj } from "@storybook/react-vite";
import { composeStory } from "@storybook/react-vite";
import { isExportStory, storyNameFromExport } from "storybook/internal/csf";
import { describe, expect, inject, test } from "vitest";
import { page } from "vitest/browser";
import { describeForcedColoursInAxe } from "./forcedColoursInAxe";

declare module "vitest" {
  export interface ProvidedContext {
    /** Which matrix the project runs: every story, or the forced-colours states. */
    storyMatrix: "all" | "forced-colors";
  }
}

interface Combination {
  locale: "he" | "en";
  theme: "light" | "dark";
  /** One of the viewports of .storybook/preview.tsx. */
  viewport: "desktop1280" | "phone375";
}

const matrix = inject("storyMatrix");
const combinations: Combination[] = (["he", "en"] as const).flatMap((locale) =>
  (["light", "dark"] as const).flatMap((theme) =>
    (matrix === "all" ? (["desktop1280", "phone375"] as const) : (["desktop1280"] as const)).map((viewport) => ({ locale, theme, viewport })),
  ),
);

type StoryModule = { default: Meta } & Record<string, unknown>;
const modules = import.meta.glob<StoryModule>("../../stories/**/*.stories.tsx", { eager: true });

interface ViewportOption {
  styles?: { width?: string; height?: string };
}

/** The viewport a story runs at: its own `globals.viewport` (a phone story, say), else the combination's. */
function viewportSize(parameters: Record<string, unknown>, globals: Record<string, unknown>): { width: number; height: number } {
  const options = (parameters.viewport as { options?: Record<string, ViewportOption> } | undefined)?.options ?? {};
  const chosen = (globals.viewport as { value?: string } | undefined)?.value ?? "";
  const styles = options[chosen]?.styles;
  if (!styles?.width || !styles.height) throw new Error(`no viewport "${chosen}" in the preview's parameters.viewport.options`);
  return { width: parseInt(styles.width, 10), height: parseInt(styles.height, 10) };
}

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeReport {
  type: string;
  status: "failed" | "passed" | "warning";
  result: { violations?: { id: string; help: string; nodes: AxeNode[] }[]; error?: unknown };
}

/** addon-a11y's report of the run, as a readable failure. */
function describeViolations(report: AxeReport): string {
  if (report.result.error) return `axe could not run: ${String(report.result.error)}`;
  return (report.result.violations ?? [])
    .map((violation) =>
      [`${violation.id}: ${violation.help}`, ...violation.nodes.map((node) => `  ${node.target.join(" ")}\n    ${(node.failureSummary ?? "").replace(/\n/g, "\n    ")}`)].join("\n"),
    )
    .join("\n");
}

// First, in a frame no story has run in yet (see forcedColoursInAxe.ts).
if (matrix === "forced-colors") describeForcedColoursInAxe();

for (const [path, module] of Object.entries(modules)) {
  const meta = module.default;
  const { default: _meta, __namedExportsOrder: _order, ...named } = module;
  const exports = Object.keys(named).filter((name) => isExportStory(name, meta));
  const runs = combinations.map((combination) => ({
    combination,
    stories: exports
      .map((name) => ({
        name,
        story: composeStory(
          module[name] as StoryObj,
          meta,
          { initialGlobals: { locale: combination.locale, theme: combination.theme, viewport: { value: combination.viewport } } },
          name,
        ),
      }))
      .filter(({ story }) => matrix === "all" || story.tags.includes("forced-colors")),
  }));
  if (runs.every(({ stories }) => stories.length === 0)) continue;
  describe(meta.title ?? path, () => {
    for (const { combination, stories } of runs) {
      describe(`${combination.locale} ${combination.theme} ${combination.viewport === "phone375" ? 375 : 1280}`, () => {
        for (const { name, story } of stories) {
          test(storyNameFromExport(name), async () => {
            const { width, height } = viewportSize(story.parameters, story.globals);
            await page.viewport(width, height);
            const link = `http://localhost:6006/?path=/story/${story.id}&globals=locale:${combination.locale};theme:${combination.theme};viewport:${combination.viewport}`;
            try {
              await story.run();
            } catch (error) {
              if (error instanceof Error) error.message = `${link}\n${error.message}`;
              throw error;
            }
            const axe = story.reporting.reports.filter((report) => report.type === "a11y") as unknown as AxeReport[];
            // axe did run (an a11y parameter that turns it off would show here).
            expect(axe, `${link}\naxe did not run`).toHaveLength(1);
            const [report] = axe as [AxeReport];
            expect(report.status, `${link}\n${describeViolations(report)}`).toBe("passed");
          });
        }
      });
    }
  });
}
