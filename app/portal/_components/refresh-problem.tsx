import type { PortalFetchError } from "@/lib/browser/portal-fetch-error";
import { fill } from "@/lib/shared/i18n/slots";
import { readFailureText } from "@/lib/shared/portal-api/error-text";
import { usePortalCopy } from "./portal-copy";

/**
 * A background refresh that failed: the data on screen is the last good copy, so say so
 * quietly instead of replacing it.
 */
export function RefreshProblem({ error }: { error: PortalFetchError | undefined }) {
  const copy = usePortalCopy();
  if (!error) return null;
  return (
    <p className="notice notice-error" role="status" data-testid="refresh-problem">
      {fill(copy.refreshProblem, { message: readFailureText(copy, error) })}
    </p>
  );
}
