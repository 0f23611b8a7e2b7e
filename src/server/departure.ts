/**
 * How the handler learns that the browser left mid-request, so it stops calling Ching and
 * reports nothing. From any runtime that is `request.signal`; under `toNodeHandler` it is a
 * `Departure` the adapter keeps per request, which costs a plain object instead of an
 * `AbortSignal` linked into the `Request` (on Node 20 that link is most of what building a
 * `Request` costs, and `AbortController` itself is not cheap).
 */
export interface Gone {
  readonly aborted: boolean;
  /** Calls `listener` once when the browser leaves; answers a function that forgets it. */
  onAbort(listener: () => void): () => void;
}

/** `request.signal` as a `Gone`. */
export function goneOfSignal(signal: AbortSignal): Gone {
  return {
    get aborted() {
      return signal.aborted;
    },
    onAbort(listener) {
      signal.addEventListener("abort", listener, { once: true });
      return () => signal.removeEventListener("abort", listener);
    },
  };
}

/** The Node adapter's `Gone`: aborted when the response closed before it was finished. */
export class Departure implements Gone {
  aborted = false;
  private listeners: (() => void)[] | undefined;
  private controller: AbortController | undefined;

  onAbort(listener: () => void): () => void {
    (this.listeners ??= []).push(listener);
    return () => {
      const at = this.listeners?.indexOf(listener) ?? -1;
      if (at >= 0) this.listeners!.splice(at, 1);
    };
  }

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.controller?.abort();
    const listeners = this.listeners;
    this.listeners = undefined;
    for (const listener of listeners ?? []) listener();
  }

  /** A real `AbortSignal`, made only when someone asks for one (`request.signal`, a lock). */
  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.aborted) this.controller.abort();
    }
    return this.controller.signal;
  }
}

/** Where the Node adapter keeps a request's `Departure` on the `Request` it made. */
export const DEPARTURE = Symbol("departure");

/** How to tell that the browser behind `request` left: the adapter's `Departure`, else `request.signal`. */
export function goneOf(request: Request): Gone {
  return (request as { [DEPARTURE]?: Departure })[DEPARTURE] ?? goneOfSignal(request.signal);
}
