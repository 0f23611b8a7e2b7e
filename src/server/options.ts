import type { Customer, CustomerMetadata } from "../core/customer";
import type { BillingPortalError } from "../core/error";
import type { BillingPortalLock } from "./lock";

/** The `fetch` the handler calls Ching with: the global one, or any function shaped like it. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** What `identify` may tell besides who the person is. */
export interface BillingPortalIdentityFields {
  /** Used for a create when the browser sends no `email`. */
  email?: string;
  /**
   * `true` when you have verified that this person owns `email`. Only then does a create
   * link an existing Ching customer with that email (Ching's upsert) instead of making a
   * new one; without it an email never merges two accounts, since anyone can register
   * with someone else's address.
   */
  emailVerified?: boolean;
  /** Used for a create when the browser sends no `name`. */
  name?: string;
  /**
   * Metadata only your server sets (e.g. `{ plan: user.plan }`): merged into every create
   * and every update of the user's own customer that carries metadata, over what the
   * browser sent.
   */
  metadata?: CustomerMetadata;
}

/**
 * Who is asking, as `identify` answers it.
 *
 * @example
 * identify: async (request) => {
 *   const user = await getSignedInUser(request);
 *   return user ? { userId: user.id, customerId: user.chingCustomerId ?? null, email: user.email } : null;
 * }
 */
export interface BillingPortalIdentity extends BillingPortalIdentityFields {
  /** The `cus_` id you stored for this user, or `null` while they have none yet. */
  customerId: string | null;
  /**
   * Your own stable id of the user: a string, or a number (turned into one). Creates are
   * merged on it, across requests and (with `lock`) across instances, and the customer
   * made for a user is marked with it; an identity without one cannot create.
   */
  userId: string | number;
}

/** What `authorize` is asked. Own customer access never asks it. */
export interface AuthorizeRequest {
  /** `read` (`GET /customers/:id`), `update` (`POST /customers/:id`) or `list` (`GET /customers`). */
  action: "read" | "update" | "list";
  /** The customer asked for; `null` for `list`. */
  customerId: string | null;
  request: Request;
  identity: BillingPortalIdentity;
}

export interface ErrorContext {
  request: Request;
}

export interface BillingPortalHandlerOptions {
  /**
   * Your Ching secret key (`ck_test_…` / `ck_live_…`). It never leaves your server.
   * When it is missing (e.g. `process.env.CHING_API_KEY` at build time), creating the
   * handler does not throw, so a build that imports the route still works: every request
   * answers 500 `MISCONFIGURED`, and the first one reports why through `onError`.
   */
  apiKey: string | undefined;
  /** Default `https://api.ching.co.il/ching/v1`. Must be `https` except on loopback. */
  apiBase?: string;
  /**
   * The path the handler is mounted under, e.g. `/api/billing`; stripped before routing.
   * Without it, routes are matched by how the path ends (`…/customers`, `…/customers/me`, `…/customers/:id`).
   */
  basePath?: string;
  /**
   * The fetch to call Ching with. Default: on Node (20.16+), a keep-alive `node:http` /
   * `node:https` client (several times cheaper per call than the global fetch); elsewhere the
   * global `fetch`. Pass `globalThis.fetch` to keep the global one on Node too.
   */
  fetch?: FetchLike;
  /** How long one call to Ching may take before the answer is 504 `UPSTREAM_TIMEOUT`. Default 10 000 ms. */
  timeoutMs?: number;
  /** How often a GET to Ching is tried again after a network failure or a 5xx. Default 2. POSTs never are. */
  retries?: number;
  /** The first wait before a retry, doubled each time (with jitter). Default 200 ms. */
  retryDelayMs?: number;
  /**
   * Origins (e.g. `https://shop.example`) allowed to POST. When set, a POST whose `Origin`
   * is another one answers 403, and allowed cross-origin requests get CORS headers.
   * The request's own origin is always allowed.
   */
  allowedOrigins?: readonly string[];
  /** Who is asking: `null` for nobody (every request answers 401). */
  identify: (request: Request) => BillingPortalIdentity | null | undefined | Promise<BillingPortalIdentity | null | undefined>;
  /**
   * Called once a customer was created for a user: store `customer.id` on that user so
   * `identify` returns it from now on. Awaited before the browser gets its answer.
   */
  onCustomerCreated: (customer: Customer, request: Request, identity: BillingPortalIdentity) => void | Promise<void>;
  /** Allows access to other customers and to the list (back office). Without it both are denied. */
  authorize?: (request: AuthorizeRequest) => boolean | Promise<boolean>;
  /**
   * Where the hosted add-card page and the hosted portal send the person back when the
   * browser names no `returnUrl`: a path (`/account/billing`) or a URL on your site.
   * Default: the page that asked (its `Referer`, same origin only), else `/`.
   */
  returnUrl?: string;
  /** Whether a person may remove a saved card (`POST /customers/me/payment_methods/:id/detach`). Default `true`. */
  allowRemovePaymentMethods?: boolean;
  /**
   * Serialises the creates of one user across processes, so "one person, one customer"
   * holds with several instances (serverless, several pods): `createRedisLock(client)`, or
   * your own. Default `createMemoryLock()`, which is enough for one process only.
   */
  lock?: BillingPortalLock;
  /**
   * How long `identify`, `authorize` and `onCustomerCreated` may take before the request
   * answers 500 `INTERNAL_ERROR` (a hung session store must not hang every request). Default 10 000 ms.
   */
  callbackTimeoutMs?: number;
  /** The metadata keys a browser may set; others are dropped. Default none. */
  metadataKeys?: readonly string[];
  /**
   * Told about every failure the browser cannot fix (answers of 500 and above), e.g. Ching
   * refusing the key or Ching unreachable. Default: one line on `console.error`.
   * Nothing it is given contains the API key.
   */
  onError?: (error: BillingPortalError, context: ErrorContext) => void;
}

