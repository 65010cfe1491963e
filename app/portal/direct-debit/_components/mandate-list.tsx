"use client";

import { useTranslations } from "next-intl";
import { EmptyState } from "../../_components/empty-state";
import { RefreshProblem } from "../../_components/refresh-problem";
import { useMandates } from "../../_components/use-portal-data";
import { MandateCard } from "./mandate-card";

export function MandateList({ locale, idempotencyKeys }: { locale: string; idempotencyKeys: Record<string, string> }) {
  const t = useTranslations("DirectDebit");
  const { data, error } = useMandates();
  const mandates = data?.data ?? [];
  return (
    <div className="stack">
      <RefreshProblem error={error} />
      {mandates.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      ) : (
        <ul className="plain-list stack" aria-label={t("listLabel")}>
          {mandates.map((mandate) => (
            <li key={mandate.id}>
              {/* The key the page made for the mandate: the same on the server and in the browser. */}
              <MandateCard mandate={mandate} locale={locale} idempotencyKey={idempotencyKeys[mandate.id] ?? ""} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
