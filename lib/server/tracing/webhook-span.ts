import "server-only";
// One span per webhook delivery (lib/server/webhooks/receive-webhook.ts): the event's type and id
// once its signature holds, and what came of it. Never the body, the signature or the secret.
import type { Span } from "@opentelemetry/api";
import { inSpan } from "./tracer";

/** What came of a delivery: the handler's outcome, or why it went no further. */
export type WebhookSpanOutcome = "linked" | "already_linked" | "invalidated" | "ignored" | "duplicate" | "refused" | "not_recorded" | "failed" | "not_set_up";

export type WebhookTrace = {
  verified(event: { id: string; type: string }): void;
  outcome(outcome: WebhookSpanOutcome): void;
};

function webhookTrace(span: Span): WebhookTrace {
  return {
    verified(event) {
      span.setAttribute("revkeen.webhook.event_type", event.type);
      span.setAttribute("revkeen.webhook.event_id", event.id);
    },
    outcome(outcome) {
      span.setAttribute("revkeen.webhook.outcome", outcome);
    },
  };
}

export function traceWebhook(run: (trace: WebhookTrace) => Promise<Response>): Promise<Response> {
  return inSpan("RevKeen webhook", { errorType: (error) => (error instanceof Error ? error.name : typeof error) }, (span) => run(webhookTrace(span)));
}
