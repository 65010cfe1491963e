"use client";

import { useTranslations } from "next-intl";
import { RetryCard } from "../_components/retry-card";

/** RevKeen or the database failed while checking access: say so and offer a retry. */
export default function ReportsError({ retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("ErrorPage");
  return (
    <main className="page stack">
      <RetryCard testId="reports-error" title={t("reportsTitle")} retry={retry}>
        {t("reportsBody")}
      </RetryCard>
    </main>
  );
}
