"use client";

import { isCurrentSubscription } from "@/lib/shared/billing/subscription-status";
import { EmptyState } from "./empty-state";
import { usePortalCopy } from "./portal-copy";
import { RefreshProblem } from "./refresh-problem";
import { SubscriptionCard } from "./subscription-card";
import { useSubscriptions } from "./use-portal-data";

/** Every subscription, or only the current ones (the overview). */
export function SubscriptionList({ locale, currentOnly = false }: { locale: string; currentOnly?: boolean }) {
  const copy = usePortalCopy().subscriptions;
  const { data, error } = useSubscriptions();
  const subscriptions = (data?.data ?? []).filter((subscription) => !currentOnly || isCurrentSubscription(subscription));
  return (
    <div className="stack">
      <RefreshProblem error={error} />
      {subscriptions.length === 0 ? (
        <EmptyState title={currentOnly ? copy.emptyCurrent : copy.empty}>{copy.emptyHint}</EmptyState>
      ) : (
        <ul className="plain-list stack" aria-label={currentOnly ? copy.currentListLabel : copy.listLabel}>
          {subscriptions.map((subscription) => (
            <li key={subscription.id}>
              <SubscriptionCard subscription={subscription} locale={locale} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
