import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { customerLocale } from "@/lib/shared/format/customer-locale";
import { parseListQuery } from "@/lib/shared/portal-api/input";
import { DEFAULT_INVOICE_PAGE_SIZE, listSearch } from "@/lib/shared/portal-api/keys";
import { loadPortalPage } from "@/lib/server/portal-pages/load-portal-page";
import { listBody } from "@/lib/shared/portal-api/payloads";
import { readCustomer, readInvoices } from "@/lib/server/portal-pages/reads";
import { codeFirst } from "../_components/code-first";
import { payNowOffer } from "../_components/pay-now-offer";
import { InvoiceList } from "./_components/invoice-list";
import { PageSizeLinks } from "./_components/page-size-links";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Invoices");
  return { title: t("title") };
}

async function InvoicesPage({ searchParams }: PageProps<"/portal/invoices">) {
  const search = await searchParams;
  const parsed = parseListQuery(search);
  // A hand-edited query is a page that does not exist, not an upstream call that fails.
  if (parsed === null) notFound();
  const query = { ...parsed, limit: parsed.limit ?? DEFAULT_INVOICE_PAGE_SIZE };
  // Renewal comes back to the URL as it was asked for, default page size left implicit.
  const listed = listSearch(parsed);
  const path = listed ? `/portal/invoices?${listed}` : "/portal/invoices";
  const [[customer, invoices], t] = await Promise.all([
    loadPortalPage(path, (token) => Promise.all([readCustomer(token), readInvoices(token, query.limit, query.starting_after, query.ending_before)])),
    getTranslations("Invoices"),
  ]);
  return (
    <>
      <div className="heading-row">
        <h1>{t("title")}</h1>
        <PageSizeLinks limit={query.limit} />
      </div>
      <InvoiceList query={query} invoices={listBody(invoices)} locale={customerLocale(customer.locale)} payNow={payNowOffer(path, search)} />
    </>
  );
}

export default codeFirst(InvoicesPage);
