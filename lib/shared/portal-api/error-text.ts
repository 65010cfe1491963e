// Which message of the `Errors` namespace tells a customer about a failure: one per code, and
// for a write refused by the app's own limit, how long to wait. The server (actions, the app's
// API, the unavailable page) and the browser (answers it reads itself) word a failure alike.
import type { createTranslator, Messages } from "next-intl";
import { isPortalErrorCode, type PortalErrorCode } from "./error-codes";

type Failure = { code: PortalErrorCode; retryAfter?: number | undefined };

/** next-intl's translator for `Errors`, from useTranslations, getTranslations or createTranslator. */
export type ErrorsTranslator = ReturnType<typeof createTranslator<Messages, "Errors">>;

export function errorText(t: ErrorsTranslator, failure: Failure): string {
  if (failure.code === "portal:rate_limited" && failure.retryAfter !== undefined) return t("retryIn", { seconds: failure.retryAfter });
  return t(failure.code);
}

/**
 * What the browser shows for a failed read of the app's API (PortalFetchError): the code's own
 * message; no answer at all, the offline one; an answer that is not the API's, server:error's.
 */
export function readFailureText(t: ErrorsTranslator, failure: { code: string; retryAfter?: number | undefined }): string {
  if (failure.code === "network:offline") return t("network:offline");
  return errorText(t, { code: isPortalErrorCode(failure.code) ? failure.code : "server:error", retryAfter: failure.retryAfter });
}
