"use client";

import type { ReactNode } from "react";
import { CancelSubscription } from "./cancel-subscription";
import { KeepPlan } from "./keep-plan";
import { RefreshProblem } from "../../../_components/refresh-problem";
import { SubscriptionBadges } from "../../../_components/subscription-badges";
import { SubscriptionFacts } from "../../../_components/subscription-facts";
import { DunningNotice } from "../../../_components/dunning-notice";
import { PlanPrice, PlanTitle } from "../../../_components/plan-title";
import { useSubscription } from "../../../_components/use-portal-data";
import { DetailRow } from "../../../_components/detail-row";
import { usePortalCopy } from "../../../_components/portal-copy";
import type { CancelFormOptions, CancelFormWords } from "@/lib/shared/billing/cancel-form-options";

type SubscriptionDetailsProps = {
  id: string;
  locale: string;
  cancelOptions: CancelFormOptions;
  cancelWords: CancelFormWords;
  /** Made by the server with the page: the cancel form's first intent. */
  idempotencyKey: string;
  /** The cancel form's fields, rendered by the server for a browser without JavaScript. */
  plainCancelFields: ReactNode;
  /** The "Keep my plan" form's first intent; null when the merchant does not offer it. */
  keepPlanKey: string | null;
};

export function SubscriptionDetails({ id, locale, cancelOptions, cancelWords, idempotencyKey, plainCancelFields, keepPlanKey }: SubscriptionDetailsProps) {
  const copy = usePortalCopy().subscriptions;
  const { data, error } = useSubscription(id);
  const subscription = data?.data;
  if (!subscription) return <RefreshProblem error={error} />;
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
      <DunningNotice subscription={subscription} />
      {keepPlanKey !== null && <KeepPlan subscription={subscription} locale={locale} idempotencyKey={keepPlanKey} />}
      <CancelSubscription
        subscription={subscription}
        locale={locale}
        options={cancelOptions}
        words={cancelWords}
        idempotencyKey={idempotencyKey}
        plainFields={plainCancelFields}
      />
    </div>
  );
}
