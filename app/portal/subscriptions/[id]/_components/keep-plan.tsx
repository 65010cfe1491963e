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
import { fill } from "@/lib/shared/i18n/slots";
import { OutcomeStatus } from "../../../_components/outcome-status";
import { usePortalCopy } from "../../../_components/portal-copy";
import { useScriptedSubmit } from "../../../_components/use-scripted-submit";
import { keepPlanAction } from "../keep-plan-action";

type Cached = DataBody<PortalSubscription> | ListBody<PortalSubscription>;

/** The answer in words: kept, with its renewal date when there is one, or still set to end. */
function keptMessage(subscription: PortalSubscription, locale: string): { key: "stillEnding" | "kept"; values?: undefined } | { key: "keptRenews"; values: { date: string } } {
  if (isScheduledToCancel(subscription)) return { key: "stillEnding" };
  const date = formatDate(subscription.current_period_end, locale);
  return date ? { key: "keptRenews", values: { date } } : { key: "kept" };
}

/**
 * "Keep my plan" on a subscription set to end: one plain form, sent by the browser without
 * JavaScript and by script with it (once however often it is pressed). The answer goes into
 * SWR's cache, so the end date gives way to the renewal date at once.
 */
export function KeepPlan({ subscription, locale, idempotencyKey }: { subscription: PortalSubscription; locale: string; idempotencyKey: string }) {
  const { keep: t, errors } = usePortalCopy();
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
  const kept = state.status === "done" ? keptMessage(state.data, locale) : null;
  const message =
    pending || state.status === "idle"
      ? null
      : state.status === "failed"
        ? fill(t.failed, { message: errors[state.code] })
        : kept?.values
          ? fill(t[kept.key], kept.values)
          : t[kept?.key ?? "kept"];
  if (!scheduled && message === null && !pending) return null;

  const ends = formatDate(subscription.cancel_at, locale);
  return (
    <section className="card stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t.heading}</h2>
      {scheduled && (
        <form className="stack" action={dispatch} onSubmit={(event) => form.submit(event)} aria-label={t.formLabel}>
          <input type="hidden" name="subscriptionId" value={subscription.id} />
          <input type="hidden" name="idempotencyKey" value={key} />
          <p>{ends ? fill(t.endsOn, { date: ends }) : t.keepIt}</p>
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={pending} aria-disabled={pending}>
              {pending ? t.sending : t.submit}
            </button>
          </div>
        </form>
      )}
      <OutcomeStatus
        ref={outcome}
        testId="keep-status"
        tone={message === null ? null : state.status === "failed" ? "error" : "info"}
        pending={pending}
        pendingText={t.sending}
      >
        {message}
      </OutcomeStatus>
    </section>
  );
}
