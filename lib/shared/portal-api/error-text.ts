// Which message of the `Errors` namespace tells a customer about a failure: one per code, and
// for a write refused by the app's own limit, how long to wait. The server (actions, the app's
// API, the unavailable page) and the browser (answers it reads itself) word a failure alike.
import type { createTranslator, Messages } from "next-intl";
import { fill } from "@/lib/shared/i18n/slots";
import type { PortalErrorCode } from "./error-codes";

type Failure = { code: PortalErrorCode; retryAfter?: number | undefined };

/** next-intl's translator for `Errors`, from getTranslations or createTranslator (on the server). */
export type ErrorsTranslator = ReturnType<typeof createTranslator<Messages, "Errors">>;

export function errorText(t: ErrorsTranslator, failure: Failure): string {
  if (failure.code === "portal:rate_limited" && failure.retryAfter !== undefined) return t("retryIn", { seconds: failure.retryAfter });
  return t(failure.code);
}

/** The `Errors` words the browser needs, translated by the server (the portal's copy): plain strings. */
export type FailureWords = { errors: Record<PortalErrorCode, string>; offline: string; retryIn: string };

/**
 * What the browser shows for a failed read of the app's API (PortalFetchError): the code's own
 * message; no answer at all, the offline one; an answer that is not the API's, server:error's.
 * The words hold every known code, so they tell a known one: the pages' first scripts need not
 * carry the list of codes (error-codes.ts), which the fetcher loads with its first call.
 */
export function readFailureText(words: FailureWords, failure: { code: string; retryAfter?: number | undefined }): string {
  if (failure.code === "network:offline") return words.offline;
  if (failure.code === "portal:rate_limited" && failure.retryAfter !== undefined) return fill(words.retryIn, { seconds: String(failure.retryAfter) });
  return Object.hasOwn(words.errors, failure.code) ? words.errors[failure.code as PortalErrorCode] : words.errors["server:error"];
}
