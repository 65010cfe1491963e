import { useMessages } from "next-intl";
import { invoiceBadge } from "@/lib/shared/billing/invoice-status";
import { Badge } from "./badge";

/**
 * An invoice's status in the page's language, on the server or in the browser alike: plain
 * messages read as they are, so the browser needs no message formatter for them.
 */
export function InvoiceStatusBadge({ status }: { status: string }) {
  const words = useMessages().Invoices.status;
  const badge = invoiceBadge(status);
  return <Badge badge={{ label: badge.key === null ? badge.words : words[badge.key], tone: badge.tone }} />;
}
