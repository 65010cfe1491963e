"use client";

import { RetryCard } from "../_components/retry-card";

/** RevKeen or the database failed while checking access: say so and offer a retry. */
export default function ReportsError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="page stack">
      <RetryCard testId="reports-error" title="Reports are unavailable" retry={retry}>
        We couldn&apos;t check your plan just now. This is usually brief, so please try again in a moment.
      </RetryCard>
    </main>
  );
}
