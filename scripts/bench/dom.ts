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

/** The part of a React fiber the render counter reads (React internals; a benchmark may lean on them). */
export interface Fiber {
  tag: number;
  type: unknown;
  flags: number;
  child: Fiber | null;
  sibling: Fiber | null;
  alternate: Fiber | null;
}

export interface FiberRoot {
  current: Fiber;
}

export type CommitListener = (root: FiberRoot) => void;

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
export function installDom(url = "http://127.0.0.1/account"): BenchDom {
  let listener: CommitListener | undefined;
  // A minimal React DevTools hook: react-dom hands it every committed root.
  const devtoolsHook = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => undefined,
    onScheduleFiberRoot: () => undefined,
    onCommitFiberRoot: (_id: number, root: FiberRoot) => listener?.(root),
    onCommitFiberUnmount: () => undefined,
    onPostCommitFiberRoot: () => undefined,
  };
  const dom = installJsdom('<!doctype html><html lang="he" dir="rtl"><head><title>bench</title></head><body></body></html>', url, {
    __REACT_DEVTOOLS_GLOBAL_HOOK__: devtoolsHook,
  });
  return {
    ...dom,
    onCommit(next) {
      listener = next;
    },
  };
}

// React's work tags of the fibers that are components (ReactWorkTags) and its PerformedWork flag.
const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]); // function, class, forwardRef, memo, simple memo
const PERFORMED_WORK = 1;

function nameOf(fiber: Fiber): string {
  const type = fiber.type as { displayName?: string; name?: string; render?: { name?: string }; type?: { name?: string } } | undefined;
  return type?.displayName || type?.name || type?.render?.name || type?.type?.name || "Anonymous";
}

/**
 * Counts the components that rendered in each commit, as React DevTools'
 * "highlight updates" does: a component rendered when React visited its fiber
 * in this render (the fiber is not the very object of the previous commit,
 * which a skipped subtree keeps) and did work on it (PerformedWork).
 */
export function createRenderCounter() {
  let previous = new Set<Fiber>();
  return function rendered(root: FiberRoot): string[] {
    const names: string[] = [];
    const seen = new Set<Fiber>();
    const stack: Fiber[] = [root.current];
    while (stack.length > 0) {
      const fiber = stack.pop()!;
      seen.add(fiber);
      if (COMPONENT_TAGS.has(fiber.tag) && (fiber.flags & PERFORMED_WORK) !== 0 && !previous.has(fiber)) names.push(nameOf(fiber));
      if (fiber.sibling) stack.push(fiber.sibling);
      if (fiber.child) stack.push(fiber.child);
    }
    previous = seen;
    return names;
  };
}
