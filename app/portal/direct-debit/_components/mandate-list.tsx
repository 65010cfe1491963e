"use client";

import { EmptyState } from "../../_components/empty-state";
import { RefreshProblem } from "../../_components/refresh-problem";
import { useMandates } from "../../_components/use-portal-data";
import { MandateCard } from "./mandate-card";

export function MandateList({ locale, idempotencyKeys }: { locale: string; idempotencyKeys: Record<string, string> }) {
  const { data, error } = useMandates();
  const mandates = data?.data ?? [];
  return (
    <div className="stack">
      <RefreshProblem error={error} />
      {mandates.length === 0 ? (
        <EmptyState title="You have no Direct Debits.">When you pay by Direct Debit, the bank account it collects from shows up here.</EmptyState>
      ) : (
        <ul className="plain-list stack" aria-label="Direct Debits">
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
