"use client";

import { useTranslations } from "next-intl";
import { RetryCard } from "../../_components/retry-card";

/** RevKeen or the database failed while reading the offer: say so and offer a retry. */
export default function UpgradeError({ retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("ErrorPage");
  return (
    <main className="page stack">
      <RetryCard testId="upgrade-error" title={t("upgradeTitle")} retry={retry}>
        {t("upgradeBody")}
      </RetryCard>
    </main>
  );
}
