import { createSetupSession, type ReturnUrlInput } from "../core/billingClient";
import type { EndpointConfig } from "../core/client";
import { SETUP_RETURN_ID_PARAM, SETUP_RETURN_PARAM } from "../core/protocol";

/**
 * A return from Ching's hosted add-card page, read once from the URL the
 * server built (`?ching_setup=success|cancel`). Ching's success URL cannot
 * carry the new session's id (it is made after the URL), so the id is kept in
 * sessionStorage when the page is left, and read back here; a URL that names
 * one (`ching_setup_id`) wins. The parameters are then removed from the
 * address bar, so a reload or a shared link does not replay the return.
 * (Loaded by the hooks only when the URL names a return, or to start one.)
 */

export const SETUP_STORAGE_KEY = "ching-billing-portal:setup-session";

export interface SetupReturnInfo {
  outcome: "success" | "cancel";
  setupSessionId: string | null;
  /** When the return was read (ms), for the polling deadline. */
  at: number;
}

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    // Storage can be off (privacy settings): the return is still read, without the id.
    return undefined;
  }
}

/** Remembers the session the person is about to complete on the hosted page. */
export function rememberSetupSession(setupSessionId: string): void {
  storage()?.setItem(SETUP_STORAGE_KEY, setupSessionId);
}

/** The return in the current URL, if any, and removes it from the URL and from storage. */
export function takeSetupReturn(): SetupReturnInfo | null {
  if (typeof window === "undefined") return null;
  const url = new URL(window.location.href);
  const outcome = url.searchParams.get(SETUP_RETURN_PARAM);
  if (outcome !== "success" && outcome !== "cancel") return null;
  const stored = storage()?.getItem(SETUP_STORAGE_KEY) ?? null;
  storage()?.removeItem(SETUP_STORAGE_KEY);
  const setupSessionId = url.searchParams.get(SETUP_RETURN_ID_PARAM) ?? stored;
  url.searchParams.delete(SETUP_RETURN_PARAM);
  url.searchParams.delete(SETUP_RETURN_ID_PARAM);
  window.history.replaceState(window.history.state, "", url.toString());
  return { outcome, setupSessionId, at: Date.now() };
}

/** The page's own address without a previous return's parameters: where the hosted page sends the person back. */
export function currentPageUrl(): string {
  const url = new URL(window.location.href);
  url.searchParams.delete(SETUP_RETURN_PARAM);
  url.searchParams.delete(SETUP_RETURN_ID_PARAM);
  url.hash = "";
  return url.toString();
}

/** Creates the setup session and goes to its hosted page (in this tab: nothing a popup blocker stops). */
export async function startSetup(client: EndpointConfig, navigate: (url: string) => void, input?: ReturnUrlInput): Promise<void> {
  const session = await createSetupSession(client, { returnUrl: input?.returnUrl ?? currentPageUrl() });
  rememberSetupSession(session.id);
  navigate(session.url);
}
