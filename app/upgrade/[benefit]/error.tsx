"use client";

import { RetryCard } from "../../_components/retry-card";

/** RevKeen or the database failed while reading the offer: say so and offer a retry. */
export default function UpgradeError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="page stack">
      <RetryCard testId="upgrade-error" title="This plan can't be shown right now" retry={retry}>
        We couldn&apos;t read the plan or your card on file just now. This is usually brief, so please try again in a moment.
      </RetryCard>
    </main>
  );
}
