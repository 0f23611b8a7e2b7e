import type { IncomingMessage, ServerResponse } from "node:http";
import { errorEnvelope } from "../core/envelope";
import { bodyTextOf } from "./http";
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

const nodeRequests = new WeakMap<Request, IncomingMessage>();

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
  return nodeRequests.get(request);
}

/** How long a client gets to finish sending a body the handler did not read, after the answer. */
const LINGER_MS = 5_000;

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

function toRequest(req: NodeRequest, options: ToNodeHandlerOptions, signal: AbortSignal): Request {
  const encrypted = (req.socket as { encrypted?: boolean } | undefined)?.encrypted === true;
  let protocol = encrypted ? "https" : "http";
  let host = req.headers.host ?? "localhost";
  if (options.trustProxy) {
    protocol = first(req.headers["x-forwarded-proto"]) ?? protocol;
    host = first(req.headers["x-forwarded-host"]) ?? host;
  }
  const url = new URL(req.originalUrl ?? req.url ?? "/", `${protocol}://${host}`);

  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(":") || value === undefined) continue;
    if (Array.isArray(value)) for (const one of value) headers.append(name, one);
    else headers.set(name, value);
  }

  const method = (req.method ?? "GET").toUpperCase();
  const init: RequestInit & { duplex?: "half" } = { method, headers, signal };
  if (method !== "GET" && method !== "HEAD") {
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
  const request = new Request(url, init);
  nodeRequests.set(request, req);
  return request;
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
  return async function nodeHandler(req, res, next) {
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    res.on("finish", () => {
      // A body the handler did not read (or stopped reading): let it drain, but not forever.
      if (req.complete) return;
      req.resume();
      const timer = setTimeout(() => {
        if (!req.complete) req.socket?.destroy();
      }, LINGER_MS);
      timer.unref?.();
      req.once("end", () => clearTimeout(timer));
    });

    let request: Request;
    try {
      request = toRequest(req as NodeRequest, options, controller.signal);
    } catch {
      res.statusCode = 400;
      res.setHeader("content-type", "application/json; charset=utf-8");
      res.end(JSON.stringify(errorEnvelope({ status: 400, code: ERROR_CODES.badRequest, message: "The request URL or headers could not be read" })));
      return;
    }
    try {
      await send(await handler(request), req, res);
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
