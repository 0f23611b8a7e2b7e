// The "storybook" test project (@storybook/addon-vitest): two busy cores render
// slowly, so a play's `findBy…` waits up to 5 s instead of 1 s, as in the matrix.
import { configure } from "storybook/test";

configure({ asyncUtilTimeout: 5_000 });
