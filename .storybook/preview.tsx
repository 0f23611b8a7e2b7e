import type { Decorator, Preview } from "@storybook/react-vite";
import { mswLoader } from "msw-storybook-addon/csf3";

/**
 * The toolbar's language and theme. "As the story says" leaves each story's
 * own `locale` and `theme` args alone (the tests run that way); choosing one
 * applies it to every story that takes them.
 */
const withToolbarLocaleAndTheme: Decorator = (Story, context) => {
  const { locale, theme } = context.globals as { locale?: string; theme?: string };
  const args = { ...context.args };
  if ((locale === "he" || locale === "en") && "locale" in context.argTypes) args.locale = locale;
  if ((theme === "light" || theme === "dark") && "theme" in context.argTypes) args.theme = theme;
  return Story({ args });
};

const preview: Preview = {
  // Stories talk to the mock merchant endpoint through MSW's service worker
  // (public/mockServiceWorker.js); each story adds its handlers in `beforeEach`.
  loaders: [mswLoader()],
  decorators: [withToolbarLocaleAndTheme],
  // A docs page per component, from the JSDoc of the component and its props.
  tags: ["autodocs"],
  globalTypes: {
    locale: {
      description: "Language and direction of the components",
      toolbar: {
        title: "Language",
        icon: "globe",
        items: [
          { value: "", title: "As the story says" },
          { value: "he", right: "rtl", title: "עברית" },
          { value: "en", right: "ltr", title: "English" },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: "Light or dark theme",
      toolbar: {
        title: "Theme",
        icon: "mirror",
        items: [
          { value: "", title: "As the story says" },
          { value: "light", icon: "sun", title: "Light" },
          { value: "dark", icon: "moon", title: "Dark" },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: "", theme: "" },
  parameters: {
    a11y: { test: "error" },
    controls: { expanded: true },
    options: { storySort: { order: ["Introduction", "Playground", "Components", "Headless"] } },
  },
};

export default preview;
