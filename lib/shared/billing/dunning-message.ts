// What a plan in dunning says to the customer: that the last payment failed, when the next try is
// and how many are left, and whether access is already restricted. The words are English, so their
// plural forms follow English rules; the date is written in the customer's locale.
import { formatDate } from "../format/format-date";
import type { DunningSummary } from "./plan-details";

const WORDS_LOCALE = "en";
const plurals = new Intl.PluralRules(WORDS_LOCALE);

const TRIES_LEFT: Record<Intl.LDMLPluralRule, (count: number) => string> = {
  zero: (count) => `${count} tries left`,
  one: (count) => `${count} try left`,
  two: (count) => `${count} tries left`,
  few: (count) => `${count} tries left`,
  many: (count) => `${count} tries left`,
  other: (count) => `${count} tries left`,
};

/** "1 try left", "3 tries left". */
export function triesLeft(count: number): string {
  return TRIES_LEFT[plurals.select(count)](count);
}

export type DunningMessage = {
  headline: string;
  /** When the next try is and how many are left; null when RevKeen says neither. */
  nextTry: string | null;
  access: string;
};

export function dunningMessage(dunning: DunningSummary, locale: string): DunningMessage {
  const date = formatDate(dunning.nextRetryAt, locale);
  const left = dunning.retriesLeft;
  let nextTry: string | null = null;
  if (left === 0) nextTry = "There are no automatic tries left: pay now to keep your plan.";
  else if (date !== null && left !== null) nextTry = `We'll try again on ${date} (${triesLeft(left)}).`;
  else if (date !== null) nextTry = `We'll try again on ${date}.`;
  else if (left !== null) nextTry = `We'll try again (${triesLeft(left)}).`;
  return {
    headline: "Your last payment for this plan failed.",
    nextTry,
    access: dunning.accessRestricted ? "Your access is restricted until it is paid." : "You still have access while it is being paid.",
  };
}

/** One line for the plan's card in a list. */
export function dunningLine(dunning: DunningSummary, locale: string): string {
  const date = formatDate(dunning.nextRetryAt, locale);
  const retry = dunning.retriesLeft === 0 ? "No tries left." : date !== null ? `Next try on ${date}.` : null;
  const access = dunning.accessRestricted ? "Access restricted." : null;
  return ["Payment failed.", retry, access].filter((part) => part !== null).join(" ");
}
