/** A grey stand-in while a page loads; announced once, as one busy region. */
export function Skeleton({ label, rows = 4 }: { label: string; rows?: number }) {
  return (
    <div className="stack" aria-busy="true" data-testid="portal-loading">
      <p className="visually-hidden" role="status">
        {label}
      </p>
      <div className="skeleton skeleton-heading" aria-hidden="true" />
      <div className="card stack" aria-hidden="true">
        {Array.from({ length: rows }, (_, index) => (
          <div key={index} className="skeleton skeleton-line" />
        ))}
      </div>
    </div>
  );
}
