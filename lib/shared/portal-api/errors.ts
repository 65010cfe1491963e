// One error type for everything the portal can run into, with stable codes that the pages,
// the app's own API and its clients switch on. Messages are written for the customer; upstream
// bodies, stack traces and credentials never reach them.
import { SERVER_ERROR_MESSAGE, type PortalErrorCode } from "./error-codes";

// The browser imports error-codes.ts alone (lib/browser/portal-request.ts): the messages below
// would otherwise ship with every page, and the API sends them with its codes anyway.
export { isPortalErrorCode, type PortalErrorCode } from "./error-codes";

export const portalErrorCodes = {
  "auth:unauthenticated": { status: 401, message: "Please sign in to manage your billing." },
  "portal:expired": { status: 401, message: "Your billing session has expired. Reopen it to continue." },
  "portal:no_account": { status: 404, message: "There is no billing account for you yet." },
  "portal:no_email": {
    status: 400,
    message: "A billing account needs an e-mail address, and your sign-in has none. Sign in another way, or contact us.",
  },
  "portal:email_unverified": {
    status: 403,
    message:
      "Verify your e-mail address with your sign-in provider (on GitHub: Settings → Emails), then sign out and sign in again. We open a billing account only for a verified address.",
  },
  "portal:email_taken": {
    status: 409,
    message: "Your e-mail address already has a billing account, so we can't open another. Contact us and we'll connect it to your sign-in.",
  },
  "portal:rate_limited": { status: 429, message: "Too many attempts. Please wait a moment and try again." },
  "portal:forbidden": { status: 403, message: "This request was refused." },
  "upstream:rejected_key": {
    status: 502,
    message: "The server's RevKeen key is not accepted. If you run this site, check REVKEEN_API_KEY.",
  },
  "upstream:unavailable": { status: 503, message: "Billing is not reachable right now. Please try again." },
  "upstream:rate_limited": { status: 429, message: "Too many requests right now. Please try again shortly." },
  "upstream:conflict": { status: 409, message: "That request conflicts with one already made. Please reload." },
  "database:unavailable": { status: 503, message: "Billing is not reachable right now. Please try again." },
  "request:invalid": { status: 400, message: "That request is not valid." },
  "customer:not_found": { status: 404, message: "We could not find your billing account." },
  "subscription:not_found": { status: 404, message: "We could not find that subscription." },
  "subscription:cancel_now_not_offered": {
    status: 403,
    message: "Ending a subscription straight away is not offered. It can end at the end of the current period.",
  },
  "subscription:keep_not_offered": {
    status: 403,
    message: "A plan that is set to end can't be kept from here. Please contact us.",
  },
  "subscription:already_ended": { status: 409, message: "This subscription has already ended, so it can't be kept." },
  "upgrade:not_offered": { status: 404, message: "We could not find that plan." },
  "upgrade:no_payment_method": {
    status: 409,
    message: "There is no card on file to pay with. Choose a plan on our pricing page instead.",
  },
  "upgrade:card_declined": {
    status: 402,
    message: "Your card was declined, so your plan hasn't changed. Try again, or use another card.",
  },
  "invoice:not_found": { status: 404, message: "We could not find that invoice." },
  "invoice:already_paid": { status: 409, message: "This invoice is already paid. Nothing more was charged." },
  "invoice:void": { status: 409, message: "This invoice was cancelled, so there is nothing to pay." },
  "invoice:not_payable": { status: 409, message: "This invoice can't be paid here. Please contact us." },
  "invoice:pay_now_off": { status: 403, message: "Paying invoices is not offered here. Please contact us." },
  "mandate:not_found": { status: 404, message: "We could not find that Direct Debit." },
  "mandate:self_service_off": {
    status: 403,
    message: "Your Direct Debit can't be managed here. Please contact us to make a change.",
  },
  "mandate:already_cancelled": { status: 409, message: "This Direct Debit is already cancelled." },
  "mandate:not_amendable": {
    status: 409,
    message: "The bank details of this Direct Debit can't be changed now: it is cancelled, or a change is still being confirmed.",
  },
  "mandate:amendment_in_progress": {
    status: 409,
    message: "This Direct Debit is already being changed, or it changed while you were editing. Reload to see where it stands.",
  },
  "mandate:no_email": {
    status: 422,
    message: "We need an e-mail address on your billing account to send you a code. Please contact us.",
  },
  "mandate:account_incomplete": {
    status: 422,
    message: "Your billing account is missing details that Direct Debit needs. Please contact us.",
  },
  "mandate:code_invalid": {
    status: 400,
    message: "That code isn't right. Check it and try again, or ask for a new code.",
  },
  "mandate:code_expired": { status: 400, message: "That code has expired. Ask for a new code." },
  "mandate:code_attempts_exceeded": {
    status: 400,
    message: "That code was entered wrongly too many times. Ask for a new code.",
  },
  "mandate:verification_expired": {
    status: 400,
    message: "Your confirmation code has expired or was already used. Ask for a new code, then enter your details again.",
  },
  "mandate:details_invalid": {
    status: 400,
    message: "Those bank details were not accepted. Check the sort code (6 digits) and the account number (8 digits).",
  },
  "mandate:must_reconcile": {
    status: 502,
    message: "We couldn't confirm whether your new bank details were saved. Please don't send them again: we'll check and let you know.",
  },
  "mandate:bank_storage_unavailable": {
    status: 503,
    message: "Bank details can't be stored securely right now, so nothing was changed. Please try again later.",
  },
  "route:not_found": { status: 404, message: "There is nothing here." },
  "server:error": { status: 500, message: SERVER_ERROR_MESSAGE },
  "server:busy": { status: 503, message: "This site is very busy right now. Please try again in a few seconds." },
  "server:misconfigured": { status: 503, message: "Billing is closed until this site's setup is finished. Please try again later." },
} as const satisfies Record<PortalErrorCode, { status: number; message: string }>;

export type PortalErrorBody = {
  error: { code: PortalErrorCode; message: string; retry_after?: number };
};

export class PortalError extends Error {
  readonly code: PortalErrorCode;
  readonly status: number;
  /** Seconds to wait before retrying, when the upstream said so. */
  readonly retryAfter: number | undefined;

  constructor(code: PortalErrorCode, options: { message?: string; retryAfter?: number; cause?: unknown } = {}) {
    super(options.message ?? portalErrorCodes[code].message, { cause: options.cause });
    this.name = "PortalError";
    this.code = code;
    this.status = portalErrorCodes[code].status;
    this.retryAfter = options.retryAfter;
  }

  /** The API's answer; `message` in the request's language when the caller has it. */
  toBody(message: string = this.message): PortalErrorBody {
    return {
      error: {
        code: this.code,
        message,
        ...(this.retryAfter === undefined ? {} : { retry_after: this.retryAfter }),
      },
    };
  }
}
