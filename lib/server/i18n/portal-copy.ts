import "server-only";
// The portal's client components' words in the request's language (lib/shared/i18n/portal-copy.ts).
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { PORTAL_ERROR_CODES, type PortalErrorCode } from "@/lib/shared/portal-api/error-codes";
import type { KnownStatus } from "@/lib/shared/billing/subscription-status";
import type { PortalCopy } from "@/lib/shared/i18n/portal-copy";
import { slot } from "@/lib/shared/i18n/slots";

/** In the request's language; once per request. */
export const portalCopy = cache((): Promise<PortalCopy> => makePortalCopy(getTranslations));

/** The words, from `translations` (next-intl's getTranslations, or a test's own). */
export async function makePortalCopy(translations: typeof getTranslations): Promise<PortalCopy> {
  const [portal, errors, portalError, customer, subscriptions, cancel, keep] = await Promise.all([
    translations("Portal"),
    translations("Errors"),
    translations("PortalError"),
    translations("CustomerDetails"),
    translations("Subscriptions"),
    translations("CancelPlan"),
    translations("KeepPlan"),
  ]);
  const status = (value: KnownStatus | "unknown") => subscriptions("status", { status: value, words: "" });
  return {
    nav: {
      label: portal("navLabel"),
      overview: portal("navOverview"),
      subscriptions: portal("navSubscriptions"),
      invoices: portal("navInvoices"),
      directDebit: portal("navDirectDebit"),
    },
    loading: portal("loading"),
    refreshProblem: portal("refreshProblem", { message: slot("message") }),
    errors: Object.fromEntries(PORTAL_ERROR_CODES.map((code) => [code, errors(code)])) as Record<PortalErrorCode, string>,
    offline: errors("network:offline"),
    retryIn: errors("retryIn", { seconds: slot("seconds") }),
    portalError: { title: portalError("title"), body: portalError("body") },
    customer: { name: customer("name"), company: customer("company"), email: customer("email"), phone: customer("phone") },
    subscriptions: {
      listLabel: subscriptions("listLabel"),
      currentListLabel: subscriptions("currentListLabel"),
      empty: subscriptions("empty"),
      emptyCurrent: subscriptions("emptyCurrent"),
      emptyHint: subscriptions("emptyHint"),
      planTitle: subscriptions("planTitle"),
      details: subscriptions("details"),
      price: subscriptions("price"),
      currentPeriod: subscriptions("currentPeriod"),
      period: subscriptions("period", { start: slot("start"), end: slot("end") }),
      trialEnds: subscriptions("trialEnds"),
      trialEnded: subscriptions("trialEnded"),
      renewsOn: subscriptions("renewsOn"),
      endsOn: subscriptions("endsOn"),
      endedOn: subscriptions("endedOn"),
      started: subscriptions("started"),
      status: {
        active: status("active"),
        trialing: status("trialing"),
        past_due: status("past_due"),
        unpaid: status("unpaid"),
        canceled: status("canceled"),
        unknown: status("unknown"),
      },
      otherStatus: subscriptions("status", { status: "other", words: slot("words") }),
      cancelsOn: subscriptions("cancelsOn", { date: slot("date") }),
    },
    cancel: {
      heading: cancel("heading"),
      headingEndNow: cancel("headingEndNow"),
      open: cancel("open"),
      openEndNow: cancel("openEndNow"),
      opening: cancel("opening"),
      formLabel: cancel("formLabel"),
      sending: cancel("sending"),
      canceled: cancel("canceled"),
      endsOn: cancel("endsOn", { date: slot("date") }),
      recorded: cancel("recorded"),
      failed: cancel("failed", { message: slot("message") }),
      retry: cancel("retry"),
    },
    keep: {
      heading: keep("heading"),
      formLabel: keep("formLabel"),
      endsOn: keep("endsOn", { date: slot("date") }),
      keepIt: keep("keepIt"),
      submit: keep("submit"),
      sending: keep("sending"),
      stillEnding: keep("stillEnding"),
      keptRenews: keep("keptRenews", { date: slot("date") }),
      kept: keep("kept"),
      failed: keep("failed", { message: slot("message") }),
    },
  };
}
