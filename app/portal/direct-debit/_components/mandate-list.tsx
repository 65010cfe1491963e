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
              {/*
                The key the page made for the mandate: the same on the server and in the browser. One
                the browser learnt of later has none; it is only ever cancelled through the API,
                which needs scripts and takes a key per intent.
              */}
              <MandateCard mandate={mandate} locale={locale} idempotencyKey={idempotencyKeys[mandate.id] ?? ""} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
