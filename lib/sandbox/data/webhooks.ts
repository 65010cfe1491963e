// The webhooks the sandbox sends about its own changes, as RevKeen sends them: a JSON event
// signed with `X-Revkeen-Signature: t=…,v1=…` (hex HMAC-SHA256 of `${t}.${body}` under the
// endpoint's secret), delivered at least once to one endpoint and retried with backoff, a bounded
// number of times, when the endpoint fails or cannot be reached. Faults make a delivery arrive
// twice, late (after the next event), with a wrong signature, or find the endpoint down.
import { createHmac, randomUUID } from "node:crypto";
import { z } from "zod";

export const WEBHOOK_FAULT_KINDS = ["duplicate", "out_of_order", "bad_signature", "endpoint_down"] as const;
export type WebhookFaultKind = (typeof WEBHOOK_FAULT_KINDS)[number];

export const webhookFaultSchema = z.object(
  {
    kind: z.enum(WEBHOOK_FAULT_KINDS, `must be one of ${WEBHOOK_FAULT_KINDS.join(", ")}`),
    count: z.int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").default(1),
  },
  "must be a JSON object",
);

/** The API version the events are rendered in, sent as X-Revkeen-Version. */
const EVENT_VERSION = "2026-05-01";
/** Attempts after the first, this long apart: about half a minute in all, then the delivery has failed. */
const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 16_000];
/** Deliveries remembered at once, oldest out first. */
const MAX_DELIVERIES = 200;
/**
 * An event held back (out_of_order) goes out after the next one, or after this long if none comes:
 * long enough for a person, or a test on a busy machine, to cause the next one.
 */
const HOLD_AT_MOST_MS = 10_000;
const MAX_FAULTS = 100;

export interface WebhookEvent {
  id: string;
  object: "event";
  type: string;
  /** Unix seconds of sandbox time: when the change happened in the merchant's world. */
  created: number;
  livemode: false;
  data: { object: Record<string, unknown>; previous_attributes?: Record<string, unknown> };
}

export interface DeliveryAttempt {
  at: string;
  /** The endpoint's HTTP status, or null when it could not be reached. */
  status: number | null;
  /** The start of what the endpoint answered, for a developer reading why. */
  answer: string | null;
  error: string | null;
  fault: WebhookFaultKind | null;
}

export interface Delivery {
  id: string;
  event_type: string;
  state: "pending" | "delivered" | "failed" | "no_endpoint";
  endpoint: string | null;
  attempts: DeliveryAttempt[];
  event: WebhookEvent;
}

export interface WebhookOptions {
  /** The endpoint's signing secret (rk_wh_…). */
  secret: string;
  /** Where deliveries go, asked at each attempt; null: nowhere yet (they wait as no_endpoint). */
  endpoint: () => string | null;
  /** Sandbox time, for the events' `created`. Signatures use real time: receivers compare with their own clock. */
  sandboxNow: () => number;
  /** Retry delays; tests shorten them. */
  retryDelaysMs?: readonly number[];
  /** The HTTP client; tests pass their own. */
  fetch?: typeof fetch;
}

export interface WebhookSender {
  /** Records a change as an event and starts delivering it. */
  emit(type: string, object: Record<string, unknown>, previousAttributes?: Record<string, unknown>): WebhookEvent;
  /** Every delivery, newest first, with its attempts and the endpoint's answers. */
  deliveries(): Delivery[];
  /** Delivers an event again (the same event id: a receiver must process it once). */
  resend(id: string): Delivery | null;
  addFault(kind: WebhookFaultKind, count: number): { kind: WebhookFaultKind; remaining: number };
  /** Drops the waiting faults; answers how many there were. */
  clearFaults(): number;
  /** Resolves once no delivery is waiting to be attempted or in flight. */
  settled(): Promise<void>;
  /** Forgets every delivery and fault; attempts already scheduled do nothing. */
  clear(): void;
}

/** `t=…,v1=…` for `body`, as RevKeen signs it. */
export function signWebhook(body: string, secret: string, timestampSeconds: number): string {
  const signature = createHmac("sha256", secret).update(`${timestampSeconds}.${body}`, "utf8").digest("hex");
  return `t=${timestampSeconds},v1=${signature}`;
}

