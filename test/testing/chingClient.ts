import type { MockChing } from "../../src/testing";

export const BASE = "https://api.ching.co.il/ching/v1";

export interface Envelope<T = unknown> {
  success: boolean;
  data: T;
  error?: { status: number; code: string; message: string; issues?: { path: unknown; message: string }[] };
}

/** Calls the mock as the handler does: JSON, the key, Ching's base URL. */
export function chingClient(ching: MockChing, key: string | null = ching.apiKey) {
  return async <T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; json: Envelope<T> }> => {
    const headers: Record<string, string> = {};
    if (key !== null) headers.authorization = `Bearer ${key}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await ching.fetch(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, json: (await response.json()) as Envelope<T> };
  };
}

export const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
export const idOf = (prefix: string) => new RegExp(`^${prefix}[A-Za-z0-9_-]{12}$`);
