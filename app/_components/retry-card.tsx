"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/**
 * What an error boundary shows: what could not be done, in general words (production hides the
 * server's message, and an upstream's text is never shown), and a retry. `retry` refreshes the
 * route's server data and resets the boundary in one transition.
 */
export function RetryCard({ testId, title, children, retry }: { testId: string; title: string; children: ReactNode; retry: () => void }) {
  const t = useTranslations("ErrorPage");
  const heading = `${testId}-heading`;
  return (
    <section className="card stack" data-testid={testId} aria-labelledby={heading}>
      <h1 id={heading}>{title}</h1>
      <p>{children}</p>
      <div>
        <button type="button" className="button button-primary" onClick={() => retry()}>
          {t("tryAgain")}
        </button>
      </div>
    </section>
  );
}
