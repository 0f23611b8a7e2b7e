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
  // The page itself follows the story: a Hebrew story on a right-to-left page, a
  // dark one on a dark page with no white frame around it (issue 13, item 13).
  const pageLocale = args.locale === "en" || args.locale === "he" ? args.locale : locale === "en" ? "en" : "he";
  const dark = (args.theme ?? theme) === "dark";
  document.documentElement.lang = pageLocale;
  document.documentElement.dir = pageLocale === "he" ? "rtl" : "ltr";
  document.documentElement.style.colorScheme = dark ? "dark" : "light";
  document.body.style.background = dark ? "#0d0f12" : "#f4f5f7";
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
    // The story's own page (stories/components/support.tsx) pads it; Storybook's white padding would frame dark stories.
    layout: "fullscreen",
    // axe with its default rules (colour contrast included); a violation fails the story's test.
    a11y: { test: "error" },
    // The widths of the test matrix (test/stories/matrix.test.tsx runs every story at both), also in the toolbar.
    viewport: {
      options: {
        desktop1280: { name: "Desktop 1280×800", styles: { width: "1280px", height: "800px" }, type: "desktop" },
        phone375: { name: "Phone 375×560", styles: { width: "375px", height: "560px" }, type: "mobile" },
      },
    },
    controls: { expanded: true },
    options: { storySort: { order: ["Introduction", "Playground", "Components", "Headless"] } },
  },
};

export default preview;
