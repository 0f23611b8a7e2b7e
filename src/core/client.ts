import type { CreateCustomerInput, Customer, UpdateCustomerInput } from "./customer";
import { errorFromResponse, networkError, timeoutError } from "./error";
import { CREATE_DEFAULTS_PATH, CUSTOMERS_PATH, customerPath, ME_PATH, type ProtocolMethod } from "./protocol";

/**
 * The browser's client for the merchant endpoint protocol (docs/protocol.md).
 * It speaks only to the merchant's own route; the Ching key never reaches it.
 * Framework-free: the React hooks are thin bindings over it.
 */

// The DOM lib's HeadersInit and RequestCredentials, spelled out: the declarations must
// type-check in a server project without the DOM lib (Node's types have no such names).
/** What `new Headers(…)` takes. */
export type HeadersValue = Headers | Record<string, string> | [string, string][];
export type HeadersOption = HeadersValue | (() => HeadersValue | Promise<HeadersValue>);
/** `credentials` of a fetch. */
export type CredentialsOption = "include" | "omit" | "same-origin";

export interface EndpointClientOptions {
  /** Base URL of the merchant route, e.g. `/api/billing` or `https://shop.example/api/billing`. */
  endpoint: string;
  /** The fetch to use; defaults to the global one. */
  fetch?: typeof fetch;
  /** Extra headers for every request, or a function that answers them (e.g. a fresh session token). */
  headers?: HeadersOption;
  /** `credentials` for every request; defaults to `"same-origin"`. */
  credentials?: CredentialsOption;
  /** How long to wait for an answer before failing with `TIMEOUT`; defaults to 15 s. */
  timeoutMs?: number;
}

export interface RequestOptions {
  /** Aborts the request (TanStack Query passes one to cancel). */
  signal?: AbortSignal;
}

/**
 * What every request needs: a checked endpoint and the request options. The
 * request functions take it as their first argument, so a bundle keeps only
 * the requests it makes (the hooks are in every merchant's first load).
 */
export interface EndpointConfig extends EndpointClientOptions {
  /** The endpoint without trailing slashes. */
  readonly base: string;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const JSON_TYPE = "application/json";

/** Checks the options once; throws a TypeError that says what is missing. */
export function createEndpointConfig(options: EndpointClientOptions): EndpointConfig {
  const { endpoint } = options;
  if (typeof endpoint !== "string" || !endpoint.trim()) {
    throw new TypeError("`endpoint` is required");
  }
  return { ...options, base: endpoint.replace(/\/+$/, "") };
}

/** One request of the protocol: the envelope's `data`, or a `BillingPortalError`. */
export async function callEndpoint<T>(
  config: EndpointConfig,
  method: ProtocolMethod,
  path: string,
  body?: unknown,
  { signal }: RequestOptions = {},
): Promise<T> {
  const { timeoutMs = DEFAULT_TIMEOUT_MS } = config;
  const headers = new Headers(typeof config.headers === "function" ? await config.headers() : config.headers);
  headers.set("Accept", JSON_TYPE);
  if (body !== undefined) headers.set("Content-Type", JSON_TYPE);

  // One signal for both the caller's cancellation and our timeout.
  const controller = new AbortController();
  const cancel = () => controller.abort(signal?.reason);
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  if (signal?.aborted) cancel();
  signal?.addEventListener("abort", cancel);

  let response: Response | undefined;
  let parsed: unknown;
  try {
    response = await (config.fetch ?? fetch)(config.base + path, {
      method,
      headers,
      // Unset, fetch sends cookies to the same origin only ("same-origin").
      credentials: config.credentials,
      // JSON.stringify(undefined) is undefined: a GET has no body.
      body: JSON.stringify(body),
      signal: controller.signal,
    });
    const raw = await response.text();
    parsed = raw ? JSON.parse(raw) : undefined;
  } catch (cause) {
    // A cancellation by the caller stays a cancellation (TanStack Query expects the AbortError).
    if (signal?.aborted) throw cause;
    // Aborted, but not by the caller: the timeout.
    if (controller.signal.aborted) throw timeoutError(timeoutMs);
    // An answer came, but its body was not JSON: reported below with its status.
    if (!response) throw networkError(cause);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", cancel);
  }

  if (response.ok && (parsed as { success?: unknown } | undefined)?.success === true) {
    return (parsed as { data: T }).data;
  }
  throw errorFromResponse(response.status, parsed);
}

// The requests of the protocol, one function each (the hooks call these; a
// bundle keeps only those it uses). Each takes the checked config first.

/** `GET /customers/me`: the signed-in customer, or `null` when they have none yet. */
export const getMe = (config: EndpointConfig, options?: RequestOptions): Promise<Customer | null> =>
  callEndpoint(config, "GET", ME_PATH, undefined, options);

/** `GET /customers/:id`. */
export const getCustomer = (config: EndpointConfig, customerId: string, options?: RequestOptions): Promise<Customer> =>
  callEndpoint(config, "GET", customerPath(customerId), undefined, options);

/** What a create fills in from the person's account when the browser sends none (the server's `identify`). */
export interface CreateDefaults {
  name: string | null;
  email: string | null;
}

/** `GET /customers/me/defaults`: the name and email a create would use, to show them in the form first. */
export const getCreateDefaults = (config: EndpointConfig, options?: RequestOptions): Promise<CreateDefaults> =>
  callEndpoint(config, "GET", CREATE_DEFAULTS_PATH, undefined, options);

/** `GET /customers`. */
export const listCustomers = (config: EndpointConfig, options?: RequestOptions): Promise<Customer[]> =>
  callEndpoint(config, "GET", CUSTOMERS_PATH, undefined, options);

/** `POST /customers`: creates the signed-in user's customer (the endpoint never creates a second one). */
export const createCustomer = (config: EndpointConfig, input: CreateCustomerInput, options?: RequestOptions): Promise<Customer> =>
  callEndpoint(config, "POST", CUSTOMERS_PATH, input, options);

/** `POST /customers/me`: patches the signed-in customer. */
export const updateMe = (config: EndpointConfig, input: UpdateCustomerInput, options?: RequestOptions): Promise<Customer> =>
  callEndpoint(config, "POST", ME_PATH, input, options);

/** `POST /customers/:id`: patches another customer, where the endpoint allows it. */
export const updateCustomer = (
  config: EndpointConfig,
  customerId: string,
  input: UpdateCustomerInput,
  options?: RequestOptions,
): Promise<Customer> => callEndpoint(config, "POST", customerPath(customerId), input, options);
