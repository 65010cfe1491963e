import type { PortalFetchError } from "@/lib/browser/portal-fetch-error";
import { fill } from "@/lib/shared/i18n/slots";
import { usePortalCopy } from "./portal-copy";

/**
 * A background refresh that failed: the data on screen is the last good copy, so say so
 * quietly instead of replacing it.
 */
export function RefreshProblem({ error }: { error: PortalFetchError | undefined }) {
  const copy = usePortalCopy();
  if (!error) return null;
  // The API's code says it in the customer's language; its English words only for a code it does not know.
  const message = Object.hasOwn(copy.errors, error.code) ? copy.errors[error.code as keyof typeof copy.errors] : error.message;
  return (
    <p className="notice notice-error" role="status" data-testid="refresh-problem">
      {fill(copy.refreshProblem, { message })}
    </p>
  );
}
