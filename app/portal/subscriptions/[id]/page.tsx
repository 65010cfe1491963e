import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cancelFormWords } from "@/lib/server/i18n/cancel-form-words";
import { cancelReasonChoices } from "@/lib/server/i18n/cancel-reasons";
import { withDunningTexts } from "@/lib/server/i18n/dunning-texts";
import { priceLabels } from "@/lib/server/i18n/price-labels";
import { loadPortalPage } from "@/lib/server/portal-pages/load-portal-page";
import { readPlanDetails } from "@/lib/server/portal-pages/plan-reads";
import { readCustomer, readSubscription } from "@/lib/server/portal-pages/reads";
import { portalOptions } from "@/lib/shared/billing/portal-options";
import { customerLocale } from "@/lib/shared/format/customer-locale";
import { formAnswer } from "@/lib/shared/portal-api/form-answer";
import { isResourceId } from "@/lib/shared/portal-api/input";
import { codeFirst } from "../../_components/code-first";
import { dunningNotices } from "../../_components/dunning-notices";
import { payNowOffer } from "../../_components/pay-now-offer";
import { PlanDetailsProvider } from "../../_components/plan-details-context";
import { CancelFields } from "./_components/cancel-fields";
import { KeepPlanForm } from "./_components/keep-plan-form";
import { KEEP_PLAN_FORM } from "./keep-plan";
import { SubscriptionDetails } from "./_components/subscription-details";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Subscriptions");
  return { title: t("detailsTitle") };
}

async function SubscriptionPage({ params, searchParams }: PageProps<"/portal/subscriptions/[id]">) {
  const [{ id }, search] = await Promise.all([params, searchParams]);
  // Checked before anything else: a malformed id never reaches RevKeen.
  if (!isResourceId(id)) notFound();
  // The words are made while RevKeen answers, not after.
  const [[customer, subscription, details], reasons, cancelWords] = await Promise.all([
    loadPortalPage(`/portal/subscriptions/${id}`, (token) =>
      Promise.all([
        readCustomer(token),
        readSubscription(token, id),
        // Beside the portal's reads, never after them.
        readPlanDetails(token, readSubscription(token, id).then((subscription) => [subscription]), id),
      ]),
    ),
    // Only what the cancel form reads goes to the browser, each reason in the customer's language.
    cancelReasonChoices(portalOptions.cancelReasons),
    cancelFormWords(),
  ]);
  const locale = customerLocale(customer.locale);
  const { cancelNow, cancelComment } = portalOptions;
  const cancelOptions = { cancelNow, cancelComment, reasons };
  // A fresh key for this rendering of the form: one intent, cancelled once however often it is sent.
  const idempotencyKey = randomUUID();
  const withTexts = await withDunningTexts(details, locale);
  const path = `/portal/subscriptions/${id}`;
  const answer = formAnswer(search);
  const keepAnswer = answer !== null && answer.form === KEEP_PLAN_FORM ? answer : null;
  // "Keep my plan" is an intent of its own, with its own key.
  const keepPlan = portalOptions.keepPlan
    ? { form: <KeepPlanForm subscription={subscription} locale={locale} idempotencyKey={randomUUID()} answer={keepAnswer} />, answered: keepAnswer !== null }
    : null;
  return (
    <PlanDetailsProvider
      details={withTexts}
      dunningNotices={await dunningNotices([subscription], withTexts, locale, payNowOffer(path, search), { brief: false })}
      priceLabels={await priceLabels([subscription], locale)}
    >
      <SubscriptionDetails
        served={subscription}
        locale={locale}
        cancelOptions={cancelOptions}
        cancelWords={cancelWords}
        idempotencyKey={idempotencyKey}
        // The plain form, drawn here: a browser without JavaScript gets it as HTML, and no script carries it.
        plainCancelFields={<CancelFields subscription={subscription} locale={locale} options={cancelOptions} words={cancelWords} idempotencyKey={idempotencyKey} />}
        keepPlan={keepPlan}
        written={keepAnswer !== null && "done" in keepAnswer}
      />
    </PlanDetailsProvider>
  );
}

export default codeFirst(SubscriptionPage);
