import { NextIntlClientProvider } from "next-intl";
import { renderToReadableStream } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";
import type { PortalInvoice } from "@/lib/shared/revkeen-api/customer-portal";
import type { PayNowOffer } from "./pay-now-offer";

// The server action is only referenced by the form here; what it does is app/portal/invoices/actions.test.ts's.
vi.mock("../invoices/actions", () => ({ payNowAction: async () => undefined }));
vi.mock("next-intl/server", () => import("@/lib/testing/next-intl-server"));
const { InvoiceTable } = await import("./invoice-table");
const { testLocale } = await import("@/lib/testing/next-intl-server");

const KEY = "5d1e7c2a-3b4f-4a6e-8c9d-0e1f2a3b4c5d";
const open: PortalInvoice = {
  id: "0b6b8f4e-7a4b-4c2e-9d71-2f6e0f0d5a11",
  object: "invoice",
  invoice_number: "ADA-0046",
  status: "open",
  currency: "GBP",
  subtotal: 2500,
  tax_amount: 500,
  discount_amount: 0,
  total: 3000,
  amount_paid: 0,
  amount_due: 3000,
  invoice_date: "2026-11-01T00:00:00.000Z",
  due_date: "2026-11-15T00:00:00.000Z",
  paid_at: null,
  created_at: "2026-11-01T00:00:00.000Z",
};
const paid: PortalInvoice = { ...open, id: "0b6b8f4e-7a4b-4c2e-9d71-2f6e0f0d5a12", invoice_number: "ADA-0045", status: "paid", amount_paid: 3000, amount_due: 0 };
const voided: PortalInvoice = { ...open, id: "0b6b8f4e-7a4b-4c2e-9d71-2f6e0f0d5a13", invoice_number: "ADA-0044", status: "void", amount_due: 0 };

const OFFER: PayNowOffer = { key: KEY, page: "/portal/invoices", answer: null };

/** The table as the server renders it, its "Pay now" forms (server components) included. */
async function table(payNow: PayNowOffer | null, language: "en" | "ja" = "en"): Promise<string> {
  testLocale.current = language;
  const messages = { en, ja }[language];
  const stream = await renderToReadableStream(
    <NextIntlClientProvider locale={language} timeZone="UTC" messages={{ Invoices: messages.Invoices, PayNow: messages.PayNow, Errors: en.Errors }}>
      <InvoiceTable invoices={[open, paid, voided]} locale="en-GB" label={{ caption: "Invoices" }} payNow={payNow} />
    </NextIntlClientProvider>,
  );
  await stream.allReady;
  return new Response(stream).text();
}

describe("Pay now in the invoice table", () => {
  it("is offered on the open invoice alone, named for it, as a plain form carrying its id and the page's key", async () => {
    const markup = await table(OFFER);
    expect(markup.match(/<form/g)).toHaveLength(1);
    expect(markup).toContain("Pay now<span class=\"visually-hidden\">, invoice ADA-0046, £30.00</span>");
    expect([...markup.matchAll(/name="invoiceId" value="([^"]*)"/g)].map(([, id]) => id)).toEqual([open.id]);
    expect(markup).toMatch(new RegExp(`name="idempotencyKey" value="${KEY}"`));
    expect(markup).toContain('name="back" value="/portal/invoices"');
    expect(markup).not.toContain("Try again");
  });

  it("says a refusal the page's address brings back beside the button it answers, with Try again", async () => {
    const markup = await table({ ...OFFER, answer: { form: `pay-table-${open.id}`, refused: "upstream:unavailable" } });
    expect(markup).toContain("We couldn&#x27;t start your payment. Billing is not reachable right now. Please try again.");
    expect(markup.match(/Try again/g)).toHaveLength(1);
    const other = await table({ ...OFFER, answer: { form: `pay-due-${open.id}`, refused: "upstream:unavailable" } });
    expect(other).not.toContain("We couldn&#x27;t start your payment.");
  });

  it("still says a refusal for an invoice paid meanwhile, with no button left to press", async () => {
    const markup = await table({ ...OFFER, answer: { form: `pay-table-${paid.id}`, refused: "invoice:already_paid" } });
    expect(markup).toContain("We couldn&#x27;t start your payment. This invoice is already paid. Nothing more was charged.");
    expect(markup.match(/<form/g)).toHaveLength(1);
    expect(markup).not.toContain("Try again");
  });

  it("speaks the page's language, the amounts staying in the customer's locale", async () => {
    const markup = await table(OFFER, "ja");
    expect(markup).toContain("今すぐ支払う<span class=\"visually-hidden\">（請求書 ADA-0046、£30.00）</span>");
    expect(markup).toContain(">お支払い済み<");
    expect(markup).toContain('data-label="未払い額"');
  });

  it("is left out everywhere when the merchant does not offer it", async () => {
    expect(await table(null)).not.toContain("<form");
  });
});
