import { documentPdfUrl } from "../core/billingClient";
import { useBillingPortalContext } from "./context";

/**
 * The link to a receipt's PDF on your endpoint, which redirects to Ching's
 * (only for the person's own documents). Put it in a real `<a href>`:
 * middle-click and "open in new tab" work, and no popup blocker is involved.
 *
 * @example
 * const pdfUrl = useDocumentPdfUrl();
 * <a href={pdfUrl(charge.document)} target="_blank" rel="noopener">Receipt 1042</a>
 */
export function useDocumentPdfUrl(): (documentId: string) => string {
  const { client } = useBillingPortalContext("useDocumentPdfUrl");
  return (documentId) => documentPdfUrl(client, documentId);
}
