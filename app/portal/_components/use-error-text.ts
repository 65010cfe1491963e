"use client";
// What the page shows for a failed read of the app's API: the code's message from `Errors`, in the
// page's language (the API's own message follows the browser's, which may differ in the portal).
// An answer that is not the API's is the generic server:error; none at all, the offline message.
import { useTranslations } from "next-intl";
import type { PortalFetchError } from "@/lib/browser/portal-fetch-error";
import { isPortalErrorCode } from "@/lib/shared/portal-api/error-codes";
import { errorText } from "@/lib/shared/portal-api/error-text";

export function useErrorText(): (error: PortalFetchError) => string {
  const t = useTranslations("Errors");
  return (error) => {
    if (error.code === "network:offline") return t("network:offline");
    return errorText(t, { code: isPortalErrorCode(error.code) ? error.code : "server:error", retryAfter: error.retryAfter });
  };
}
