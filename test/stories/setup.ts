/**
 * The stories' test projects ("stories", "stories-forced-colors"): Storybook's
 * portable stories with the same annotations as Storybook itself (the React
 * renderer, addon-a11y's axe run after every story, .storybook/preview.tsx with
 * MSW, decorators and `a11y: { test: "error" }`), and more patient queries.
 */
import * as a11yAnnotations from "@storybook/addon-a11y/preview";
import { setProjectAnnotations } from "@storybook/react-vite";
import { configure } from "storybook/test";
import { beforeAll } from "vitest";
import * as previewAnnotations from "../../.storybook/preview";
import { paintedTextColours } from "./forcedColours";

// Last: Storybook runs the `afterEach` hooks last to first, so this one runs before addon-a11y's axe run (see forcedColours.ts).
const annotations = setProjectAnnotations([a11yAnnotations, previewAnnotations, { afterEach: paintedTextColours }]);

// Two busy cores render slowly; a `findBy…` gives up after 5 s instead of 1 s.
configure({ asyncUtilTimeout: 5_000 });

beforeAll(annotations.beforeAll);
