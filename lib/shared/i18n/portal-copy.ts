// The words the portal's client components show, translated by the server for the customer's
// language (lib/server/i18n/portal-copy.ts) and handed down as plain strings, so the pages'
// scripts carry no message formatter. A value the browser only learns later is a slot
// (./slots.ts). The scripted cancel form, loaded when opened, translates for itself.
import type { KnownStatus } from "@/lib/shared/billing/subscription-status";
import type { PortalErrorCode } from "@/lib/shared/portal-api/error-codes";

export type PortalCopy = {
  nav: { label: string; overview: string; subscriptions: string; invoices: string; directDebit: string };
  loading: string;
  /** Slot: message. */
  refreshProblem: string;
  errors: Record<PortalErrorCode, string>;
  /** A read the browser could not send (`network:offline`). */
  offline: string;
  /** The app's own limit refused; slot: seconds. */
  retryIn: string;
  portalError: { title: string; body: string };
  customer: { name: string; company: string; email: string; phone: string };
  subscriptions: {
    listLabel: string;
    currentListLabel: string;
    empty: string;
    emptyCurrent: string;
    emptyHint: string;
    planTitle: string;
    details: string;
    price: string;
    currentPeriod: string;
    /** Slots: start, end. */
    period: string;
    trialEnds: string;
    trialEnded: string;
    renewsOn: string;
    endsOn: string;
    endedOn: string;
    started: string;
    /** Each status the portal has words for, and one RevKeen left empty. */
    status: Record<KnownStatus | "unknown", string>;
    /** A status we do not know, in RevKeen's words. Slot: words. */
    otherStatus: string;
    /** Slot: date. */
    cancelsOn: string;
  };
  cancel: {
    heading: string;
    headingEndNow: string;
    open: string;
    openEndNow: string;
    opening: string;
    formLabel: string;
    sending: string;
    canceled: string;
    /** Slot: date. */
    endsOn: string;
    recorded: string;
    /** Slot: message. */
    failed: string;
    retry: string;
  };
  keep: {
    heading: string;
    formLabel: string;
    /** Slot: date. */
    endsOn: string;
    keepIt: string;
    submit: string;
    sending: string;
    stillEnding: string;
    /** Slot: date. */
    keptRenews: string;
    kept: string;
    /** Slot: message. */
    failed: string;
  };
};

/** A plan's dunning message, in words, made by the server where the date and count are known. */
export type DunningText = { headline: string; nextTry: string | null; access: string; line: string };
