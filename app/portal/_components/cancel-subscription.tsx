"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { cancelConsequence } from "@/lib/cancel-outcome";
import { formatDate } from "@/lib/format-date";
import type { PortalSubscription } from "@/lib/revkeen/schemas";
import { isScheduledToCancel } from "@/lib/subscription-status";
import { useCancelSubscription } from "./use-cancel-subscription";

const REASON_LIMIT = 500;

type When = "period_end" | "now";

export function CancelSubscription({ subscription, locale }: { subscription: PortalSubscription; locale: string }) {
  const { state, cancel, retry, pending } = useCancelSubscription(subscription, locale);
  const [open, setOpen] = useState(false);
  const [when, setWhen] = useState<When>("period_end");
  const [reason, setReason] = useState("");
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const ids = useId();

  const canceled = subscription.status === "canceled";
  // Already scheduled: the only change left is to end it now.
  const scheduled = isScheduledToCancel(subscription);
  const atPeriodEnd = !scheduled && when === "period_end";
  const periodEnd = formatDate(subscription.current_period_end, locale);

  // Keyboard and screen-reader users land on the step they opened, and back where they were.
  useEffect(() => {
    if (open) confirmHeading.current?.focus();
    else if (wasOpen.current) openButton.current?.focus();
    wasOpen.current = open;
  }, [open]);

  function finish(succeeded: boolean) {
    if (!succeeded) return;
    setOpen(false);
    setReason("");
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = reason.trim();
    void cancel({ cancel_at_period_end: atPeriodEnd, ...(trimmed ? { reason: trimmed } : {}) }).then(finish);
  }

  if (canceled && state.status === "idle") return null;

  return (
    <section className="card stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{scheduled || canceled ? "End it now" : "Cancel subscription"}</h2>
      {!canceled && !open && (
        <div>
          <button type="button" className="button" ref={openButton} onClick={() => setOpen(true)}>
            {scheduled ? "Cancel now instead" : "Cancel subscription"}
          </button>
        </div>
      )}
      {!canceled && open && (
        <form className="stack" onSubmit={onSubmit} aria-labelledby={`${ids}-confirm`}>
          <h3 id={`${ids}-confirm`} ref={confirmHeading} tabIndex={-1}>
            Confirm cancellation
          </h3>
          {!scheduled && (
            <fieldset className="choices">
              <legend>When should it end?</legend>
              <label className="choice">
                <input type="radio" name="when" value="period_end" checked={when === "period_end"} onChange={() => setWhen("period_end")} />
                <span>At the end of the current period{periodEnd ? ` (${periodEnd})` : ""}</span>
              </label>
              <label className="choice">
                <input type="radio" name="when" value="now" checked={when === "now"} onChange={() => setWhen("now")} />
                <span>Now</span>
              </label>
            </fieldset>
          )}
          <p className="notice" data-testid="cancel-consequence">
            {cancelConsequence(subscription, atPeriodEnd, locale)}
          </p>
          <div className="field">
            <label htmlFor={`${ids}-reason`}>Why are you leaving? (optional)</label>
            <textarea
              id={`${ids}-reason`}
              name="reason"
              rows={3}
              maxLength={REASON_LIMIT}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              aria-describedby={`${ids}-count`}
            />
            <p id={`${ids}-count`} className="muted field-hint" aria-live="polite">
              {reason.length} of {REASON_LIMIT} characters
            </p>
          </div>
          <div className="actions">
            <button type="submit" className="button button-danger" disabled={pending} aria-disabled={pending}>
              {pending ? "Canceling…" : "Confirm cancellation"}
            </button>
            <button type="button" className="button" onClick={() => setOpen(false)} disabled={pending}>
              Keep subscription
            </button>
          </div>
        </form>
      )}
      <div role="status" aria-live="polite" data-testid="cancel-status" className={state.status === "failed" ? "notice notice-error" : state.status === "done" ? "notice" : undefined}>
        {state.status === "pending" && <span className="visually-hidden">Canceling your subscription…</span>}
        {(state.status === "done" || state.status === "failed") && <span>{state.message}</span>}
        {state.status === "failed" && (
          <>
            {" "}
            <button type="button" className="button-link" onClick={() => void retry().then(finish)}>
              Try again
            </button>
          </>
        )}
      </div>
    </section>
  );
}
