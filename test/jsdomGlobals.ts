import { JSDOM } from "jsdom";

/**
 * A browser inside a Node process, for the SSR test's hydration and the
 * bench's React measures: a JSDOM page whose window, document, navigator and
 * every other window global missing from Node are put on globalThis (as
 * global-jsdom does), and taken off again by `uninstall`. The Node test
 * environment has no DOM, so a server render before it really ran without one.
 */
export interface InstalledDom {
  window: JSDOM["window"];
  document: Document;
  /** Restores globalThis as it was. */
  uninstall(): void;
}

// Node has its own (working) versions of these; jsdom's would break undici's fetch, timers or streams.
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

/** `extra` globals (e.g. a React DevTools hook) are put on globalThis too, and taken off with the rest. */
export function installDom(html: string, url = "https://shop.example/account", extra: Record<string, unknown> = {}): InstalledDom {
  const dom = new JSDOM(html, { url, pretendToBeVisual: true });
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
  // Node 20 has no navigator, and the ones Node has of these must be the page's.
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
  for (const [key, value] of Object.entries(extra)) put(key, value);

  return {
    window,
    document: window.document,
    uninstall() {
      for (const [key, descriptor] of saved) {
        if (descriptor) Object.defineProperty(globalThis, key, descriptor);
        else delete scope[key];
      }
      window.close();
    },
  };
}
