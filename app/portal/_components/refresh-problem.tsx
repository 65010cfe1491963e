import type { PortalFetchError } from "@/lib/browser/portal-fetch-error";

/**
 * A background refresh that failed: the data on screen is the last good copy, so say so
 * quietly instead of replacing it.
 */
export function RefreshProblem({ error }: { error: PortalFetchError | undefined }) {
  if (!error) return null;
  return (
    <p className="notice notice-error" role="status" data-testid="refresh-problem">
      Couldn&apos;t refresh: {error.message}
    </p>
  );
}
