// Injected misbehaviour for the next N calls of chosen operations: error statuses, slow
// answers, dropped connections, broken JSON. These strike before the operation runs, so a
// faulted cancel has not cancelled anything and a retry cancels exactly once. One kind strikes
// after: `lose_answer` lets the operation run (and its answer be stored under the call's
// Idempotency-Key), then drops the connection or answers a 5xx instead. That is the failure
// idempotency exists for: only a retry under the same key acts once.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { ApiError, type ErrorCode, errorReply } from "../http/errors";
import { OPERATION_NAMES, type OperationName } from "../api/operations";
import { rawJsonReply, type Reply } from "../http/reply";

export type FaultKind = "status" | "delay" | "drop" | "malformed" | "lose-answer";

/**
 * What `handle()` rejects with when a fault drops the connection: a TypeError("fetch
 * failed"), like fetch's own network errors, so in-process callers see a network failure.
 * The standalone server recognises it and destroys the socket instead of answering.
 */
export class SandboxConnectionDrop extends TypeError {
  constructor() {
    super("fetch failed", { cause: new Error("The sandbox dropped the connection (injected fault).") });
    this.name = "TypeError";
  }
}

const TEN_YEARS_S = 10 * 366 * 86_400;
const operationSchema = z.enum(OPERATION_NAMES, { error: `must be one of ${OPERATION_NAMES.join(", ")}` });

export const faultRequestSchema = z
  .object({
    operation: z.union([operationSchema, z.array(operationSchema).min(1, "must name at least one operation")]).optional(),
    count: z.int("must be a whole number").min(1, "must be at least 1").max(10_000, "must be at most 10000").default(1),
    status: z.int("must be a whole number").min(400, "must be an HTTP error status (400–599)").max(599, "must be an HTTP error status (400–599)").optional(),
    retry_after: z.int("must be a whole number of seconds").min(0, "must not be negative").max(TEN_YEARS_S, "is too long").optional(),
    delay_ms: z.int("must be a whole number of milliseconds").min(0, "must not be negative").max(60_000, "must be at most 60000").optional(),
    drop: z.literal(true, "can only be true").optional(),
    malformed: z.literal(true, "can only be true").optional(),
    lose_answer: z.literal(true, "can only be true").optional(),
  })
  .superRefine((spec, ctx) => {
    const outcomes = [spec.status !== undefined, spec.drop === true, spec.malformed === true].filter(Boolean).length;
    if (outcomes > 1) {
      ctx.addIssue({ code: "custom", path: ["fault"], message: "choose one of status, drop and malformed (delay_ms combines with any)" });
    }
    if (outcomes === 0 && spec.delay_ms === undefined && spec.lose_answer !== true) {
      ctx.addIssue({ code: "custom", path: ["fault"], message: "say what should go wrong: status, delay_ms, drop, malformed or lose_answer" });
    }
    if (spec.lose_answer === true && (spec.drop === true || spec.malformed === true || (spec.status !== undefined && spec.status < 500))) {
      ctx.addIssue({ code: "custom", path: ["lose_answer"], message: "drops the connection, or answers a status of 500–599 when one is given" });
    }
    if (spec.retry_after !== undefined && spec.status !== 429 && spec.status !== 503) {
      ctx.addIssue({ code: "custom", path: ["retry_after"], message: "only applies with status 429 or 503" });
    }
  });

export type FaultRequest = z.output<typeof faultRequestSchema>;

export interface PendingFault {
  id: string;
  operations: OperationName[];
  remaining: number;
  status: number | null;
  retry_after: number | null;
  delay_ms: number | null;
  drop: boolean;
  malformed: boolean;
  /** The operation runs first; its answer is then lost (a dropped connection, or `status`). */
  lose_answer: boolean;
}

/** Faults waiting at once, at most: a script posting faults in a loop fills no memory. */
const MAX_PENDING = 100;

export interface FaultQueue {
  /** Queues a fault; a 429 ApiError when MAX_PENDING are already waiting. */
  add(request: FaultRequest): PendingFault;
  /** The first pending fault for `operation`, counted down by one use. */
  take(operation: OperationName): PendingFault | null;
  list(): PendingFault[];
  clear(): number;
}

export function createFaultQueue(): FaultQueue {
  let pending: PendingFault[] = [];
  return {
    add(request) {
      if (pending.length >= MAX_PENDING) {
        throw new ApiError("rate_limited", `At most ${MAX_PENDING} faults can wait at once: clear them with DELETE /__sandbox/faults.`);
      }
      const operations = request.operation === undefined ? [...OPERATION_NAMES] : [request.operation].flat();
      const fault: PendingFault = {
        id: randomUUID(),
        operations,
        remaining: request.count,
        status: request.status ?? null,
        retry_after: request.retry_after ?? null,
        delay_ms: request.delay_ms ?? null,
        drop: request.drop ?? false,
        malformed: request.malformed ?? false,
        lose_answer: request.lose_answer ?? false,
      };
      pending.push(fault);
      return { ...fault, operations: [...operations] };
    },
    take(operation) {
      const fault = pending.find((candidate) => candidate.operations.includes(operation));
      if (!fault) return null;
      fault.remaining -= 1;
      if (fault.remaining <= 0) pending = pending.filter((candidate) => candidate !== fault);
      return { ...fault };
    },
    list: () => pending.map((fault) => ({ ...fault, operations: [...fault.operations] })),
    clear() {
      const cleared = pending.length;
      pending = [];
      return cleared;
    },
  };
}

export function faultKind(fault: PendingFault): FaultKind {
  if (fault.lose_answer) return "lose-answer";
  if (fault.drop) return "drop";
  if (fault.malformed) return "malformed";
  if (fault.status !== null) return "status";
  return "delay";
}

/** Waits, unless the caller gives up first: then rejects with the abort reason, as fetch does. */
export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return "unauthenticated";
  if (status === 404) return "resource_missing";
  if (status === 429) return "rate_limited";
  if (status === 503) return "service_unavailable";
  return status >= 500 ? "internal_error" : "invalid_request";
}

/**
 * Plays a fault: waits first if it has a delay, then returns the reply that replaces the
 * real answer, or null to let the operation run normally. A drop rejects instead. A
 * `lose_answer` fault is played after the operation ran, in place of its answer.
 */
export async function playFault(fault: PendingFault, signal: AbortSignal): Promise<Reply | null> {
  if (fault.delay_ms !== null && fault.delay_ms > 0) await delay(fault.delay_ms, signal);
  if (fault.drop || (fault.lose_answer && fault.status === null)) throw new SandboxConnectionDrop();
  if (fault.malformed) return rawJsonReply(200, '{"data":{"id":"6f1c2a4e-1b7d-4c3a-9e2f-');
  if (fault.status === null) return null;
  const headers: Record<string, string> = fault.retry_after === null ? {} : { "retry-after": String(fault.retry_after) };
  const message = `Injected by the sandbox: a simulated ${fault.status} (POST /__sandbox/faults).`;
  return errorReply(new ApiError(codeForStatus(fault.status), message, { status: fault.status, headers }));
}
