import type { ReactNode } from "react";

/** One term of a details list; a missing value reads "—" rather than leaving a gap. */
export function DetailRow({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="detail-row">
      <dt>{term}</dt>
      <dd>{children ?? "—"}</dd>
    </div>
  );
}
