import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { customerLocale } from "@/lib/shared/format/customer-locale";
import { isResourceId } from "@/lib/shared/portal-api/input";
import { portalKeys } from "@/lib/shared/portal-api/keys";
import { loadPortalPage } from "@/lib/server/portal-pages/load-portal-page";
import { dataBody } from "@/lib/shared/portal-api/payloads";
import { readCustomer, readInvoice } from "@/lib/server/portal-pages/reads";
import { InvoiceDetails } from "../_components/invoice-details";
import { PortalSWRConfig } from "../../_components/portal-swr-config";

export const metadata: Metadata = { title: "Invoice" };

export default async function InvoicePage({ params }: PageProps<"/portal/invoices/[id]">) {
  const { id } = await params;
  // Checked before anything else: a malformed id never reaches RevKeen.
  if (!isResourceId(id)) notFound();
  const [customer, invoice] = await loadPortalPage(`/portal/invoices/${id}`, (token) => Promise.all([readCustomer(token), readInvoice(token, id)]));
  return (
    <PortalSWRConfig fallback={{ [portalKeys.invoice(id)]: dataBody(invoice) }}>
      <InvoiceDetails id={id} locale={customerLocale(customer.locale)} />
    </PortalSWRConfig>
  );
}
