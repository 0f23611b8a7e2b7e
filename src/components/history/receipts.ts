import type { QueryClient } from "@tanstack/react-query";
import type { BillingDocument, Charge } from "../../core/billing";
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

/**
 * Asks for the documents of the charges on the history's first page, so their links are
 * labelled when the history first shows rather than one round trip later. Only those rows:
 * never more document requests than rows on the page.
 */
export function prefetchFirstPageReceipts(queryClient: QueryClient, client: EndpointConfig, charges: readonly Charge[], pageSize?: number): void {
  for (const charge of charges.slice(0, rowsPerPage(pageSize))) {
    if (charge.document) void queryClient.prefetchQuery(receiptQueryOptions(client, charge.document));
  }
}
