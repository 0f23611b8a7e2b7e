/**
 * The DevTools hook of the Chromium bench page. main.tsx imports this module
 * first, so it runs before react-dom is evaluated (react-dom connects to the
 * hook when it loads); the scenario refuses to run if no commit reaches it.
 */
import { createDevtoolsHook, type CommitListener } from "../fibers";

let listener: CommitListener | undefined;

(window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = createDevtoolsHook(() => listener);

export function onCommit(next: CommitListener | undefined): void {
  listener = next;
}
