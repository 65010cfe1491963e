// A change of bank details for a Direct Debit, in RevKeen's three steps under
// /v2/customer-portal/mandates/{id}/re-authorize: send-otp e-mails a code, verify-otp trades it for
// a verification token, and the re-authorize itself carries the new details with that token and
// puts the mandate back to "pending". The sort code and account number are checked and dropped:
// only the last four digits are kept, and no message, log or webhook ever repeats them.
import { z } from "zod";
import type { SandboxContext } from "../entry/context";
import { ApiError } from "../http/errors";
import { readIdempotencyKey } from "./idempotency";
import { findMandate, mandateCustomer, mandateEventObject, requireEmail } from "./mandate-access";
import type { OperationInput } from "./operations";
import { requirePathId } from "../http/path-ids";
import type { MandateRecord } from "../data/records";
import { jsonReply, type Reply } from "../http/reply";
import { parseInput, parseJsonBody, readBodyText } from "../http/request-input";
import { settle } from "../data/time-passes";

const NO_EMAIL = "The customer record has no e-mail address, so no code can be sent: add one to the customer first.";

const verifyBodySchema = z.object({ code: z.string("must be a string").max(20, "is not a code") }, "must be a JSON object");

const reauthorizeBodySchema = z.object(
  {
    account_holder_name: z.string("must be a string").trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
    sort_code: z
      .string("must be a string")
      .trim()
      .regex(/^\d{2}([- ]?)\d{2}\1\d{2}$/, "must be 6 digits (123456, 12-34-56 or 12 34 56)")
      .transform((value) => value.replace(/[- ]/g, "")),
    account_number: z.string("must be a string").trim().regex(/^\d{8}$/, "must be 8 digits"),
    verification_token: z.string("must be a string").min(1, "must not be empty").max(200, "is not a verification token"),
    acceptance: z.object(
      {
        accountHolder: z.literal(true, "must be true: the customer confirms they hold the account"),
        soleSignatory: z.literal(true, "must be true: the customer confirms no one else must sign for it"),
      },
      "must be an object with accountHolder and soleSignatory",
    ),
  },
  "must be a JSON object",
);

/** A stand-in for the sort-code directory RevKeen consults: a few banks by their first two digits. */
const BANKS_BY_SORT_CODE_PREFIX: Record<string, string> = {
  "04": "Monzo",
  "07": "Nationwide",
  "09": "Santander",
  "20": "Barclays",
  "30": "Lloyds Bank",
  "40": "HSBC UK",
  "60": "NatWest",
  "83": "Royal Bank of Scotland",
};

/** 409 for a mandate that cannot take new bank details now. */
function requireAmendable(record: MandateRecord): void {
  if (record.mandate.status === "cancelled") {
    throw new ApiError("conflict", "This mandate is cancelled, so it is not in an amendable state.");
  }
  if (record.mandate.status === "pending") {
    throw new ApiError("conflict", "This mandate is not in an amendable state: a change of bank details is waiting to be confirmed.");
  }
}

export function sendMandateCode(context: SandboxContext, { request, params }: OperationInput): Reply {
  const customerId = mandateCustomer(context, request);
  settle(context);
  const record = findMandate(context, customerId, requirePathId(params[0], "mandate"));
  requireAmendable(record);
  const to = requireEmail(context, customerId, NO_EMAIL);
  context.oneTimeCodes.send({ customerId, mandateId: record.mandate.id, to, now: context.clock.now() });
  return jsonReply(200, { ok: true });
}

const CODE_REFUSALS = {
  none: "There is no code to check for this mandate (none was sent, or it was used); send a new code.",
  expired: "This code has expired; send a new code.",
  wrong: "This code is not valid; check it, or send a new code.",
  too_many: "Too many attempts; send a new code.",
} as const;

export async function verifyMandateCode(context: SandboxContext, { request, params }: OperationInput): Promise<Reply> {
  const customerId = mandateCustomer(context, request);
  settle(context);
  const id = requirePathId(params[0], "mandate");
  const body = parseInput(verifyBodySchema, parseJsonBody(await readBodyText(request), { optional: false }), "body");
  const record = findMandate(context, customerId, id);
  requireEmail(context, customerId, NO_EMAIL);
  const outcome = context.oneTimeCodes.verify({ customerId, mandateId: record.mandate.id, code: body.code.trim(), now: context.clock.now() });
  if (outcome.kind !== "verified") throw new ApiError("invalid_request", CODE_REFUSALS[outcome.kind]);
  return jsonReply(200, { verification_token: outcome.token });
}

export async function reauthorizeMandate(context: SandboxContext, { request, url, params }: OperationInput): Promise<Reply> {
  const customerId = mandateCustomer(context, request);
  settle(context);
  const id = requirePathId(params[0], "mandate");
  const key = readIdempotencyKey(request);
  const bodyText = await readBodyText(request);
  const details = parseInput(reauthorizeBodySchema, parseJsonBody(bodyText, { optional: false }), "body");
  const now = context.clock.now();
  // The store keeps a hash of the body (with its random token) and the reply, which shows four digits.
  const fingerprint = { scope: `customer:${customerId}`, key, method: request.method, path: url.pathname, body: bodyText };

  return context.idempotency.run(fingerprint, now, () => {
    const record = findMandate(context, customerId, id);
    requireEmail(context, customerId, "The customer record lacks the Direct Debit fields this change needs: it has no e-mail address.");
    if (record.mandate.status === "pending") {
      throw new ApiError("conflict", "A change of bank details is already in progress for this mandate.");
    }
    if (record.mandate.status === "cancelled") {
      throw new ApiError("conflict", "This mandate was cancelled meanwhile, so its bank details cannot be changed.");
    }
    // Checked last, so a refused change leaves the customer's token unspent.
    if (!context.oneTimeCodes.redeem({ token: details.verification_token, customerId, mandateId: id, now })) {
      throw new ApiError("invalid_request", "Invalid verification_token: it is unknown, used, expired or for another mandate. Verify a new code.");
    }
    record.mandate.status = "pending";
    record.lodgedAt = now;
    record.mandate.account_holder_name = details.account_holder_name;
    record.mandate.account_number_last4 = details.account_number.slice(-4);
    record.mandate.bank_name = BANKS_BY_SORT_CODE_PREFIX[details.sort_code.slice(0, 2)] ?? null;
    // A fresh Bacs instruction is lodged for the new account: RevKeen announces it as a new mandate.
    context.webhooks.emit("mandate.created", mandateEventObject(record));
    return jsonReply(201, { data: record.mandate });
  });
}
