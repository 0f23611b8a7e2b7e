import { isRecord } from "./envelope";

/**
 * The endpoint protocol's rule for the metadata a browser sends: only the keys
 * the merchant lists in the handler's `metadataKeys` are kept, and the field is
 * dropped when none is. Metadata that is not an object is left for the schema
 * to refuse when some key is allowed; a body that is not an object is answered
 * as it came. The handler and the mock endpoint both apply it, so they answer alike.
 */
export function keepBrowserMetadata(body: Record<string, unknown>, allowed: ReadonlySet<string>): Record<string, unknown>;
export function keepBrowserMetadata(body: unknown, allowed: ReadonlySet<string>): unknown;
export function keepBrowserMetadata(body: unknown, allowed: ReadonlySet<string>): unknown {
  if (!isRecord(body)) return body;
  const next = { ...body };
  const sent = next.metadata;
  if (isRecord(sent)) {
    const kept = Object.fromEntries(Object.entries(sent).filter(([key]) => allowed.has(key)));
    if (Object.keys(kept).length > 0) next.metadata = kept;
    else delete next.metadata;
  } else if (sent === undefined || allowed.size === 0) {
    delete next.metadata;
  }
  return next;
}
