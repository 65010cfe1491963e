"use client";

import { RetryCard } from "../_components/retry-card";

/** Upstream failures while a portal page loads land here. */
export default function PortalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <RetryCard testId="portal-error" title="Billing is unavailable" retry={retry}>
      We couldn&apos;t load your billing right now. This is usually brief, so please try again in a moment.
    </RetryCard>
  );
}
