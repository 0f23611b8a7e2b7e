import { notifyManager, type QueryClient, type QueryState } from "@tanstack/react-query";
import type { BillingDocument, Charge } from "../../core/billing";
import { getDocuments } from "../../core/billingClient";
import type { EndpointConfig } from "../../core/client";
import { documentQueryOptions, type BillingPortalQueryOptions } from "../../react";

/*
 * What the history's receipt links read, in a module of its own: `BillingPage` (first load)
 * asks for the first page's documents as soon as the charges arrive, and the links (the
 * history's chunk) then find them in the cache under the same options.
 */

/** Payments per page of the history unless told otherwise. */
export const DEFAULT_PAGE_SIZE = 10;

/** The page size the history uses for `pageSize` (a whole number, at least 1). */
export const rowsPerPage = (pageSize: number = DEFAULT_PAGE_SIZE): number => Math.max(1, Math.floor(pageSize));

/** A receipt link's document: read once (a document does not change), not retried (the link works without its label). */
export const receiptQueryOptions = (client: EndpointConfig, documentId: string): BillingPortalQueryOptions<BillingDocument> => ({
  ...documentQueryOptions(client, documentId),
  retry: false,
  staleTime: Infinity,
});

/** A receipt still to ask for: nothing read, nothing under way, no failure kept (its link would ask again itself). */
const unread = (state: QueryState | undefined): boolean =>
  !state || (state.data === undefined && state.fetchStatus === "idle" && state.status !== "error");

/**
 * Asks for the documents of `charges` (a page of the history) in one request
 * (`GET /customers/me/documents?ids=…`) and puts each in its own query, the one its
 * receipt link reads: the links render from it, all in one commit, without a request of
 * their own. Each document's query is under way from the call on, so a link that mounts
 * before the answer waits for it rather than asking itself. A document the answer leaves
 * out, or all of them when the request fails (an endpoint without this route answers
 * 404), is asked for alone, as the link would. Documents already read or under way are
 * not asked for again.
 */
export function prefetchReceipts(queryClient: QueryClient, client: EndpointConfig, charges: readonly Charge[]): void {
  const wanted = charges.flatMap((charge) => {
    const documentId = charge.document;
    if (!documentId) return [];
    const options = receiptQueryOptions(client, documentId);
    return unread(queryClient.getQueryState(options.queryKey)) ? [{ documentId, options }] : [];
  });
  if (wanted.length === 0) return;
  const batch = getDocuments(
    client,
    wanted.map(({ documentId }) => documentId),
  ).then((documents) => {
    const byId = new Map(documents.map((document) => [document.id, document]));
    // Every link told at once: one commit, not one per document.
    notifyManager.batch(() => {
      for (const { documentId, options } of wanted) {
        const document = byId.get(documentId);
        if (document) queryClient.setQueryData(options.queryKey, document);
      }
    });
    return byId;
  });
  for (const { documentId, options } of wanted) {
    // The document's own request, as its link would make it (the signal is read only then: a link
    // leaving the screen does not cancel the batch).
    const alone = options.queryFn;
    void queryClient.prefetchQuery({
      ...options,
      queryFn: (context) =>
        batch.then(
          (byId) => byId.get(documentId) ?? alone(context),
          () => alone(context),
        ),
    });
  }
}

/**
 * Asks for the documents of the charges on the history's first page, so their links are
 * labelled when the history first shows rather than one round trip later. Only those rows,
 * in one request.
 */
export function prefetchFirstPageReceipts(queryClient: QueryClient, client: EndpointConfig, charges: readonly Charge[], pageSize?: number): void {
  prefetchReceipts(queryClient, client, charges.slice(0, rowsPerPage(pageSize)));
}
