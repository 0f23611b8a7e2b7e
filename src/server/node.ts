import type { IncomingMessage, ServerResponse } from "node:http";
import { errorEnvelope } from "../core/envelope";
import { Departure, DEPARTURE } from "./departure";
import { bodyTextOf, innerHandlerOf } from "./http";
import { ERROR_CODES } from "../core/errorCodes";

/**
 * Runs a web-standard handler on Node's `http` server or as Express / Connect middleware.
 * Type-only Node imports: this file loads in any runtime.
 */

/** A Node request as Express leaves it: `originalUrl` before mounting, `body` when a body parser ran. */
type NodeRequest = IncomingMessage & { originalUrl?: string; body?: unknown; _body?: boolean };

export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => Promise<void>;

export interface ToNodeHandlerOptions {
  /**
   * Build the request URL from `X-Forwarded-Proto` and `X-Forwarded-Host` (set it only behind
   * a proxy you control). Default `false`: the `Host` header and the socket decide.
   */
  trustProxy?: boolean;
}

/** Where the adapter keeps, on a `Request` it made, the Node request it came from. */
const NODE_REQUEST = Symbol("nodeRequest");

/**
 * The `Request` this adapter makes: a real one, with the Node request it came from and its
 * `Departure`. Its `signal` is made only when someone reads it and aborts when the client goes
 * away: linking a signal into every `Request` is most of what building one costs on Node 20.
 */
class AdaptedRequest extends Request {
  readonly [DEPARTURE]: Departure;
  readonly [NODE_REQUEST]: IncomingMessage;

  constructor(url: string, init: RequestInit, nodeRequest: IncomingMessage, departure: Departure) {
    super(url, init);
    this[NODE_REQUEST] = nodeRequest;
    this[DEPARTURE] = departure;
  }

  /** A clone whose signal aborts with this one's (the base class would link the signal it never made). */
  override clone(): Request {
    const copy = super.clone();
    const init: RequestInit & { duplex?: "half" } = { signal: this.signal };
    if (copy.body) init.duplex = "half";
    return new Request(copy, init);
  }
}
Object.defineProperty(AdaptedRequest.prototype, "signal", {
  configurable: true,
  get(this: AdaptedRequest) {
    return this[DEPARTURE].signal;
  },
});

/**
 * A GET or HEAD as the handler and `identify` get it, with undici's own `Request` built only
 * when something needs more than its `url`, `method` and `headers`. On Node 20 building that
 * `Request` always makes an `AbortSignal` of its own (nodejs/node#52408, the fix, is in 22 only),
 * which cost about a fifth of the handler's CPU per answer; most `identify` functions only read
 * a cookie.
 *
 * Everything else is the real thing: it is an `instanceof Request` (and of the adapter's), every
 * other getter and method (`clone()`, `text()`, `cache`, …) is `Request.prototype`'s, and the
 * fields those read are forwarded to the `Request` built on first use, so `new Request(request)`
 * and `fetch(request)` work too. Whether that forwarding works is checked once on this runtime
 * (`canDefer`); where it does not (a `Request` keeping its fields private), every request gets a
 * real `Request` from the start. `headers` stays the one object it was: a change made to it
 * after the `Request` was built (by a `clone()`, say) is not seen by later clones.
 */
class DeferredRequest {
  readonly [DEPARTURE]: Departure;
  readonly [NODE_REQUEST]: IncomingMessage;
  readonly #url: string;
  readonly #method: string;
  readonly #headers: Headers;
  #built: AdaptedRequest | undefined;

  constructor(url: string, method: string, headers: Headers, nodeRequest: IncomingMessage, departure: Departure) {
    this.#url = url;
    this.#method = method;
    this.#headers = headers;
    this[NODE_REQUEST] = nodeRequest;
    this[DEPARTURE] = departure;
  }

  get url(): string {
    return this.#url;
  }

  get method(): string {
    return this.#method;
  }

  get headers(): Headers {
    return this.#headers;
  }

