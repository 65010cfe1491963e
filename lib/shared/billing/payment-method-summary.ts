// A payment method on file as the overview shows it, and nothing more: the brand and last four
// digits of a card with its expiry, or the bank and last four digits of an account; whether it is
// the default; and a warning when the default card will not pay the next renewal. It decides
// which message of the PaymentMethods namespace says each, with its values; the page says it in
// the customer's language.
import type { PaymentMethod } from "@/lib/shared/revkeen-api/payment-methods";
import { formatDate } from "../format/format-date";
import { formatterCache } from "../format/formatter-cache";
import { orNone } from "../i18n/select-none";
import { cardBrand } from "./card-brand";
import { cardHasExpired, firstRenewalNotCovered } from "./card-expiry";

/** A brand, bank or last four digits, or NONE (lib/shared/i18n/select-none.ts). */
type Known = string;

export type MethodLabel =
  | { key: "card"; values: { brand: Known; last4: Known } }
  | { key: "directDebit"; values: { bank: Known; last4: Known } }
  | { key: "bankAccount"; values: { bank: Known; last4: Known } }
  | { key: "other"; values?: undefined };

export type PaymentMethodSummary = {
  label: MethodLabel;
  /** "Expires 01/2027" for a card; null for a bank account or a card without a whole expiry. */
  expiry: { key: "expires" | "expired"; values: { date: string } } | null;
  isDefault: boolean;
  expired: boolean;
};

/** The default card's label is said first (`card` in the customer's words), then the warning around it. */
export type CardWarning = { key: "warningExpired"; card: MethodLabel } | { key: "warningBeforePayment"; card: MethodLabel; date: string };

export type CardsOnFile = { methods: PaymentMethodSummary[]; warning: CardWarning | null };

const monthYear = formatterCache((locale) => new Intl.DateTimeFormat(locale, { month: "2-digit", year: "numeric", timeZone: "UTC" }));

function label(method: PaymentMethod): MethodLabel {
  if (method.card) return { key: "card", values: { brand: orNone(cardBrand(method.card.brand)), last4: orNone(method.card.last4) } };
  if (method.bacs_direct_debit) return { key: "directDebit", values: { bank: orNone(method.bacs_direct_debit.bank_name), last4: orNone(method.bacs_direct_debit.account_number_last4) } };
  if (method.us_bank_account) return { key: "bankAccount", values: { bank: orNone(method.us_bank_account.bank_name), last4: orNone(method.us_bank_account.last4) } };
  return { key: "other" };
}

function summary(method: PaymentMethod, locale: string, now: number): PaymentMethodSummary {
  const card = method.card ?? null;
  const expired = method.status === "expired" || (card !== null && cardHasExpired(card, now));
  let expiry: PaymentMethodSummary["expiry"] = null;
  if (card?.exp_month != null && card.exp_year != null) {
    const date = monthYear(locale).format(new Date(Date.UTC(card.exp_year, card.exp_month - 1, 1)));
    expiry = { key: expired ? "expired" : "expires", values: { date } };
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
  let warning: CardWarning | null = null;
  if (defaultMethod && defaultCard) {
    if (cardHasExpired(defaultCard, now)) warning = { key: "warningExpired", card: label(defaultMethod) };
    else {
      const missed = formatDate(firstRenewalNotCovered(defaultCard, renewals), locale);
      if (missed !== null) warning = { key: "warningBeforePayment", card: label(defaultMethod), date: missed };
    }
  }
  return { methods: ordered.map((method) => summary(method, locale, now)), warning };
}
