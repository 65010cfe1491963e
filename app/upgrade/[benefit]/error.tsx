"use client";

import { useMessages } from "next-intl";
import { RetryCard } from "../../_components/retry-card";

/** RevKeen or the database failed while reading the offer: say so and offer a retry. */
export default function UpgradeError({ retry }: { error: unknown; retry: () => void }) {
  const words = useMessages().ErrorPage;
  return (
    <main className="page stack">
      <RetryCard testId="upgrade-error" title={words.upgradeTitle} retry={retry}>
        {words.upgradeBody}
      </RetryCard>
    </main>
  );
}