  /** The real `Request` of `request`, built once, on first use (static: a `Request` has no such method). */
  static built(request: DeferredRequest): AdaptedRequest {
    return (request.#built ??= new AdaptedRequest(request.#url, { method: request.#method, headers: request.#headers }, request[NODE_REQUEST], request[DEPARTURE]));
  }
}

let deferring: boolean | undefined;

/**
 * Whether a `DeferredRequest` is a working `Request` on this runtime, found out once: undici's
 * `Request` on Node 20 keeps its fields under symbols, which the deferred one then forwards.
 * Exported for the tests only (not from the package).
 */
export function canDefer(): boolean {
  if (deferring !== undefined) return deferring;
  deferring = false;
  try {
    const prototype = DeferredRequest.prototype as unknown as Record<symbol, unknown>;
    Object.setPrototypeOf(prototype, AdaptedRequest.prototype);
    for (const field of Object.getOwnPropertySymbols(new Request("http://probe.invalid/"))) {
      Object.defineProperty(prototype, field, {
        configurable: true,
        get(this: DeferredRequest) {
          return (DeferredRequest.built(this) as unknown as Record<symbol, unknown>)[field];
        },
        set(this: DeferredRequest, value: unknown) {
          (DeferredRequest.built(this) as unknown as Record<symbol, unknown>)[field] = value;
        },
      });
    }
    const probe = new DeferredRequest("http://probe.invalid/p?q=1", "GET", new Headers({ "x-probe": "1" }), undefined as unknown as IncomingMessage, new Departure());
    const request = probe as unknown as Request;
    const copy = new Request(request);
    deferring =
      request instanceof Request &&
      copy.url === request.url &&
      copy.headers.get("x-probe") === "1" &&
      request.clone().headers.get("x-probe") === "1" &&
      request.cache === "default" &&
      request.body === null;
  } catch {
    deferring = false;
  }
  return deferring;
}

/** The `Request` of a GET or HEAD: a deferred one where that works, else a real one. */
function requestWithoutBody(url: string, method: string, req: IncomingMessage, departure: Departure): Request {
  if (!canDefer()) {
    // No body, so nothing the Request would derive headers from: they go straight into its own
    // Headers (half the cost of handing a Headers over, which the Request copies).
    const request = new AdaptedRequest(url, { method }, req, departure);
    copyHeaders(req, request.headers);
    return request;
  }
  // What building the real one would refuse is refused here too (the adapter answers 400).
  const parsed = new URL(url);
  if (parsed.username !== "" || parsed.password !== "") throw new TypeError("A request URL with credentials");
  const headers = new Headers();
  copyHeaders(req, headers);
  return new DeferredRequest(parsed.href, method, headers, req, departure) as unknown as Request;
}

/**
 * The Node request a `Request` was made from by `toNodeHandler`, e.g. to read `req.user` or
 * `req.session` from Express inside `identify`.
 *
 * @example
 * identify: (request) => {
 *   const user = (getNodeRequest(request) as express.Request | undefined)?.user;
 *   return user ? { userId: user.id, customerId: user.chingCustomerId ?? null } : null;
 * }
 */
export function getNodeRequest(request: Request): IncomingMessage | undefined {
  return request instanceof AdaptedRequest ? request[NODE_REQUEST] : undefined;
}

/** How long, and how much, a client gets to finish sending a body the handler did not read, after the answer. */
const LINGER_MS = 5_000;
const LINGER_MAX_BYTES = 64 * 1024;

function first(value: string | string[] | undefined): string | undefined {
  const one = Array.isArray(value) ? value[0] : value;
  return one?.split(",")[0]?.trim() || undefined;
}

/** The body as a web stream, read from `req` only when the handler reads it. */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let attached = false;
  let finished = false;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const onData = (chunk: Buffer | string) => {
    const bytes = typeof chunk === "string" ? new TextEncoder().encode(chunk) : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    controller.enqueue(bytes);
    if ((controller.desiredSize ?? 0) <= 0) req.pause();
  };
  const detach = () => {
    finished = true;
    req.off("data", onData);
    req.off("end", onEnd);
    req.off("error", onError);
  };
  const onEnd = () => {
    detach();
    controller.close();
  };
  const onError = (error: unknown) => {
    detach();
    controller.error(error);
  };
  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      pull() {
        if (finished) return;
        if (!attached) {
          attached = true;
          req.on("data", onData);
          req.on("end", onEnd);
          req.on("error", onError);
        }
        req.resume();
      },
      cancel() {
        if (finished) return;
        detach();
        req.resume(); // what is left is discarded as it arrives
      },
    },
    { highWaterMark: 0 },
  );
}

function copyHeaders(req: IncomingMessage, headers: Headers): void {
  const source = req.headers;
  for (const name in source) {
    const value = source[name];
    if (name.startsWith(":") || value === undefined) continue;
    if (Array.isArray(value)) for (const one of value) headers.append(name, one);
    else headers.set(name, value);
  }
}

function toRequest(req: NodeRequest, options: ToNodeHandlerOptions, departure: Departure): Request {
  const encrypted = (req.socket as { encrypted?: boolean } | undefined)?.encrypted === true;
  let protocol = encrypted ? "https" : "http";
  let host = req.headers.host ?? "localhost";
  if (options.trustProxy) {
    protocol = first(req.headers["x-forwarded-proto"]) ?? protocol;
    host = first(req.headers["x-forwarded-host"]) ?? host;
  }
  // The origin is the Host the server was reached on, never the request target: in
  // `GET //evil.example/x` or `GET http://evil.example/x` only the path counts.
  const target = req.originalUrl ?? req.url ?? "/";
  const absolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(target) ? new URL(target) : undefined;
  const path = absolute ? `${absolute.pathname}${absolute.search}` : target.startsWith("/") ? target : `/${target}`;
  const url = `${protocol}://${host}${path}`;

  const method = (req.method ?? "GET").toUpperCase();
  if (method === "GET" || method === "HEAD") return requestWithoutBody(url, method, req, departure);
  const headers = new Headers();
  copyHeaders(req, headers);
  const init: RequestInit & { duplex?: "half" } = { method, headers };
  {
    const parsed = req.body;
    if (parsed !== undefined && (req._body === true || req.readableEnded)) {
      // A body parser (express.json(), …) already read the stream: hand on what it made.
      init.body = typeof parsed === "string" ? parsed : parsed instanceof Uint8Array ? new Uint8Array(parsed) : JSON.stringify(parsed);
      headers.delete("content-length");
      headers.delete("transfer-encoding");
    } else if (!req.readableEnded) {
      init.body = bodyStream(req);
      init.duplex = "half";
    }
  }
  return new AdaptedRequest(url, init, req, departure);
}

