"use client";
// What the page shows for a failed read of the app's API, in the page's language (the API's own
// message follows the browser's, which in the portal may not be the page's).
import { useTranslations } from "next-intl";
import type { PortalFetchError } from "@/lib/browser/portal-fetch-error";
import { readFailureText } from "@/lib/shared/portal-api/error-text";

export function useErrorText(): (error: PortalFetchError) => string {
  const t = useTranslations("Errors");
  return (error) => readFailureText(t, error);
}
