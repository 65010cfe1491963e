import { useTranslations } from "next-intl";
import type { PortalFetchError } from "@/lib/browser/portal-fetch-error";

/**
 * A background refresh that failed: the data on screen is the last good copy, so say so
 * quietly instead of replacing it.
 */
export function RefreshProblem({ error }: { error: PortalFetchError | undefined }) {
  const t = useTranslations("Portal");
  const errors = useTranslations("Errors");
  if (!error) return null;
  // The API's code says it in the customer's language; its English words only for a code it does not know.
  const message = errors.has(error.code as never) ? errors(error.code as never) : error.message;
  return (
    <p className="notice notice-error" role="status" data-testid="refresh-problem">
      {t("refreshProblem", { message })}
    </p>
  );
}
