import type { CreateCustomerInput, Customer, UpdateCustomerInput } from "./customer";
import { BillingPortalError, errorFromResponse, networkError, timeoutError } from "./error";

/**
 * The browser's client for the merchant endpoint protocol (docs/protocol.md).
 * It speaks only to the merchant's own route; the Ching key never reaches it.
 * Framework-free: the React hooks are thin bindings over it.
 */

export type HeadersOption = HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

export interface EndpointClientOptions {
  /** Base URL of the merchant route, e.g. `/api/billing` or `https://shop.example/api/billing`. */
  endpoint: string;
  /** The fetch to use; defaults to the global one. */
  fetch?: typeof fetch;
  /** Extra headers for every request, or a function that answers them (e.g. a fresh session token). */
  headers?: HeadersOption;
  /** `credentials` for every request; defaults to `"same-origin"`. */
  credentials?: RequestCredentials;
  /** How long to wait for an answer before failing with `TIMEOUT`; defaults to 15 s. */
  timeoutMs?: number;
}

export interface RequestOptions {
  /** Aborts the request (TanStack Query passes one to cancel). */
  signal?: AbortSignal;
}

export interface EndpointClient {
  readonly endpoint: string;
  /** `GET /customers/me`: the signed-in customer, or `null` when they have none yet (404). */
  getMe(options?: RequestOptions): Promise<Customer | null>;
  /** `GET /customers/:id`. */
  getCustomer(customerId: string, options?: RequestOptions): Promise<Customer>;
  /** `GET /customers`. */
  listCustomers(options?: RequestOptions): Promise<Customer[]>;
  /** `POST /customers`: creates the signed-in user's customer (the endpoint never creates a second one). */
  createCustomer(input: CreateCustomerInput, options?: RequestOptions): Promise<Customer>;
  /** `POST /customers/me`: patches the signed-in customer. */
  updateMe(input: UpdateCustomerInput, options?: RequestOptions): Promise<Customer>;
  /** `POST /customers/:id`: patches another customer, where the endpoint allows it. */
  updateCustomer(customerId: string, input: UpdateCustomerInput, options?: RequestOptions): Promise<Customer>;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

function joinPath(endpoint: string, path: string): string {
  return `${endpoint.replace(/\/+$/, "")}${path}`;
}

function customerPath(customerId: string): string {
  return `/customers/${encodeURIComponent(customerId)}`;
}

async function resolveHeaders(option: HeadersOption | undefined): Promise<Headers> {
  const value = typeof option === "function" ? await option() : option;
  return new Headers(value);
}

export function createEndpointClient(options: EndpointClientOptions): EndpointClient {
  const { endpoint, credentials = "same-origin", timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  if (typeof endpoint !== "string" || endpoint.trim() === "") {
    throw new TypeError("BillingPortal: `endpoint` is required (the base URL of your billing route, e.g. \"/api/billing\")");
  }

  async function request<T>(method: "GET" | "POST", path: string, body: unknown, requestOptions: RequestOptions = {}): Promise<T> {
    const doFetch = options.fetch ?? globalThis.fetch;
    const headers = await resolveHeaders(options.headers);
    headers.set("Accept", "application/json");
    if (body !== undefined) headers.set("Content-Type", "application/json");

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const outer = requestOptions.signal;
    const onOuterAbort = () => controller.abort(outer?.reason);
    if (outer?.aborted) controller.abort(outer.reason);
    else outer?.addEventListener("abort", onOuterAbort, { once: true });

    let response: Response;
    try {
      response = await doFetch(joinPath(endpoint, path), {
        method,
        headers,
        credentials,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
      });
    } catch (cause) {
      if (timedOut) throw timeoutError(timeoutMs);
      // A cancellation by the caller stays a cancellation (TanStack Query expects the AbortError).
      if (outer?.aborted) throw cause;
      throw networkError(cause);
    } finally {
      outer?.removeEventListener("abort", onOuterAbort);
    }

    let parsed: unknown;
    try {
      const text = await response.text();
      parsed = text === "" ? undefined : JSON.parse(text);
    } catch (cause) {
      if (timedOut) throw timeoutError(timeoutMs);
      if (outer?.aborted) throw cause;
      parsed = undefined;
    } finally {
      clearTimeout(timer);
    }

    if (
      response.ok &&
      typeof parsed === "object" &&
      parsed !== null &&
      (parsed as { success?: unknown }).success === true &&
      "data" in parsed
    ) {
      return (parsed as { data: T }).data;
    }
    throw errorFromResponse(response.status, parsed);
  }

  return {
    endpoint,
    async getMe(requestOptions) {
      try {
        return await request<Customer>("GET", "/customers/me", undefined, requestOptions);
      } catch (error) {
        // "No customer yet" is a state, not a failure.
        if (error instanceof BillingPortalError && error.status === 404) return null;
        throw error;
      }
    },
    getCustomer: (customerId, requestOptions) =>
      request<Customer>("GET", customerPath(customerId), undefined, requestOptions),
    listCustomers: (requestOptions) => request<Customer[]>("GET", "/customers", undefined, requestOptions),
    createCustomer: (input, requestOptions) => request<Customer>("POST", "/customers", input, requestOptions),
    updateMe: (input, requestOptions) => request<Customer>("POST", "/customers/me", input, requestOptions),
    updateCustomer: (customerId, input, requestOptions) =>
      request<Customer>("POST", customerPath(customerId), input, requestOptions),
  };
}
