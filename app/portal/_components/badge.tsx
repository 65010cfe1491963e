import type { StatusBadge } from "@/lib/shared/billing/status-words";

/** The words carry the meaning; the colour only repeats it. */
export function Badge({ badge }: { badge: StatusBadge }) {
  return <span className={`badge badge-${badge.tone}`}>{badge.label}</span>;
}
