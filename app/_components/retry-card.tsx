"use client";

import type { ReactNode } from "react";
import { useMessages } from "next-intl";

/**
 * What an error boundary shows: what could not be done, in general words (production hides the
 * server's message, and an upstream's text is never shown), and a retry. `retry` refreshes the
 * route's server data and resets the boundary in one transition. An error boundary runs in the
 * browser, on every page under it: its words are plain messages read as they are, so those pages'
 * scripts carry no message formatter (docs/speed.md).
 */
export function RetryCard({ testId, title, children, retry }: { testId: string; title: string; children: ReactNode; retry: () => void }) {
  const words = useMessages().RetryCard;
  const heading = `${testId}-heading`;
  return (
    <section className="card stack" data-testid={testId} aria-labelledby={heading}>
      <h1 id={heading}>{title}</h1>
      <p>{children}</p>
      <div>
        <button type="button" className="button button-primary" onClick={() => retry()}>
          {words.tryAgain}
        </button>
      </div>
    </section>
  );
}
