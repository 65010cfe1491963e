import type { Route } from "next";
import { getTranslations } from "next-intl/server";
import { amountDueByCurrency } from "@/lib/shared/billing/amount-due";
import { isPayable, payNowDescription } from "@/lib/shared/billing/pay-now";
import { formatDate } from "@/lib/shared/format/format-date";
import { formatMoney } from "@/lib/shared/format/format-money";
import { orNone } from "@/lib/shared/i18n/select-none";
import { ALL_ITEMS_LIMIT } from "@/lib/shared/portal-api/keys";
import type { ListBody } from "@/lib/shared/portal-api/payloads";
import type { PortalInvoice } from "@/lib/shared/revkeen-api/customer-portal";
import { PortalLink } from "./navigation-pending";
import { payNowDescribes } from "./pay-now-describes";
import { PayNowForm, PayNowRefusal, refusedInvoiceAt } from "./pay-now-form";
import type { PayNowOffer } from "./pay-now-offer";

/** More open invoices than this: the rest are paid from the invoice list. */
const PAYABLE_SHOWN = 5;

type AmountDueSummaryProps = {
  /** The page's read of the latest invoices. */
  invoices: ListBody<PortalInvoice>;
  locale: string;
  /** Null where Pay now is not offered. */
  payNow: PayNowOffer | null;
};

/**
 * The sum of what open invoices still ask for, one line per currency, and the way to pay it.
 * RevKeen's checkout takes one invoice at a time, so each open invoice gets its own "Pay now":
 * under the total when it is the only one; otherwise one line per invoice, oldest first (the
 * longest overdue), so the customer sees what each payment covers before she makes it. Rendered on
 * the server with the page, its forms too.
 */
export async function AmountDueSummary({ invoices: page, locale, payNow: offer }: AmountDueSummaryProps) {
  const [t, payNow] = await Promise.all([getTranslations("AmountDue"), getTranslations("PayNow")]);
  const invoices = page.data;
  const due = amountDueByCurrency(invoices);
  const payable = offer === null ? [] : invoices.filter(isPayable).reverse();
  const [only] = payable;
  // A press refused for an invoice no longer open to pay (paid in another tab, say) is still answered.
  const refused = refusedInvoiceAt(offer?.answer ?? null, "due");
  const answered =
    offer !== null && refused !== null && !payable.some((invoice) => invoice.id === refused) ? <PayNowRefusal invoiceId={refused} place="due" offer={offer} /> : null;
  if (due.length === 0) {
    const none = (
      <p data-testid="amount-due" className="amount-due-none">
        {t("none")}
      </p>
    );
    return answered === null ? (
      none
    ) : (
      <div className="stack-tight">
        {none}
        {answered}
      </div>
    );
  }
  return (
    <div className="stack-tight">
      <ul className="plain-list amount-due" data-testid="amount-due" aria-label={t("byCurrency")}>
        {due.map(({ currency, amountMinor }) => (
          <li key={currency}>
            {t.rich("due", {
              amount: formatMoney(amountMinor, currency, locale) ?? "",
              strong: (chunks) => <strong>{chunks}</strong>,
              muted: (chunks) => <span className="muted">{chunks}</span>,
            })}
          </li>
        ))}
      </ul>
      {page.has_more && <p className="muted">{t("fromLatest", { count: ALL_ITEMS_LIMIT })}</p>}
      {offer !== null && only !== undefined && payable.length === 1 && (
        <PayNowForm invoiceId={only.id} place="due" describes={payNowDescribes(payNow, payNowDescription(only, locale))} offer={offer} />
      )}
      {offer !== null && payable.length > 1 && <PayableInvoices invoices={payable} locale={locale} offer={offer} />}
      {answered}
    </div>
  );
}

async function PayableInvoices({ invoices, locale, offer }: { invoices: PortalInvoice[]; locale: string; offer: PayNowOffer }) {
  const [t, payNow] = await Promise.all([getTranslations("AmountDue"), getTranslations("PayNow")]);
  return (
    <>
      <ul className="plain-list stack-tight payable-invoices" aria-label={t("openToPay")}>
        {invoices.slice(0, PAYABLE_SHOWN).map((invoice) => (
          <li key={invoice.id} className="payable-invoice">
            <span>
              {t.rich("payable", {
                number: orNone(invoice.invoice_number),
                amount: formatMoney(invoice.amount_due ?? invoice.total, invoice.currency, locale) ?? "",
                dueDate: orNone(formatDate(invoice.due_date, locale)),
                link: (chunks) => (
                  <PortalLink href={`/portal/invoices/${invoice.id}` as Route} prefetch={false}>
                    {chunks}
                  </PortalLink>
                ),
                muted: (chunks) => <span className="muted">{chunks}</span>,
              })}
            </span>
            <PayNowForm invoiceId={invoice.id} place="due" describes={payNowDescribes(payNow, payNowDescription(invoice, locale))} offer={offer} />
          </li>
        ))}
      </ul>
      {invoices.length > PAYABLE_SHOWN && (
        <p>
          {t.rich("rest", {
            count: invoices.length,
            link: (chunks) => <PortalLink href="/portal/invoices">{chunks}</PortalLink>,
          })}
        </p>
      )}
    </>
  );
}
