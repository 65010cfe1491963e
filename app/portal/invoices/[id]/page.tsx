import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { checkoutReturnOutcome } from "@/lib/server/checkout/checkout-return";
import { CHECKOUT_RETURN_PARAM, CHECKOUT_RETURN_VALUE, isPayable, payNowDescription } from "@/lib/shared/billing/pay-now";
import { customerLocale } from "@/lib/shared/format/customer-locale";
import { orNone } from "@/lib/shared/i18n/select-none";
import { isResourceId } from "@/lib/shared/portal-api/input";
import { portalKeys } from "@/lib/shared/portal-api/keys";
import { loadPortalPage } from "@/lib/server/portal-pages/load-portal-page";
import { dataBody } from "@/lib/shared/portal-api/payloads";
import { readCustomer, readInvoice } from "@/lib/server/portal-pages/reads";
import { InvoiceDetails } from "../_components/invoice-details";
import { codeFirst } from "../../_components/code-first";
import { payNowDescribes } from "../../_components/pay-now-describes";
import { PayNowForm, PayNowRefusal } from "../../_components/pay-now-form";
import { payNowOffer } from "../../_components/pay-now-offer";
import { PortalSWRConfig } from "../../_components/portal-swr-config";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Invoices");
  return { title: t("invoiceTitle") };
}

async function InvoicePage({ params, searchParams }: PageProps<"/portal/invoices/[id]">) {
  const { id } = await params;
  const search = await searchParams;
  const returned = search[CHECKOUT_RETURN_PARAM] === CHECKOUT_RETURN_VALUE;
  // Checked before anything else: a malformed id never reaches RevKeen.
  if (!isResourceId(id)) notFound();
  const path = returned ? `/portal/invoices/${id}?${CHECKOUT_RETURN_PARAM}=${CHECKOUT_RETURN_VALUE}` : `/portal/invoices/${id}`;
  // A renewal on the way back from checkout comes back to the return.
  const [customer, invoice] = await loadPortalPage(path, (token) => Promise.all([readCustomer(token), readInvoice(token, id)]));
  // Back from RevKeen's checkout: how it went, asked of RevKeen (the address only marks the return).
  const outcome = returned ? await checkoutReturnOutcome(invoice) : null;
  const checkout = outcome === null ? null : { outcome, href: path };
  const locale = customerLocale(customer.locale);
  const [t, payNow] = await Promise.all([getTranslations("Invoices"), getTranslations("PayNow")]);
  const offer = payNowOffer(`/portal/invoices/${id}`, search);
  // Drawn while the invoice is open; the page shows it for as long as its refreshed copy says so.
  // Paid or closed meanwhile, a refused press is still answered.
  const payNowForm =
    offer === null ? null : isPayable(invoice) ? (
      <PayNowForm invoiceId={invoice.id} place="invoice" describes={payNowDescribes(payNow, payNowDescription(invoice, locale))} offer={offer} />
    ) : (
      <PayNowRefusal invoiceId={invoice.id} place="invoice" offer={offer} />
    );
  return (
    <PortalSWRConfig fallback={{ [portalKeys.invoice(id)]: dataBody(invoice) }}>
      <InvoiceDetails id={id} locale={locale} heading={t("heading", { number: orNone(invoice.invoice_number) })} payNowForm={payNowForm} payNowOffered={isPayable(invoice)} checkout={checkout} />
    </PortalSWRConfig>
  );
}

export default codeFirst(InvoicePage);
