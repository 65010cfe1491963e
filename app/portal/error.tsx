"use client";

import { RetryCard } from "../_components/retry-card";
import { usePortalCopy } from "./_components/portal-copy";

/** Upstream failures while a portal page loads land here. */
export default function PortalError({ retry }: { error: unknown; retry: () => void }) {
  const { portalError } = usePortalCopy();
  return (
    <RetryCard testId="portal-error" title={portalError.title} retry={retry}>
      {portalError.body}
    </RetryCard>
  );
}
