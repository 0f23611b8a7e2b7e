import { useQuery } from "@tanstack/react-query";
import type { BillingDocument } from "../../core/billing";
import type { BillingPortalError } from "../../core/error";
import type { AreaStrings } from "../../core/messages";
import type { historyMessages } from "../../core/messages/history";

type HistoryStrings = AreaStrings<typeof historyMessages>;
import { useDocumentPdfUrl } from "../../react";
import { useBillingPortalContext } from "../../react/internal";
import { fillMessage } from "../utils/fillMessage";
import { receiptQueryOptions } from "./receipts";

const NAME = "BillingHistory";

/** "Tax invoice receipt 1042" once the document is read; "Receipt" until then (or when it cannot be read). */
function documentLabel(document: BillingDocument | undefined, messages: HistoryStrings): string {
  if (!document?.number) return messages["history.document.pending"];
  return fillMessage(messages[`history.document.${document.type}`] ?? messages["history.document.pending"], {
    number: document.number,
  });
}

/**
 * The link to a charge's receipt PDF, a real `<a href>` (middle-click, "open in
 * new tab" and popup blockers all behave), labelled with the document's type and
 * number. Its document is normally in the cache already: the history asks for the
 * page's receipts in one request as it renders the page (`BillingPage` asks for the
 * first page's as soon as the charges arrive), under the same query key (see
 * ./receipts.ts). Only a document that request did not bring is read here, alone.
 */
export function ReceiptLink({ documentId, messages }: { documentId: string; messages: HistoryStrings }) {
  const { client, queryClient } = useBillingPortalContext(NAME);
  const pdfUrl = useDocumentPdfUrl();
  const { data } = useQuery<BillingDocument, BillingPortalError>(receiptQueryOptions(client, documentId), queryClient);
  return (
    <a className="ching-link" href={pdfUrl(documentId)} target="_blank" rel="noopener">
      {documentLabel(data, messages)}{" "}
      <span className="ching-visually-hidden">{messages["history.document.newTab"]}</span>
    </a>
  );
}
