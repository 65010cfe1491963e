"use client";

import { useTranslations } from "next-intl";
import { pageLinks } from "@/lib/shared/billing/invoice-paging";
import type { ListQuery } from "@/lib/shared/revkeen-api/wire";
import { EmptyState } from "../../_components/empty-state";
import { InvoicePager } from "./invoice-pager";
import { InvoiceTable } from "../../_components/invoice-table";
import { RefreshProblem } from "../../_components/refresh-problem";
import { useInvoices } from "../../_components/use-portal-data";

/** One page of invoices with links to the pages around it; "Pay now" on open ones under `payNowKey` (null: not offered). */
export function InvoiceList({ query, locale, payNowKey }: { query: ListQuery; locale: string; payNowKey: string | null }) {
  const t = useTranslations("Invoices");
  const { data, error } = useInvoices(query);
  const invoices = data?.data ?? [];
  const paged = query.starting_after !== undefined || query.ending_before !== undefined;
  return (
    <div className="stack">
      <RefreshProblem error={error} />
      {invoices.length === 0 ? (
        <EmptyState title={paged ? t("emptyPageTitle") : t("emptyTitle")}>{paged ? t("emptyPageBody") : t("emptyBody")}</EmptyState>
      ) : (
        <InvoiceTable invoices={invoices} label={{ caption: t("listCaption") }} locale={locale} payNowKey={payNowKey} />
      )}
      {data && <InvoicePager links={pageLinks(query, data)} />}
    </div>
  );
}
