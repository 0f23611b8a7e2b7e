import { normalizeIssues, text as nonEmpty, type BillingPortalError } from "../core/error";
import { HANDLER_ERROR_CODES as CODES, isRecord } from "../core/envelope";
import { problem, readBytesCapped } from "./http";
import type { FetchLike } from "./options";

export interface ChingClientOptions {
  apiKey: string;
  apiBase: string;
  fetch: FetchLike;
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
export type ChingCall = (method: "GET" | "POST", path: string, body?: unknown, signal?: AbortSignal) => Promise<unknown>;

type Attempt = { data: unknown } | { error: BillingPortalError; retry: boolean };

function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : "";
  return `${cause.message}${inner}`;
}

/** The largest answer of Ching's that is read: a list of 100 customers is far below it. */
export const MAX_ANSWER_BYTES = 1024 * 1024;

class AnswerTooLarge extends Error {}

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

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

export function createChingClient(options: ChingClientOptions): ChingCall {
  const { apiBase, timeoutMs, redact } = options;

  async function attempt(method: "GET" | "POST", path: string, body: unknown, signal: AbortSignal | undefined): Promise<Attempt> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener("abort", onAbort, { once: true });

    const headers: Record<string, string> = { authorization: `Bearer ${options.apiKey}`, accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";

    let status: number;
    let text: string;
    try {
      const response = await options.fetch(`${apiBase}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
      });
      status = response.status;
      text = await readCapped(response, MAX_ANSWER_BYTES);
    } catch (cause) {
      if (cause instanceof AnswerTooLarge) {
        return { error: problem(502, CODES.upstreamInvalidResponse, `Ching answered ${method} ${path} with more than ${MAX_ANSWER_BYTES} bytes`), retry: false };
      }
      if (timedOut) {
        return { error: problem(504, CODES.upstreamTimeout, `Ching did not answer ${method} ${path} within ${timeoutMs} ms`), retry: false };
      }
      return {
        error: problem(502, CODES.upstreamUnavailable, `Could not reach Ching at ${apiBase} (${redact(describe(cause))})`, undefined, cause),
        retry: !signal?.aborted,
      };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
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

  return async function call(method, path, body, signal) {
    for (let tried = 0; ; tried++) {
      const result = await attempt(method, path, body, signal);
      if ("data" in result) return result.data;
      if (method !== "GET" || !result.retry || tried >= options.retries || signal?.aborted) throw result.error;
      await sleep(options.retryDelayMs * 2 ** tried * (0.5 + Math.random()), signal);
    }
  };
}
