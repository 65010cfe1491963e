"use client";

import { useTranslations } from "next-intl";
import type { PortalFetchError } from "@/lib/browser/portal-fetch-error";
import { useErrorText } from "./use-error-text";

/**
 * A background refresh that failed: the data on screen is the last good copy, so say so
 * quietly instead of replacing it.
 */
export function RefreshProblem({ error }: { error: PortalFetchError | undefined }) {
  const t = useTranslations("ErrorPage");
  const errorText = useErrorText();
  if (!error) return null;
  return (
    <p className="notice notice-error" role="status" data-testid="refresh-problem">
      {t("refreshFailed", { message: errorText(error) })}
    </p>
  );
}
