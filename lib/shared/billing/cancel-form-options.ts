// What the cancel form is given by the server: the merchant's choices (portal-options.ts), with
// each reason as it is shown to the customer and as it is sent to RevKeen.
import type { CancelOptions } from "./portal-options";

export type CancelReasonChoice = {
  /** Sent to RevKeen, and checked by the cancel action. */
  value: string;
  /** Shown to the customer, in their language. */
  label: string;
};

export type CancelFormOptions = Pick<CancelOptions, "cancelNow" | "cancelComment"> & { reasons: readonly CancelReasonChoice[] };

/**
 * The cancel form's words in the customer's language, translated by the server
 * (lib/server/i18n/cancel-form-words.ts) for the plain form and the scripted one alike, so the
 * scripted form carries no message formatter. Values the form knows only as the customer types
 * are slots (lib/shared/i18n/slots.ts).
 */
export type CancelFormWords = {
  formLabel: string;
  whenLegend: string;
  atPeriodEnd: string;
  /** Slot: date. */
  atPeriodEndOn: string;
  now: string;
  eitherWay: string;
  /** Slot: date. */
  staysActive: string;
  endsNow: string;
  reasonLegend: string;
  commentLabel: string;
  commentLabelAlone: string;
  /** Slots: count, limit. */
  characters: string;
  /** Slots: count, limit. */
  tooMany: string;
  confirm: string;
  confirming: string;
  keep: string;
};
