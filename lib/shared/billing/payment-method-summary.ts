// A payment method on file as the overview shows it, and nothing more: the brand and last four
// digits of a card with its expiry, or the bank and last four digits of an account; whether it is
// the default; and a warning when the default card will not pay the next renewal.
import type { PaymentMethod } from "@/lib/shared/revkeen-api/payment-methods";
import { formatDate } from "../format/format-date";
import { formatterCache } from "../format/formatter-cache";
import { cardBrand } from "./card-brand";
import { cardHasExpired, firstRenewalNotCovered } from "./card-expiry";

export type PaymentMethodSummary = {
  label: string;
  /** "Expires 01/2027" for a card; null for a bank account or a card without a whole expiry. */
  expiry: string | null;
  isDefault: boolean;
  expired: boolean;
};

export type CardsOnFile = { methods: PaymentMethodSummary[]; warning: string | null };

const monthYear = formatterCache((locale) => new Intl.DateTimeFormat(locale, { month: "2-digit", year: "numeric", timeZone: "UTC" }));

function ending(last4: string | null): string {
  return last4 === null ? "" : ` ending ${last4}`;
}

function label(method: PaymentMethod): string {
  if (method.card) return `${cardBrand(method.card.brand)}${ending(method.card.last4)}`;
  if (method.bacs_direct_debit) return `Direct Debit: ${method.bacs_direct_debit.bank_name ?? "bank account"}${ending(method.bacs_direct_debit.account_number_last4)}`;
  if (method.us_bank_account) return `Bank account${method.us_bank_account.bank_name ? ` at ${method.us_bank_account.bank_name}` : ""}${ending(method.us_bank_account.last4)}`;
  return "Payment method";
}

function summary(method: PaymentMethod, locale: string, now: number): PaymentMethodSummary {
  const card = method.card ?? null;
  const expired = method.status === "expired" || (card !== null && cardHasExpired(card, now));
  let expiry: string | null = null;
  if (card?.exp_month != null && card.exp_year != null) {
    const written = monthYear(locale).format(new Date(Date.UTC(card.exp_year, card.exp_month - 1, 1)));
    expiry = `${expired ? "Expired" : "Expires"} ${written}`;
  }
  return { label: label(method), expiry, isDefault: method.is_default, expired };
}

/**
 * The methods, default first, and a warning when the default card will not pay one of `renewals`
 * (the plans' next billing dates, earliest first): it names the first payment the card misses.
 */
export function cardsOnFile(methods: readonly PaymentMethod[], renewals: readonly string[], locale: string, now: number = Date.now()): CardsOnFile {
  const ordered = [...methods].sort((a, b) => Number(b.is_default) - Number(a.is_default));
  const defaultMethod = ordered.find((method) => method.is_default);
  const defaultCard = defaultMethod?.card ?? null;
  let warning: string | null = null;
  if (defaultMethod && defaultCard) {
    if (cardHasExpired(defaultCard, now)) warning = `Your default card, ${label(defaultMethod)}, has expired.`;
    else {
      const missed = formatDate(firstRenewalNotCovered(defaultCard, renewals), locale);
      if (missed !== null) warning = `Your default card, ${label(defaultMethod)}, expires before your payment on ${missed}.`;
    }
  }
  return { methods: ordered.map((method) => summary(method, locale, now)), warning };
}
