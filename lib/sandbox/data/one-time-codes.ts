// The step-up check before a change of bank details: send-otp "e-mails" a 6-digit code, and
// verify-otp trades it for a single-use verification token bound to the customer and the mandate.
// The sandbox sends no mail: the messages wait in an outbox that GET /__sandbox/emails shows.
// Codes, tokens and the outbox are capped, oldest out first, so a script cannot fill memory.
import { randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { toIso } from "./calendar";

/** Sandbox time a code (and any token it yields) stays good for. */
export const CODE_TTL_MS = 10 * 60_000;
/** Tries per code; the next one is refused even with the right code, until a new code is sent. */
export const MAX_ATTEMPTS = 5;
const MAX_EMAILS = 200;
const MAX_CODES = 1_000;
const MAX_TOKENS = 1_000;

export interface SentEmail {
  customer_id: string;
  mandate_id: string;
  to: string;
  subject: string;
  text: string;
  code: string;
  sent_at: string;
  expires_at: string;
}

export type VerifyOutcome = { kind: "verified"; token: string } | { kind: "none" | "expired" | "wrong" | "too_many" };

export interface OneTimeCodes {
  /** A new code for this customer and mandate, replacing any earlier one, "e-mailed" to `to`. */
  send(input: { customerId: string; mandateId: string; to: string; now: number }): SentEmail;
  /** Checks a code; the right one, within its time and tries, is used up and yields a token. */
  verify(input: { customerId: string; mandateId: string; code: string; now: number }): VerifyOutcome;
  /** Uses up a token issued for this customer and mandate; false when unknown, spent, expired or another's. */
  redeem(input: { token: string; customerId: string; mandateId: string; now: number }): boolean;
  /** The outbox, newest first; one customer's mail only when `customerId` is given. */
  emails(customerId?: string): SentEmail[];
  clear(): void;
}

interface PendingCode {
  code: string;
  expiresAt: number;
  attempts: number;
}

interface IssuedToken {
  customerId: string;
  mandateId: string;
  expiresAt: number;
}

function sameCode(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Drops the oldest entries (a Map iterates in insertion order) beyond `cap`. */
function trim<Value>(map: Map<string, Value>, cap: number): void {
  for (const key of map.keys()) {
    if (map.size <= cap) return;
    map.delete(key);
  }
}

export function createOneTimeCodes(): OneTimeCodes {
  let outbox: SentEmail[] = [];
  const codes = new Map<string, PendingCode>();
  const tokens = new Map<string, IssuedToken>();
  const slot = (customerId: string, mandateId: string) => `${customerId}:${mandateId}`;

  return {
    send({ customerId, mandateId, to, now }) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
      const expiresAt = now + CODE_TTL_MS;
      const key = slot(customerId, mandateId);
      // Re-inserted, so the Map's order stays oldest first for trim().
      codes.delete(key);
      codes.set(key, { code, expiresAt, attempts: 0 });
      trim(codes, MAX_CODES);
      const email: SentEmail = {
        customer_id: customerId,
        mandate_id: mandateId,
        to,
        subject: "Your code to change your Direct Debit bank details",
        text: `Your code is ${code}. It expires in ${CODE_TTL_MS / 60_000} minutes. If you did not ask to change your bank details, contact us.`,
        code,
        sent_at: toIso(now),
        expires_at: toIso(expiresAt),
      };
      outbox.push(email);
      if (outbox.length > MAX_EMAILS) outbox = outbox.slice(-MAX_EMAILS);
      return { ...email };
    },
    verify({ customerId, mandateId, code, now }) {
      const key = slot(customerId, mandateId);
      const pending = codes.get(key);
      if (!pending) return { kind: "none" };
      if (now >= pending.expiresAt) return { kind: "expired" };
      pending.attempts += 1;
      if (pending.attempts > MAX_ATTEMPTS) return { kind: "too_many" };
      if (!sameCode(pending.code, code)) return { kind: "wrong" };
      codes.delete(key);
      const token = `vt_${randomBytes(24).toString("base64url")}`;
      tokens.set(token, { customerId, mandateId, expiresAt: pending.expiresAt });
      trim(tokens, MAX_TOKENS);
      return { kind: "verified", token };
    },
    redeem({ token, customerId, mandateId, now }) {
      const issued = tokens.get(token);
      if (!issued || issued.customerId !== customerId || issued.mandateId !== mandateId) return false;
      tokens.delete(token);
      return now < issued.expiresAt;
    },
    emails: (customerId) =>
      outbox
        .filter((email) => customerId === undefined || email.customer_id === customerId)
        .reverse()
        .map((email) => ({ ...email })),
    clear() {
      outbox = [];
      codes.clear();
      tokens.clear();
    },
  };
}
