import { render, renderHook, type RenderOptions } from "@testing-library/react";
import type { ReactElement, ReactNode } from "react";
import { TestPortal, testQueryClient, type TestPortalProps } from "./support/TestPortal";

export { testQueryClient } from "./support/TestPortal";

type ProviderProps = Omit<TestPortalProps, "children">;

/**
 * Renders `ui` in the test provider; `queryClient` is the one it uses, and
 * `rerenderWith` changes the provider's props (e.g. the locale) in place.
 */
export function renderInProvider(ui: ReactElement, props: ProviderProps = {}, options?: Omit<RenderOptions, "wrapper">) {
  const queryClient = props.queryClient ?? testQueryClient(props.retries);
  let current: ProviderProps = { ...props, queryClient };
  const tree = (node: ReactNode) => <TestPortal {...current}>{node}</TestPortal>;
  const result = render(tree(ui), options);
  return {
    ...result,
    queryClient,
    rerenderWith(next: ProviderProps, nextUi: ReactElement = ui) {
      current = { ...current, ...next };
      result.rerender(tree(nextUi));
    },
  };
}

/** `renderHook` inside the test provider. */
export function renderHookInProvider<T>(hook: () => T, props: ProviderProps = {}) {
  const queryClient = props.queryClient ?? testQueryClient(props.retries);
  const view = renderHook(hook, { wrapper: ({ children }) => <TestPortal {...props} queryClient={queryClient}>{children}</TestPortal> });
  return { ...view, queryClient };
}
