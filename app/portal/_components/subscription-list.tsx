"use client";

import { isCurrentSubscription } from "@/lib/shared/billing/subscription-status";
import { EmptyState } from "./empty-state";
import { RefreshProblem } from "./refresh-problem";
import { SubscriptionCard } from "./subscription-card";
import { useSubscriptions } from "./use-portal-data";

/** Every subscription, or only the current ones (the overview). */
export function SubscriptionList({ locale, currentOnly = false }: { locale: string; currentOnly?: boolean }) {
  const { data, error } = useSubscriptions();
  const subscriptions = (data?.data ?? []).filter((subscription) => !currentOnly || isCurrentSubscription(subscription));
  return (
    <div className="stack">
      <RefreshProblem error={error} />
      {subscriptions.length === 0 ? (
        <EmptyState title={currentOnly ? "You have no current subscriptions." : "You have no subscriptions."}>
          When you subscribe to a plan, it shows up here.
        </EmptyState>
      ) : (
        <ul className="plain-list stack" aria-label={currentOnly ? "Current subscriptions" : "Subscriptions"}>
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
