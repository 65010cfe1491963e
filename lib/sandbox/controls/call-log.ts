// Counts and a short log of API calls, so tests and developers can check that the app
// retried, cached or gave up as intended. Entries hold the path and query, never a header
// as it was sent, so never a merchant key or portal token. The Idempotency-Key is kept only as
// a short hash: enough to see that a retry reused its key, while the key itself, which
// would let anyone reading the log replay or block that write, stays out.
import { createHash } from "node:crypto";
import { OPERATION_NAMES, type OperationName } from "../api/operations";
import type { FaultKind } from "./faults";

const CALL_LOG_LIMIT = 500;

export interface CallLogEntry {
  operation: OperationName;
  method: string;
  path: string;
  /** null when no answer was given: the connection was dropped or the caller aborted. */
  status: number | null;
  fault: FaultKind | null;
  /** The first 16 hex digits of the SHA-256 of the call's Idempotency-Key; null without one. */
  idempotency_key_hash: string | null;
  /** Whether the answer was a stored one, replayed for a key seen before: the operation did not run again. */
  replayed: boolean;
  at: string;
}

export interface CallSummary {
  total: number;
  by_operation: Record<OperationName, number>;
  log: CallLogEntry[];
}

export interface CallLog {
  record(entry: CallLogEntry): void;
  summary(): CallSummary;
  clear(): void;
}

export function idempotencyKeyHash(key: string | null): string | null {
  return key === null ? null : createHash("sha256").update(key).digest("hex").slice(0, 16);
}

function zeroCounts(): Record<OperationName, number> {
  return Object.fromEntries(OPERATION_NAMES.map((name) => [name, 0])) as Record<OperationName, number>;
}

export function createCallLog(): CallLog {
  let total = 0;
  let counts = zeroCounts();
  let log: CallLogEntry[] = [];
  return {
    record(entry) {
      total += 1;
      counts[entry.operation] += 1;
      log.push(entry);
      if (log.length > CALL_LOG_LIMIT) log = log.slice(-CALL_LOG_LIMIT);
    },
    summary: () => ({ total, by_operation: { ...counts }, log: log.map((entry) => ({ ...entry })) }),
    clear() {
      total = 0;
      counts = zeroCounts();
      log = [];
    },
  };
}
