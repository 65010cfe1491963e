import "server-only";
// POST /api/webhooks/revkeen: RevKeen telling the app that something changed. The signature is
// checked before anything is parsed (the official SDK's constructEvent: HMAC-SHA256 over the raw
// body, any one of several v1, 300 s tolerance, constant-time); each event is handled once, by its
// id (lib/server/database/webhook-events.ts); the answer goes back fast.
import { constructEvent, WebhookSignatureVerificationError } from "@revkeen/sdk/webhooks";
import { withDatabase } from "@/lib/server/database/client";
import { claimEvent, releaseEvent } from "@/lib/server/database/webhook-events";
import { log } from "@/lib/server/logging/log";
import { readBoundedText } from "@/lib/server/security/bounded-body";
import { traceWebhook, type WebhookTrace } from "@/lib/server/tracing/webhook-span";
import { handleEvent } from "./handle-event";
import { type WebhookEvent, webhookEventSchema } from "./webhook-event";
import { webhookSecret } from "./webhook-secret";

/**
 * An event carries one object (a customer, a subscription, an invoice with its lines): a few KiB.
 * The cap leaves a wide margin for that and stops anyone without the secret from making the server
 * hold more per request, since the signature can only be checked once the whole body is in.
 */
const MAX_WEBHOOK_BYTES = 256 * 1024;

function answer(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

/** Why a delivery was refused, in words that quote neither the secret nor the signature. */
function refusal(error: unknown): string {
  if (!(error instanceof WebhookSignatureVerificationError)) return "not an event (missing id, type, created or data)";
  if (/missing/i.test(error.message)) return "no signature";
  if (/tolerance/i.test(error.message)) return "timestamp more than 300 s from now";
  if (/JSON/i.test(error.message)) return "body is not JSON";
  if (/header/i.test(error.message)) return "signature header is malformed";
  return "signature does not match";
}

export function receiveWebhook(request: Request): Promise<Response> {
  return traceWebhook((trace) => receive(request, trace));
}

async function receive(request: Request, trace: WebhookTrace): Promise<Response> {
  const secret = webhookSecret();
  if (!secret) {
    trace.outcome("not_set_up");
    log.error("webhook.no_secret", { detail: "REVKEEN_WEBHOOK_SECRET is not set: copy the endpoint's rk_wh_ secret from RevKeen" });
    return answer(503, { error: "Webhooks are not set up on this server." });
  }
  // The exact bytes RevKeen signed: parsed only once the signature holds.
  const raw = await readBoundedText(request, MAX_WEBHOOK_BYTES);
  if (raw === null) {
    log.warn("webhook.refused", { reason: "body over 256 KiB" });
    trace.outcome("refused");
    return answer(413, { error: "The webhook is too large." });
  }
  let event: WebhookEvent;
  try {
    event = webhookEventSchema.parse(constructEvent(raw, request.headers.get("x-revkeen-signature") ?? "", secret));
  } catch (error) {
    log.warn("webhook.refused", { reason: refusal(error) });
    trace.outcome("refused");
    return answer(400, { error: "The webhook could not be verified." });
  }

  trace.verified(event);
  try {
    if (!(await withDatabase("webhook_events.claim", (db) => claimEvent(db, event.id, event.type)))) {
      log.info("webhook.duplicate", { event_id: event.id, type: event.type });
      trace.outcome("duplicate");
      return answer(200, { received: true, duplicate: true });
    }
  } catch {
    // withDatabase has logged why; RevKeen tries again later.
    trace.outcome("not_recorded");
    return answer(503, { error: "The event could not be recorded; try again." });
  }
  try {
    const outcome = await handleEvent(event);
    log.info("webhook.handled", { event_id: event.id, type: event.type, outcome });
    trace.outcome(outcome);
  } catch (error) {
    // Given back, so RevKeen's next attempt is handled rather than taken for a repeat.
    await withDatabase("webhook_events.release", (db) => releaseEvent(db, event.id)).catch(() => undefined);
    trace.outcome("failed");
    log.error("webhook.failed", { event_id: event.id, type: event.type, name: error instanceof Error ? error.name : typeof error });
    return answer(500, { error: "The event could not be handled; try again." });
  }
  return answer(200, { received: true });
}
