import { errorEnvelope, HANDLER_ERROR_CODES, MAX_BODY_BYTES, successEnvelope } from "../core/envelope";
import { BillingPortalError, type BillingPortalIssue } from "../core/error";

export function problem(status: number, code: string, message: string, issues?: BillingPortalIssue[], cause?: unknown): BillingPortalError {
  return new BillingPortalError({ status, code, message, issues, cause });
}

/** Shared by every answer without extra headers: nothing writes into an answer's headers. */
const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  "content-type": "application/json; charset=utf-8",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
});

/**
 * An answer of the handler's own, whole in memory. The public handler turns it into a
 * `Response`; the Node adapter writes it as it is (one write with a `Content-Length`),
 * since building a `Response` with a body costs a web stream per request.
 */
export interface PlainAnswer {
  status: number;
  /** Read only: the same object may serve many answers. */
  headers: Readonly<Record<string, string>>;
  /** `null` for no body (204). */
  text: string | null;
}

/** What the handler's inner function answers: its own answers plain, a `Response` where an operation made one (a redirect). */
export type Answer = PlainAnswer | Response;

/** The body text of each answer made by `toResponse`, for `bodyTextOf`. */
const bodyTexts = new WeakMap<Response, string>();

/**
 * The whole body of an answer this module made, as text; `undefined` for any other `Response`.
 * The Node adapter sends it in one write with a `Content-Length` instead of reading the
 * answer's stream chunk by chunk with chunked transfer (the cheaper path, by far), also when
 * the merchant wraps the handler in a function of their own.
 */
export function bodyTextOf(response: Response): string | undefined {
  return bodyTexts.get(response);
}

export function toResponse(answer: Answer): Response {
  if (answer instanceof Response) return answer;
  const response = new Response(answer.text, { status: answer.status, headers: answer.headers });
  if (answer.text !== null) bodyTexts.set(response, answer.text);
  return response;
}

/** Cleans a text of secrets before it leaves (the handler passes one that removes the key). */
export type Redact = (text: string) => string;

function json(status: number, body: unknown, extra?: Record<string, string>, redact?: Redact): PlainAnswer {
  // The whole answer, not only its messages: a key Ching echoed in `data` or a code never leaves.
  const text = redact ? redact(JSON.stringify(body)) : JSON.stringify(body);
  return { status, headers: extra ? { ...JSON_HEADERS, ...extra } : JSON_HEADERS, text };
}

export function ok(data: unknown, extra?: Record<string, string>, redact?: Redact): PlainAnswer {
  return json(200, successEnvelope(data), extra, redact);
}

export function failure(error: BillingPortalError, extra?: Record<string, string>, redact?: Redact): PlainAnswer {
  const { status, code, message, issues } = error;
  return json(status, errorEnvelope({ status, code, message, issues }), extra, redact);
}

/** The inner function of each handler `createBillingPortalHandler` made, for `toNodeHandler`. */
const innerHandlers = new WeakMap<object, (request: Request) => Promise<Answer>>();

export function setInnerHandler(handler: object, inner: (request: Request) => Promise<Answer>): void {
  innerHandlers.set(handler, inner);
}

/** The inner function of one of our handlers (answers without building a `Response`), or `undefined` for any other function. */
export function innerHandlerOf(handler: object): ((request: Request) => Promise<Answer>) | undefined {
  return innerHandlers.get(handler);
}

export const tooLarge = (limit: number) => problem(413, HANDLER_ERROR_CODES.payloadTooLarge, `The request body is over ${limit} bytes`);

/**
 * The bytes of a body stream, at most `limit`: read chunk by chunk and cancelled as soon as it
 * passes the limit, so an endless body is never read to its end. `undefined` when it passed.
 * Shared by the browser's request bodies and Ching's answers.
 */
export async function readBytesCapped(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (body) {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        void reader.cancel().catch(() => undefined);
        return undefined;
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** Reads a JSON body of at most `limit` bytes (check the declared size first: guards.ts). */
export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const bytes = await readBytesCapped(request.body, limit);
  if (!bytes) throw tooLarge(limit);
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) as unknown;
  } catch {
    throw problem(400, HANDLER_ERROR_CODES.invalidJson, "The request body is not valid JSON");
  }
}
