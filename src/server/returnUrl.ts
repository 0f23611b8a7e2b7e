import { HANDLER_ERROR_CODES as CODES } from "../core/envelope";
import { problem } from "./http";

/**
 * Where a hosted page (add card, portal) sends the person back: only ever a
 * URL on the request's own origin or an allowed one, so the endpoint is no
 * open redirect. A path (`/billing`) is taken on the request's own origin.
 */

const MAX_LENGTH = 2048;

const refuse = () =>
  problem(400, CODES.invalidField, "Some fields are invalid", [
    { path: ["returnUrl"], message: "The return URL must be a page of this site" },
  ]);

/** Reads `value` as a return URL on `ownOrigin` or one of `allowedOrigins`; throws the 400 otherwise. */
export function checkReturnUrl(value: unknown, ownOrigin: string, allowedOrigins: ReadonlySet<string> | undefined): URL {
  if (typeof value !== "string" || value === "" || value.length > MAX_LENGTH) throw refuse();
  // `//evil.example` and `/\evil.example` are other hosts to a browser, not paths.
  if (value.startsWith("/") && /^\/[/\\]/.test(value)) throw refuse();
  let url: URL;
  try {
    url = new URL(value, ownOrigin);
  } catch {
    throw refuse();
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw refuse();
  if (url.origin !== ownOrigin && !allowedOrigins?.has(url.origin)) throw refuse();
  return url;
}

/**
 * The return URL of a request body `{ returnUrl? }`: the browser's, else the
 * merchant's default (`returnUrl` option), else the page that asked
 * (`Referer`, same origin only), else the site's root.
 */
export function returnUrlOf(
  body: unknown,
  request: Request,
  ownOrigin: string,
  allowedOrigins: ReadonlySet<string> | undefined,
  fallback: string | undefined,
): URL {
  if (body !== undefined && (typeof body !== "object" || body === null || Array.isArray(body))) {
    throw problem(400, CODES.invalidField, "Some fields are invalid", [{ path: [], message: "Send an object" }]);
  }
  const sent = (body as { returnUrl?: unknown } | undefined)?.returnUrl;
  if (sent !== undefined) return checkReturnUrl(sent, ownOrigin, allowedOrigins);
  if (fallback !== undefined) return new URL(fallback, ownOrigin);
  const referer = request.headers.get("referer");
  if (referer) {
    try {
      return checkReturnUrl(referer, ownOrigin, undefined);
    } catch {
      // A foreign or unreadable Referer: fall through to the site's root.
    }
  }
  return new URL("/", ownOrigin);
}

/** `url` with `params` set (replacing any of the same names). */
export function withParams(url: URL, params: Record<string, string>): string {
  const next = new URL(url);
  for (const [name, value] of Object.entries(params)) next.searchParams.set(name, value);
  return next.toString();
}
