/**
 * A browser for the in-process React measures of `npm run bench`: a JSDOM page
 * whose window, document, navigator and other window globals missing from
 * Node are put on globalThis (as global-jsdom does), plus a minimal React
 * DevTools hook that hands every commit's fiber tree to a listener.
 *
 * Install it before react-dom/client and the library are imported: react-dom
 * connects to the DevTools hook when it loads, and the library picks its
 * layout-effect hook by `typeof window` when it loads.
 */
import type { JSDOM } from "jsdom";
import { installDom as installJsdom } from "../../test/jsdomGlobals";
import { createDevtoolsHook, type CommitListener } from "./fibers";

export { createRenderCounter, type CommitListener, type Fiber, type FiberRoot, type RenderedComponent } from "./fibers";

export interface BenchDom {
  window: JSDOM["window"];
  document: Document;
  /** Called with the root after every React commit, once react-dom/client is loaded. */
  onCommit(listener: CommitListener | undefined): void;
  uninstall(): void;
}

/**
 * `url` is where relative endpoints resolve: 127.0.0.1, so a request MSW did
 * not catch could not leave the machine either.
 */
// One hook for every page this process installs: react-dom keeps the hook it found
// when it loaded (in the first page), so a later page's listener must go through it too.
let listener: CommitListener | undefined;
const devtoolsHook = createDevtoolsHook(() => listener);

export function installDom(url = "http://127.0.0.1/account"): BenchDom {
  const dom = installJsdom('<!doctype html><html lang="he" dir="rtl"><head><title>bench</title></head><body></body></html>', url, {
    __REACT_DEVTOOLS_GLOBAL_HOOK__: devtoolsHook,
  });
  return {
    ...dom,
    onCommit(next) {
      listener = next;
    },
    uninstall() {
      listener = undefined;
      dom.uninstall();
    },
  };
}
