// The portal's error codes without their messages: what the browser needs to tell an answer of
// the app's API from anything else (lib/browser/portal-request.ts). The messages stay in
// errors.ts, out of the pages' scripts.

export const PORTAL_ERROR_CODES = [
  "auth:unauthenticated",
  "portal:expired",
  "portal:no_account",
  "portal:no_email",
  "portal:email_unverified",
  "portal:email_taken",
  "portal:rate_limited",
  "portal:forbidden",
  "upstream:rejected_key",
  "upstream:unavailable",
  "upstream:rate_limited",
  "upstream:conflict",
  "database:unavailable",
  "request:invalid",
  "customer:not_found",
  "subscription:not_found",
  "subscription:cancel_now_not_offered",
  "subscription:keep_not_offered",
  "subscription:already_ended",
  "upgrade:not_offered",
  "upgrade:no_payment_method",
  "upgrade:card_declined",
  "invoice:not_found",
  "invoice:already_paid",
  "invoice:void",
  "invoice:not_payable",
  "invoice:pay_now_off",
  "mandate:not_found",
  "mandate:self_service_off",
  "mandate:already_cancelled",
  "mandate:not_amendable",
  "mandate:amendment_in_progress",
  "mandate:no_email",
  "mandate:account_incomplete",
  "mandate:code_invalid",
  "mandate:code_expired",
  "mandate:code_attempts_exceeded",
  "mandate:verification_expired",
  "mandate:details_invalid",
  "mandate:must_reconcile",
  "mandate:bank_storage_unavailable",
  "route:not_found",
  "server:error",
  "server:busy",
  "server:misconfigured",
] as const;

export type PortalErrorCode = (typeof PORTAL_ERROR_CODES)[number];

const KNOWN: ReadonlySet<string> = new Set(PORTAL_ERROR_CODES);

export function isPortalErrorCode(value: unknown): value is PortalErrorCode {
  return typeof value === "string" && KNOWN.has(value);
}

/** The message of server:error, which the browser shows for an answer it cannot read. */
export const SERVER_ERROR_MESSAGE = "Something went wrong on our side. Please try again.";
