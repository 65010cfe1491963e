"use client";

/**
 * Upstream failures land here. Production hides server error messages, so this never shows
 * one: it says what happened in general and offers a retry. `retry` refreshes the route's
 * server data and resets the boundary in one transition (Next's
 * `startTransition(() => { router.refresh(); reset(); })`).
 */
export default function PortalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <section className="card stack" data-testid="portal-error" aria-labelledby="portal-error-heading">
      <h1 id="portal-error-heading">Billing is unavailable</h1>
      <p>We couldn&apos;t load your billing right now. This is usually brief, so please try again in a moment.</p>
      <div>
        <button type="button" className="button button-primary" onClick={() => retry()}>
          Try again
        </button>
      </div>
    </section>
  );
}
