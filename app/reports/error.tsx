"use client";

/** RevKeen or the database failed while checking access: say so and offer a retry. */
export default function ReportsError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="page stack">
      <section className="card stack" data-testid="reports-error" aria-labelledby="reports-error-heading">
        <h1 id="reports-error-heading">Reports are unavailable</h1>
        <p>We couldn&apos;t check your plan just now. This is usually brief, so please try again in a moment.</p>
        <div>
          <button type="button" className="button button-primary" onClick={() => retry()}>
            Try again
          </button>
        </div>
      </section>
    </main>
  );
}
