// Idempotency-Key: a retried mint or cancel replays the first answer instead of acting
// twice. Keys are scoped per credential, so two customers cannot collide or see each
// other's stored answers, and they live 24 hours of sandbox time. At most MAX_STORED answers
// are kept, oldest out first, so a flood of fresh keys costs bounded memory and time.
import { createHash } from "node:crypto";
import { ApiError, errorReply } from "../http/errors";
import type { Reply } from "../http/reply";

const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
const MAX_KEY_LENGTH = 255;
const MAX_STORED = 10_000;

interface StoredReply {
  fingerprint: string;
  storedAt: number;
  reply: Reply;
}

export interface IdempotencyRequest {
  /** Whose key space: the merchant key for mint, the customer for cancel. */
  scope: string;
  key: string | null;
  method: string;
  path: string;
  body: string;
}

export interface IdempotencyStore {
  /** Runs `work` once per (scope, key); replays its reply for an identical retry. */
  run(request: IdempotencyRequest, now: number, work: () => Reply): Reply;
  /** How many answers are remembered. */
  size(): number;
  clear(): void;
}

/** The header's value, null when absent; 400 when empty or too long. */
export function readIdempotencyKey(request: Request): string | null {
  const key = request.headers.get("idempotency-key");
  if (key === null) return null;
  if (key.trim() === "") throw new ApiError("invalid_request", "Idempotency-Key must not be empty (a UUID v4 is recommended).");
  if (key.length > MAX_KEY_LENGTH) {
    throw new ApiError("invalid_request", `Idempotency-Key must be at most ${MAX_KEY_LENGTH} characters (a UUID v4 is recommended).`);
  }
  return key;
}

function fingerprintOf(request: IdempotencyRequest): string {
  return createHash("sha256").update(`${request.method}\n${request.path}\n${request.body}`).digest("hex");
}

export function createIdempotencyStore(): IdempotencyStore {
  const stored = new Map<string, StoredReply>();

  // A Map iterates in insertion order, which is storedAt order (sandbox time never goes back
  // without a reset, which empties the store): the expired entries are the ones at the front.
  function forgetExpired(now: number): void {
    for (const [entryKey, entry] of stored) {
      if (now - entry.storedAt < IDEMPOTENCY_TTL_MS) return;
      stored.delete(entryKey);
    }
  }

  function forgetOldestBeyondCap(): void {
    for (const entryKey of stored.keys()) {
      if (stored.size <= MAX_STORED) return;
      stored.delete(entryKey);
    }
  }

  return {
    run(request, now, work) {
      if (request.key === null) return work();
      forgetExpired(now);
      // Hashed: a 255-character key costs 64 characters to remember.
      const entryKey = createHash("sha256").update(`${request.scope}\n${request.key}`).digest("hex");
      const fingerprint = fingerprintOf(request);
      const previous = stored.get(entryKey);
      if (previous) {
        if (previous.fingerprint !== fingerprint) {
          throw new ApiError(
            "idempotency_key_reused",
            "This Idempotency-Key was already used with a different request (method, path or body). Use a new key for a new request.",
          );
        }
        return { ...previous.reply, headers: { ...previous.reply.headers, "idempotent-replayed": "true" } };
      }
      // Only work that ran is stored: validation failures happen before this point and
      // are not remembered, so a corrected retry with the same key goes through.
      let reply: Reply;
      try {
        reply = work();
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        reply = errorReply(error);
      }
      if (reply.status < 500) {
        stored.set(entryKey, { fingerprint, storedAt: now, reply });
        forgetOldestBeyondCap();
      }
      return reply;
    },
    size: () => stored.size,
    clear() {
      stored.clear();
    },
  };
}
