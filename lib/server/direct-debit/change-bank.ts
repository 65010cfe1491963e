import "server-only";
// The three steps of a change of bank account, for the page's server actions:
// a code e-mailed to the customer, the code traded for a verification token (kept in a sealed
// cookie, never shown to the browser), then the new details with that token. Bank details pass
// through here into the request to RevKeen and are kept nowhere. Each step counts as a write:
// its caller (through portalAction) checks the write limit (checkWriteRate) first.
import type { SignedInUser } from "@/lib/server/auth/current-user";
import { withPortalToken } from "@/lib/server/portal-session/renew";
import { reauthorizeMandate, sendMandateCode, verifyMandateCode } from "@/lib/server/revkeen-api/mandates";
import { checkCodeAttemptRate } from "@/lib/server/security/request-limits";
import { PortalError, type PortalErrorCode } from "@/lib/shared/portal-api/errors";
import type { NewBankDetails, PortalMandate } from "@/lib/shared/revkeen-api/mandates";
import { clearVerification, readVerification, writeVerification } from "./verification-cookie";

/**
 * After these the token is spent or must not be used again: a new code starts over. Above all
 * after an unknown outcome, so the same details cannot be sent twice.
 */
const ENDS_VERIFICATION = new Set<PortalErrorCode>([
  "mandate:verification_expired",
  "mandate:must_reconcile",
  "mandate:amendment_in_progress",
  "mandate:not_amendable",
  "mandate:not_found",
]);

/** Step one: RevKeen e-mails the customer a code. */
export async function sendChangeCode(user: SignedInUser, mandateId: string): Promise<void> {
  await withPortalToken(user, (token) => sendMandateCode(token, mandateId));
}

/** Step two: the code for a verification token, sealed into this browser's cookie for this mandate. */
export async function verifyChangeCode(user: SignedInUser, mandateId: string, code: string): Promise<void> {
  // Guessing is limited three times: as a write (by the caller), per user and mandate across
  // codes, and by RevKeen per code.
  await checkCodeAttemptRate(user.id, mandateId);
  const verificationToken = await withPortalToken(user, (token) => verifyMandateCode(token, mandateId, code));
  await writeVerification(verificationToken, user.id, mandateId);
}

/** Whether this browser holds a verification for the mandate: the change-of-bank page's third step. */
export async function hasVerification(user: SignedInUser, mandateId: string): Promise<boolean> {
  return (await readVerification(user.id, mandateId)) !== null;
}

/** Step three: the new details with the held token. Never repeated automatically (the client sees to that). */
export async function changeBankDetails(user: SignedInUser, mandateId: string, details: NewBankDetails, idempotencyKey: string): Promise<PortalMandate> {
  const verification = await readVerification(user.id, mandateId);
  if (verification === null) throw new PortalError("mandate:verification_expired");
  try {
    const mandate = await withPortalToken(user, (token) =>
      reauthorizeMandate(token, mandateId, { ...details, verification_token: verification.token }, idempotencyKey),
    );
    await clearVerification();
    return mandate;
  } catch (error) {
    if (error instanceof PortalError && ENDS_VERIFICATION.has(error.code)) await clearVerification();
    throw error;
  }
}
