"use client";

import type { DirectDebitWords } from "@/lib/shared/i18n/direct-debit-words";
import { EmptyState } from "../../_components/empty-state";
import { RefreshProblem } from "../../_components/refresh-problem";
import { useMandates } from "../../_components/use-portal-data";
import { MandateCard } from "./mandate-card";

export function MandateList({ words, locale, idempotencyKeys }: { words: DirectDebitWords; locale: string; idempotencyKeys: Record<string, string> }) {
  const { data, error } = useMandates();
  const mandates = data?.data ?? [];
  return (
    <div className="stack">
      <RefreshProblem error={error} />
      {mandates.length === 0 ? (
        <EmptyState title={words.emptyTitle}>{words.emptyBody}</EmptyState>
      ) : (
        <ul className="plain-list stack" aria-label={words.listLabel}>
          {mandates.map((mandate) => (
            <li key={mandate.id}>
              {/* The key the page made for the mandate: the same on the server and in the browser. */}
              <MandateCard words={words} mandate={mandate} locale={locale} idempotencyKey={idempotencyKeys[mandate.id] ?? ""} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
