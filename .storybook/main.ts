import type { StorybookConfig } from "@storybook/react-vite";

const config: StorybookConfig = {
  stories: ["../stories/**/*.mdx", "../stories/**/*.stories.@(ts|tsx)"],
  addons: ["@storybook/addon-docs", "@storybook/addon-a11y", "@storybook/addon-vitest", "msw-storybook-addon"],
  framework: {
    name: "@storybook/react-vite",
    // The root vite.config.ts builds the library; Storybook has its own.
    options: { builder: { viteConfigPath: ".storybook/vite.config.ts" } },
  },
  // MSW's service worker (public/mockServiceWorker.js) backs every story.
  staticDirs: ["../public"],
  core: { disableTelemetry: true },
};

export default config;
