import { normalizeIssues, text as nonEmpty, type BillingPortalError } from "../core/error";
import { HANDLER_ERROR_CODES as CODES, isRecord } from "../core/envelope";
import type { Gone } from "./departure";
import { problem, readBytesCapped } from "./http";
import type { FetchLike } from "./options";

/** One call to Ching as a transport sends it. */
export interface ChingExchange {
  method: "GET" | "POST";
  /** `apiBase`, e.g. `https://api.ching.co.il/ching/v1`: the URL is `base` + `path`. */
  base: string;
  /** From the `/` after `base` on, query included: `/customers/cus_…`. */
  path: string;
  /** The same object for every call of one kind: a transport copies it before it adds to it. */
  headers: Readonly<Record<string, string>>;
  body: string | undefined;
  /** The largest answer read, in bytes: past it the transport rejects with `AnswerTooLarge`. */
  limit: number;
}

/** Ching's answer: its status and its whole body as text. */
export interface ChingAnswer {
  status: number;
  text: string;
}

/**
 * Sends one exchange and reads the answer. Rejects with `AnswerTooLarge` past `limit` bytes
 * (declared or read), with any other error when Ching could not be reached. `onCancel` is
 * handed the function that cuts the exchange off (the client calls it on a timeout or when the
 * browser leaves): the fetch transport aborts its fetch, the Node one destroys its request.
 */
export type ChingTransport = (exchange: ChingExchange, onCancel: (cancel: () => void) => void) => Promise<ChingAnswer>;

/** Thrown by a transport when Ching's answer is over the limit. */
export class AnswerTooLarge extends Error {}

/** A transport over any `fetch` (the global one, `createMockChing().fetch`, the merchant's). */
export function fetchTransport(fetch: FetchLike): ChingTransport {
  return async ({ method, base, path, headers, body, limit }, onCancel) => {
    const controller = new AbortController();
    onCancel(() => controller.abort());
    const response = await fetch(`${base}${path}`, { method, headers: { ...headers }, body, signal: controller.signal });
    return { status: response.status, text: await readCapped(response, limit) };
  };
}

export interface ChingClientOptions {
  apiKey: string;
  apiBase: string;
  transport: ChingTransport;
  timeoutMs: number;
  retries: number;
  retryDelayMs: number;
  /** Removes the key from any text that came back from Ching or from the network stack. */
  redact: (text: string) => string;
}

/**
 * Calls Ching and answers `data` of its envelope, or throws a `BillingPortalError` ready for
 * the browser: Ching's own errors with their status, code, message and issues; 500
 * `MISCONFIGURED` when Ching refuses the key; 502/504 when Ching is unreachable, answers
 * something that is not its envelope, or is too slow. GETs are tried again after a network
 * failure or a 5xx; a POST never is (Ching honours no idempotency key).
 */
export type ChingCall = (method: "GET" | "POST", path: string, body?: unknown, gone?: Gone) => Promise<unknown>;

type Attempt = { data: unknown } | { error: BillingPortalError; retry: boolean };

function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : "";
  return `${cause.message}${inner}`;
}

/** The largest answer of Ching's that is read: a list of 100 customers is far below it. */
export const MAX_ANSWER_BYTES = 1024 * 1024;

/** The body as text, cancelled as soon as it passes `limit` bytes (declared or read). */
async function readCapped(response: Response, limit: number): Promise<string> {
  if (Number(response.headers.get("content-length")) > limit) {
    void response.body?.cancel().catch(() => undefined);
    throw new AnswerTooLarge();
  }
  const bytes = await readBytesCapped(response.body, limit);
  if (!bytes) throw new AnswerTooLarge();
  return new TextDecoder().decode(bytes);
}

function sleep(ms: number, gone?: Gone): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    const forget = gone?.onAbort(done);
    function done() {
      clearTimeout(timer);
      forget?.();
      resolve();
    }
  });
}

export function createChingClient(options: ChingClientOptions): ChingCall {
  const { apiBase, timeoutMs, redact } = options;
  const headersWithoutBody = { authorization: `Bearer ${options.apiKey}`, accept: "application/json" };
  const headersWithBody = { ...headersWithoutBody, "content-type": "application/json" };

  async function attempt(method: "GET" | "POST", path: string, body: unknown, gone: Gone | undefined): Promise<Attempt> {
    let timedOut = false;
    let cancelled = false;
    let cancel: (() => void) | undefined;
    const stop = () => {
      cancelled = true;
      cancel?.();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, timeoutMs);
    const forget = gone?.onAbort(stop);

    let status: number;
    let text: string;
    try {
      const answer = await options.transport(
        {
          method,
          base: apiBase,
          path,
          headers: body === undefined ? headersWithoutBody : headersWithBody,
          body: body === undefined ? undefined : JSON.stringify(body),
          limit: MAX_ANSWER_BYTES,
        },
        (cut) => {
          cancel = cut;
          if (cancelled) cut();
        },
      );
      status = answer.status;
      text = answer.text;
    } catch (cause) {
      if (cause instanceof AnswerTooLarge) {
        return { error: problem(502, CODES.upstreamInvalidResponse, `Ching answered ${method} ${path} with more than ${MAX_ANSWER_BYTES} bytes`), retry: false };
      }
      if (timedOut) {
        return { error: problem(504, CODES.upstreamTimeout, `Ching did not answer ${method} ${path} within ${timeoutMs} ms`), retry: false };
      }
      return {
        error: problem(502, CODES.upstreamUnavailable, `Could not reach Ching at ${apiBase} (${redact(describe(cause))})`, undefined, cause),
        retry: !gone?.aborted,
      };
    } finally {
      clearTimeout(timer);
      forget?.();
    }

    const invalid = (what: string): Attempt => ({
      error: problem(502, CODES.upstreamInvalidResponse, `Ching answered ${method} ${path} with HTTP ${status} and ${what}`),
      retry: status >= 500,
    });
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return invalid("a body that is not JSON");
    }
    if (status < 300 && isRecord(parsed) && parsed.success === true && "data" in parsed) return { data: parsed.data };
    const error = isRecord(parsed) ? parsed.error : undefined;
    if (status < 400 || !isRecord(error)) return invalid("no { success, data } envelope");

    // Whatever Ching echoes (a code, a path, a message) is cleaned of the key before it goes anywhere.
    const code = redact(nonEmpty(error.code) ?? `HTTP_${status}`);
    const sent = nonEmpty(error.message);
    const message = sent ? redact(sent) : `Ching answered HTTP ${status}`;
    if (status === 401 || status === 403) {
      // About the key: the browser cannot fix it, the merchant must.
      return {
        error: problem(
          500,
          CODES.misconfigured,
          `Ching refused the API key (HTTP ${status} ${code}: ${message}). Check apiKey (test and live keys see separate data; a live key must be activated) and apiBase.`,
        ),
        retry: false,
      };
    }
    const issues = normalizeIssues(error.issues).map((issue) => ({ path: issue.path.map(redact), message: redact(issue.message) }));
    return { error: problem(status, code, message, issues), retry: status >= 500 };
  }

  return async function call(method, path, body, gone) {
    for (let tried = 0; ; tried++) {
      const result = await attempt(method, path, body, gone);
      if ("data" in result) return result.data;
      if (method !== "GET" || !result.retry || tried >= options.retries || gone?.aborted) throw result.error;
      await sleep(options.retryDelayMs * 2 ** tried * (0.5 + Math.random()), gone);
    }
  };
}
