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
import { JSDOM } from "jsdom";

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

// Node's own versions of these stay: fetch (MSW intercepts it), timers, streams, URL.
const KEEP_NODE_OWN = new Set([
  "undefined",
  "globalThis",
  "console",
  "setTimeout",
  "clearTimeout",
  "setInterval",
  "clearInterval",
  "setImmediate",
  "clearImmediate",
  "queueMicrotask",
  "structuredClone",
  "fetch",
  "Request",
  "Response",
  "Headers",
  "AbortController",
  "AbortSignal",
  "URL",
  "URLSearchParams",
  "TextEncoder",
  "TextDecoder",
  "ReadableStream",
  "WritableStream",
  "TransformStream",
  "Blob",
  "File",
  "FormData",
  "crypto",
  "performance",
]);

/**
 * `url` is where relative endpoints resolve: 127.0.0.1, so a request MSW did
 * not catch could not leave the machine either.
 */
export function installDom(url = "http://127.0.0.1/account"): BenchDom {
  const dom = new JSDOM('<!doctype html><html lang="he" dir="rtl"><head><title>bench</title></head><body></body></html>', {
    url,
    pretendToBeVisual: true,
  });
  const { window } = dom;
  const scope = globalThis as Record<string, unknown>;
  const saved = new Map<string, PropertyDescriptor | undefined>();
  const put = (key: string, value: unknown) => {
    if (!saved.has(key)) saved.set(key, Object.getOwnPropertyDescriptor(globalThis, key));
    Object.defineProperty(globalThis, key, { value, configurable: true, writable: true, enumerable: true });
  };

  for (const key of Object.getOwnPropertyNames(window)) {
    if (KEEP_NODE_OWN.has(key) || key in scope) continue;
    put(key, (window as unknown as Record<string, unknown>)[key]);
  }
  put("window", window);
  put("self", window);
  put("document", window.document);
  put("navigator", window.navigator);
  put("Event", window.Event);
  put("EventTarget", window.EventTarget);
  put("CustomEvent", window.CustomEvent);
  put("KeyboardEvent", window.KeyboardEvent);
  put("requestAnimationFrame", window.requestAnimationFrame.bind(window));
  put("cancelAnimationFrame", window.cancelAnimationFrame.bind(window));

  let listener: CommitListener | undefined;
  put("__REACT_DEVTOOLS_GLOBAL_HOOK__", {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => undefined,
    onScheduleFiberRoot: () => undefined,
    onCommitFiberRoot: (_id: number, root: FiberRoot) => listener?.(root),
    onCommitFiberUnmount: () => undefined,
    onPostCommitFiberRoot: () => undefined,
  });

  return {
    window,
    document: window.document,
    onCommit(next) {
      listener = next;
    },
    uninstall() {
      for (const [key, descriptor] of saved) {
        if (descriptor) Object.defineProperty(globalThis, key, descriptor);
        else delete scope[key];
      }
      window.close();
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
