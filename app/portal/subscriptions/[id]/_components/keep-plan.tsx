"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { useSWRConfig } from "swr";
import { isScheduledToCancel } from "@/lib/shared/billing/subscription-status";
import { formatDate } from "@/lib/shared/format/format-date";
import { IDLE } from "@/lib/shared/portal-api/action-state";
import { holdsSubscriptions, portalKeys } from "@/lib/shared/portal-api/keys";
import { dataBody, type DataBody, type ListBody } from "@/lib/shared/portal-api/payloads";
import { withSubscription } from "@/lib/shared/portal-api/subscription-cache";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { OutcomeStatus } from "../../../_components/outcome-status";
import { useScriptedSubmit } from "../../../_components/use-scripted-submit";
import { keepPlanAction } from "../keep-plan-action";

type Cached = DataBody<PortalSubscription> | ListBody<PortalSubscription>;

function keptMessage(subscription: PortalSubscription, locale: string): string {
  if (isScheduledToCancel(subscription)) return "Your plan is still set to end. Please try again.";
  const renews = formatDate(subscription.current_period_end, locale);
  return renews ? `You're keeping your plan. It renews on ${renews}.` : "You're keeping your plan.";
}

/**
 * "Keep my plan" on a subscription set to end: one plain form, sent by the browser without
 * JavaScript and by script with it (once however often it is pressed). The answer goes into
 * SWR's cache, so the end date gives way to the renewal date at once.
 */
export function KeepPlan({ subscription, locale, idempotencyKey }: { subscription: PortalSubscription; locale: string; idempotencyKey: string }) {
  const [state, dispatch, pending] = useActionState(keepPlanAction, IDLE);
  const form = useScriptedSubmit(dispatch, pending);
  const { mutate } = useSWRConfig();
  // A kept plan that is cancelled again is a new intent, with a key of its own.
  const [key, setKey] = useState(idempotencyKey);
  const outcome = useRef<HTMLDivElement>(null);
  const ids = useId();
  const cacheKey = portalKeys.subscription(subscription.id);

  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    if (state.status === "done") setKey(crypto.randomUUID());
  }

  useEffect(() => {
    if (state.status === "idle") return;
    if (state.status === "done") {
      void mutate(cacheKey, dataBody(state.data), { revalidate: false });
      void mutate<Cached>((candidate) => holdsSubscriptions(candidate) && candidate !== cacheKey, (current) => withSubscription(current, state.data));
    }
    // Keyboard and screen-reader users land on the outcome.
    outcome.current?.focus();
  }, [state, cacheKey, mutate]);

  const scheduled = isScheduledToCancel(subscription);
  const message =
    pending || state.status === "idle"
      ? null
      : state.status === "done"
        ? keptMessage(state.data, locale)
        : `We couldn't keep your plan. ${state.message}`;
  if (!scheduled && message === null && !pending) return null;

  const ends = formatDate(subscription.cancel_at, locale);
  return (
    <section className="card stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>Changed your mind?</h2>
      {scheduled && (
        <form className="stack" action={dispatch} onSubmit={(event) => form.submit(event)} aria-label="Keep my plan">
          <input type="hidden" name="subscriptionId" value={subscription.id} />
          <input type="hidden" name="idempotencyKey" value={key} />
          <p>{ends ? `Your plan ends on ${ends}. Keep it and it renews as before.` : "Keep your plan and it renews as before."}</p>
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={pending} aria-disabled={pending}>
              {pending ? "Keeping your plan…" : "Keep my plan"}
            </button>
          </div>
        </form>
      )}
      <OutcomeStatus
        ref={outcome}
        testId="keep-status"
        tone={message === null ? null : state.status === "failed" ? "error" : "info"}
        pending={pending}
        pendingText="Keeping your plan…"
      >
        {message}
      </OutcomeStatus>
    </section>
  );
}
