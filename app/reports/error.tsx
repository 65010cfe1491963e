"use client";

import { useMessages } from "next-intl";
import { RetryCard } from "../_components/retry-card";

/** RevKeen or the database failed while checking access: say so and offer a retry. */
export default function ReportsError({ retry }: { error: unknown; retry: () => void }) {
  const words = useMessages().ErrorPage;
  return (
    <main className="page stack">
      <RetryCard testId="reports-error" title={words.reportsTitle} retry={retry}>
        {words.reportsBody}
      </RetryCard>
    </main>
  );
}