/**
 * After the answer: a body the handler did not read (or stopped reading) may drain, but not
 * forever. An endless body is cut off after 64 KiB, not read for the whole linger time. Counted
 * on the socket: Node's own dump of an unread body drops any "data" listener of ours.
 */
function linger(req: IncomingMessage): void {
  const socket = req.socket;
  const start = socket?.bytesRead ?? 0;
  req.resume();
  const watch = setInterval(() => {
    if (req.complete) clearInterval(watch);
    else if ((socket?.bytesRead ?? 0) - start > LINGER_MAX_BYTES) {
      clearInterval(watch);
      socket?.destroy();
    }
  }, 20);
  watch.unref?.();
  const timer = setTimeout(() => {
    clearInterval(watch);
    if (!req.complete) socket?.destroy();
  }, LINGER_MS);
  timer.unref?.();
  req.once("end", () => {
    clearTimeout(timer);
    clearInterval(watch);
  });
}

/**
 * Writes an answer of the handler's own: headers and body in one write, with a `Content-Length`.
 * `writeHead` with the headers as one object is Node's fast path (no `setHeader` per name);
 * headers a middleware set before stay, as with `setHeader`.
 */
function sendPlain(status: number, headers: Readonly<Record<string, string>>, text: string | null, req: IncomingMessage, res: ServerResponse): void {
  if (text === null || req.method === "HEAD") {
    res.writeHead(status, headers).end();
    return;
  }
  const all = res.hasHeader("content-length") ? headers : { ...headers, "content-length": String(Buffer.byteLength(text)) };
  res.writeHead(status, all).end(text);
}

async function send(response: Response, req: IncomingMessage, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);

  if (!response.body || req.method === "HEAD") {
    res.end();
    return;
  }
  const text = bodyTextOf(response);
  if (text !== undefined) {
    // An answer of the handler's own, whole in memory: headers and body in one write.
    if (!res.hasHeader("content-length")) res.setHeader("content-length", Buffer.byteLength(text));
    res.end(text);
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) {
        await reader.cancel();
        return;
      }
      if (!res.write(value)) {
        await new Promise<void>((resolve) => {
          const resume = () => {
            res.off("drain", resume);
            res.off("close", resume);
            resolve();
          };
          res.on("drain", resume);
          res.on("close", resume);
        });
      }
    }
    res.end();
  } catch {
    res.destroy();
  }
}

/**
 * Adapts a web-standard handler (such as `createBillingPortalHandler`'s) to Node's `http`
 * server and to Express / Connect middleware. The request URL keeps Express's mount path
 * (`originalUrl`), a body an Express body parser already read is used as it is, and the
 * answer is streamed back with backpressure.
 *
 * @example
 * app.use("/api/billing", toNodeHandler(handler));
 * http.createServer(toNodeHandler(handler)).listen(3000);
 */
export function toNodeHandler(
  handler: (request: Request) => Response | Promise<Response>,
  options: ToNodeHandlerOptions = {},
): NodeHandler {
  // One of ours answers plain, without a `Response` to build and read back.
  const inner = innerHandlerOf(handler) ?? handler;
  return async function nodeHandler(req, res, next) {
    const departure = new Departure();
    // One listener per request, not one per event: Node emits "close" after "finish" too.
    res.once("close", () => {
      if (!res.writableFinished) departure.abort();
      else if (!req.complete) linger(req);
    });

    let request: Request;
    try {
      request = toRequest(req as NodeRequest, options, departure);
    } catch {
      res.statusCode = 400;
      res.setHeader("content-type", "application/json; charset=utf-8");
      res.end(JSON.stringify(errorEnvelope({ status: 400, code: ERROR_CODES.badRequest, message: "The request URL or headers could not be read" })));
      return;
    }
    try {
      const answer = await inner(request);
      // An answer of ours is written at once; only a `Response` is read (and may wait for the socket).
      if (answer instanceof Response) await send(answer, req, res);
      else sendPlain(answer.status, answer.headers, answer.text, req, res);
    } catch (error) {
      if (next) {
        next(error);
        return;
      }
      console.error(`[@ching/billing-portal-react/server] toNodeHandler: the handler failed: ${error instanceof Error ? error.message : String(error)}`);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.statusCode = 500;
      res.setHeader("content-type", "application/json; charset=utf-8");
      res.end(JSON.stringify(errorEnvelope({ status: 500, code: ERROR_CODES.internal, message: "Something went wrong on the server" })));
    }
  };
}
