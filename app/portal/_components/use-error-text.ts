"use client";
// What the page shows for a failed read of the app's API, in the page's language (the API's own
// message follows the browser's, which in the portal may not be the page's). The words come
// translated with the portal's copy, so no message formatter rides in the page's scripts.
import type { PortalFetchError } from "@/lib/browser/portal-fetch-error";
import { readFailureText } from "@/lib/shared/portal-api/error-text";
import { usePortalCopy } from "./portal-copy";

export function useErrorText(): (error: PortalFetchError) => string {
  const copy = usePortalCopy();
  return (error) => readFailureText(copy, error);
}