export function createWebhookSender(options: WebhookOptions): WebhookSender {
  const retryDelays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  const send = options.fetch ?? fetch;
  let generation = 0;
  let deliveries = new Map<string, Delivery>();
  let faults: { kind: WebhookFaultKind; remaining: number }[] = [];
  /** An event held back by an out_of_order fault, sent after the next event's first attempt. */
  let held: Delivery | null = null;
  /** Stops the wait that would send the held event had no other come. */
  let stopHolding = () => {};
  let inFlight = 0;
  let waiting: (() => void)[] = [];

  function takeFault(kinds: readonly WebhookFaultKind[]): WebhookFaultKind | null {
    const fault = faults.find((candidate) => kinds.includes(candidate.kind));
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) faults = faults.filter((candidate) => candidate !== fault);
    return fault.kind;
  }

  function track(work: Promise<void>): void {
    inFlight += 1;
    void work.finally(() => {
      inFlight -= 1;
      if (inFlight === 0) {
        const done = waiting;
        waiting = [];
        for (const resolve of done) resolve();
      }
    });
  }

  /** Runs `run` after `delayMs`; the function it returns calls that off. */
  function later(delayMs: number, run: () => Promise<void>): () => void {
    const mine = generation;
    let stop = () => {};
    track(
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          if (mine !== generation) return resolve();
          void run().finally(resolve);
        }, delayMs);
        timer.unref?.();
        stop = () => {
          clearTimeout(timer);
          resolve();
        };
      }),
    );
    return stop;
  }

  async function attempt(delivery: Delivery, number: number, forcedFault: WebhookFaultKind | null = null): Promise<void> {
    const endpoint = options.endpoint();
    delivery.endpoint = endpoint;
    if (endpoint === null) {
      delivery.state = "no_endpoint";
      return;
    }
    const fault = forcedFault ?? takeFault(["bad_signature", "endpoint_down"]);
    const record: DeliveryAttempt = { at: new Date().toISOString(), status: null, answer: null, error: null, fault };
    delivery.attempts.push(record);
    if (fault === "endpoint_down") {
      record.error = "connection refused (injected: endpoint_down)";
    } else {
      const body = JSON.stringify(delivery.event);
      const secret = fault === "bad_signature" ? `${options.secret}_not_this_one` : options.secret;
      const timestamp = Math.floor(Date.now() / 1000);
      try {
        const response = await send(endpoint, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-revkeen-signature": signWebhook(body, secret, timestamp),
            "x-revkeen-event-id": delivery.event.id,
            "x-revkeen-timestamp": String(timestamp),
            "x-revkeen-version": EVENT_VERSION,
          },
          body,
          redirect: "manual",
          signal: AbortSignal.timeout(10_000),
        });
        record.status = response.status;
        record.answer = (await response.text().catch(() => "")).slice(0, 200);
      } catch (error) {
        record.error = error instanceof Error ? error.name : "network error";
      }
    }
    if (record.status !== null && record.status >= 200 && record.status < 300) {
      delivery.state = "delivered";
      return;
    }
    const delay = retryDelays[number - 1];
    if (delay === undefined) {
      delivery.state = "failed";
      return;
    }
    delivery.state = "pending";
    later(delay, () => attempt(delivery, number + 1));
  }

  function remember(delivery: Delivery): void {
    deliveries.set(delivery.id, delivery);
    for (const id of deliveries.keys()) {
      if (deliveries.size <= MAX_DELIVERIES) break;
      deliveries.delete(id);
    }
  }

  function start(delivery: Delivery): void {
    const fault = takeFault(["duplicate", "out_of_order"]);
    const releasing = held;
    if (fault === "out_of_order") {
      // Sent once the next event has gone: the receiver sees the newer one first.
      held = delivery;
      stopHolding = later(HOLD_AT_MOST_MS, async () => {
        if (held !== delivery) return;
        held = null;
        await attempt(delivery, 1);
      });
      return;
    }
    held = null;
    // The held event goes out after this one, not when the wait ends.
    stopHolding();
    later(0, async () => {
      await attempt(delivery, 1);
      if (fault === "duplicate") await attempt(delivery, 1, null);
      if (releasing) await attempt(releasing, 1);
    });
  }

  return {
    emit(type, object, previousAttributes) {
      const event: WebhookEvent = {
        id: `evt_${randomUUID().replaceAll("-", "")}`,
        object: "event",
        type,
        created: Math.floor(options.sandboxNow() / 1000),
        livemode: false,
        data: previousAttributes ? { object, previous_attributes: previousAttributes } : { object },
      };
      const delivery: Delivery = { id: event.id, event_type: type, state: "pending", endpoint: null, attempts: [], event };
      remember(delivery);
      start(delivery);
      return event;
    },
    deliveries: () => [...deliveries.values()].reverse().map((delivery) => structuredClone(delivery)),
    resend(id) {
      const delivery = deliveries.get(id);
      if (!delivery) return null;
      delivery.state = "pending";
      later(0, () => attempt(delivery, 1));
      return structuredClone(delivery);
    },
    addFault(kind, count) {
      if (faults.length >= MAX_FAULTS) throw new RangeError(`At most ${MAX_FAULTS} webhook faults can wait at once.`);
      const fault = { kind, remaining: count };
      faults.push(fault);
      return { ...fault };
    },
    clearFaults() {
      const cleared = faults.length;
      faults = [];
      return cleared;
    },
    settled: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))),
    clear() {
      generation += 1;
      deliveries = new Map();
      faults = [];
      held = null;
    },
  };
}