export const DEFAULT_API_BASE = "https://api.ching.co.il/ching/v1";
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_CALLBACK_TIMEOUT_MS = 10_000;

const CURRENT_KEY = /^ck_(test|live)_[0-9a-fA-F]{64}$/;
const LEGACY_KEY = /^sk_(test|live)_[A-Za-z0-9]{16,128}$/;
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

function fail(message: string): never {
  throw new TypeError(`createBillingPortalHandler: ${message}`);
}

export const MISSING_KEY_MESSAGE =
  "createBillingPortalHandler: `apiKey` is missing. Pass your Ching secret key from the server's environment, e.g. `apiKey: process.env.CHING_API_KEY`.";

/** A key that is not there at all (unset environment variable): answered per request, not thrown. */
export function isMissingKey(apiKey: unknown): apiKey is undefined | null | "" {
  return apiKey === undefined || apiKey === null || apiKey === "";
}

/** Throws with a message that tells what is wrong, never echoing the key itself. */
export function assertApiKey(apiKey: unknown): asserts apiKey is string {
  if (typeof apiKey !== "string" || apiKey === "") {
    fail("`apiKey` is missing. Pass your Ching secret key from the server's environment, e.g. `apiKey: process.env.CHING_API_KEY`.");
  }
  if (CURRENT_KEY.test(apiKey) || LEGACY_KEY.test(apiKey)) return;
  let hint = "";
  if (apiKey.trim() !== apiKey) hint = " It has spaces or a line break around it.";
  else if (/^pk_/.test(apiKey)) hint = " It looks like a publishable key; the handler needs the secret key.";
  else if (/^whsec_/.test(apiKey)) hint = " It looks like a webhook signing secret.";
  fail(`\`apiKey\` is not shaped like a Ching secret key (\`ck_test_\` or \`ck_live_\` and 64 hex characters).${hint}`);
}

export function normalizeApiBase(apiBase: string | undefined): string {
  const value = apiBase ?? DEFAULT_API_BASE;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(`\`apiBase\` "${value}" is not an absolute URL.`);
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK.test(url.hostname))) {
    fail("`apiBase` must use https (plain http only on localhost), or the key would travel in the clear.");
  }
  return value.replace(/\/+$/, "");
}

export function normalizeBasePath(basePath: string | undefined): string | undefined {
  if (basePath === undefined) return undefined;
  const trimmed = `/${basePath}`.replace(/\/{2,}/g, "/").replace(/\/+$/, "");
  return trimmed;
}

export function normalizeOrigins(origins: readonly string[] | undefined): Set<string> | undefined {
  if (origins === undefined) return undefined;
  return new Set(
    origins.map((origin) => {
      try {
        return new URL(origin).origin;
      } catch {
        return fail(`\`allowedOrigins\` holds "${origin}", which is not an origin like https://shop.example.`);
      }
    }),
  );
}

export function assertFunction(value: unknown, name: string, why: string): void {
  if (typeof value !== "function") fail(`\`${name}\` is required: ${why}`);
}

export function assertPositive(value: number | undefined, name: string, allowZero = false): void {
  if (value === undefined) return;
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) fail(`\`${name}\` must be a ${allowZero ? "non-negative" : "positive"} number.`);
}
