import type { Preview } from "@storybook/react-vite";
import { mswLoader } from "msw-storybook-addon/csf3";

const preview: Preview = {
  // Stories talk to the mock merchant endpoint through MSW's service worker
  // (public/mockServiceWorker.js); each story adds its handlers in `beforeEach`.
  loaders: [mswLoader()],
  parameters: {
    a11y: { test: "error" },
    controls: { expanded: true },
  },
};

export default preview;
