import { useTranslations } from "next-intl";
import { invoiceBadge } from "@/lib/shared/billing/invoice-status";
import { Badge } from "./badge";

/** An invoice's status in the page's language; rendered on the server or in the browser alike. */
export function InvoiceStatusBadge({ status }: { status: string }) {
  const t = useTranslations("Invoices");
  const badge = invoiceBadge(status);
  return <Badge badge={{ label: t(`status.${badge.key}`, badge.values), tone: badge.tone }} />;
}
