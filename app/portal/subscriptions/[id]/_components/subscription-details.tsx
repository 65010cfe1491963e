"use client";

import type { ReactNode } from "react";
import { CancelSubscription } from "./cancel-subscription";
import { useCallback, useEffect } from "react";
import { useRouter } from "next/navigation";
import { tellSubscriptionLists } from "./tell-subscription-lists";
import { useLiveSubscription } from "./use-live-subscription";
import { RefreshProblem } from "../../../_components/refresh-problem";
import { SubscriptionBadges } from "../../../_components/subscription-badges";
import { SubscriptionFacts } from "../../../_components/subscription-facts";
import { useDunningNotice } from "../../../_components/plan-details-context";
import { PlanPrice, PlanTitle } from "../../../_components/plan-title";
import { DetailRow } from "../../../_components/detail-row";
import { usePortalCopy } from "../../../_components/portal-copy";
import type { CancelFormOptions, CancelFormWords } from "@/lib/shared/billing/cancel-form-options";
import { isScheduledToCancel } from "@/lib/shared/billing/subscription-status";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";

type SubscriptionDetailsProps = {
  /** As the server read it with the page. */
  served: PortalSubscription;
  locale: string;
  cancelOptions: CancelFormOptions;
  cancelWords: CancelFormWords;
  /** Made by the server with the page: the cancel form's first intent. */
  idempotencyKey: string;
  /** The cancel form's fields, rendered by the server for a browser without JavaScript. */
  plainCancelFields: ReactNode;
  /** "Keep my plan", drawn by the server (keep-plan-form.tsx), which draws nothing while it has nothing to offer or say; null when it is off. */
  keepPlan: { form: ReactNode; answered: boolean } | null;
  /** Whether `served` is the answer to a write on this page that came back with it (Keep my plan). */
  written: boolean;
};

export function SubscriptionDetails({ served, locale, cancelOptions, cancelWords, idempotencyKey, plainCancelFields, keepPlan, written }: SubscriptionDetailsProps) {
  const copy = usePortalCopy().subscriptions;
  const { data: subscription, error, show } = useLiveSubscription(served);
  const router = useRouter();
  // "Keep my plan" is drawn by the server from the plan's state: a plan set to end here offers it at once.
  const drawAgain = useCallback(() => router.refresh(), [router]);
  useEffect(() => {
    if (written) tellSubscriptionLists(served);
  }, [written, served]);
  const dunningNotice = useDunningNotice(subscription);
  return (
    <div className="stack">
      <h1>
        <PlanTitle subscription={subscription} locale={locale} />
      </h1>
      <RefreshProblem error={error} />
      <section className="card stack" aria-labelledby="subscription-details-heading">
        <h2 id="subscription-details-heading" className="visually-hidden">
          {copy.details}
        </h2>
        <SubscriptionBadges subscription={subscription} locale={locale} />
        <dl className="details">
          <DetailRow term={copy.price}>
            <PlanPrice subscription={subscription} locale={locale} />
          </DetailRow>
        </dl>
        <SubscriptionFacts subscription={subscription} locale={locale} />
      </section>
      {dunningNotice}
      {/* Offered while the plan on screen is set to end (a cancellation here since takes it away); an answer stays. */}
      {keepPlan !== null && (keepPlan.answered || isScheduledToCancel(subscription)) && keepPlan.form}
      <CancelSubscription
        subscription={subscription}
        locale={locale}
        options={cancelOptions}
        words={cancelWords}
        idempotencyKey={idempotencyKey}
        plainFields={plainCancelFields}
        show={show}
        onDone={drawAgain}
      />
    </div>
  );
}
