"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { cancelConsequence } from "@/lib/shared/billing/cancel-outcome";
import { cancelReasonText, commentLimit } from "@/lib/shared/billing/cancel-policy";
import { formatDate } from "@/lib/shared/format/format-date";
import type { CancelOptions } from "@/lib/shared/billing/portal-options";
import type { CancelSubscriptionBody, PortalSubscription } from "@/lib/shared/revkeen-api/schemas";
import { isScheduledToCancel } from "@/lib/shared/billing/subscription-status";

type When = "period_end" | "now";

type CancelFormProps = {
  subscription: PortalSubscription;
  locale: string;
  options: CancelOptions;
  pending: boolean;
  onConfirm: (body: CancelSubscriptionBody) => void;
  onKeep: () => void;
};

/** The confirm step: when it ends (if there is a choice), why, and the two ways out. */
export function CancelForm({ subscription, locale, options, pending, onConfirm, onKeep }: CancelFormProps) {
  const [when, setWhen] = useState<When>("period_end");
  const [choice, setChoice] = useState<string | null>(null);
  const [comment, setComment] = useState("");
  const ids = useId();
  const form = useRef<HTMLFormElement>(null);

  // Keyboard and screen-reader users land on the step they opened, which announces its name.
  useEffect(() => form.current?.focus(), []);

  // Already scheduled: the only change left is to end it now.
  const scheduled = isScheduledToCancel(subscription);
  const atPeriodEnd = !scheduled && (when === "period_end" || !options.cancelNow);
  const periodEnd = formatDate(subscription.current_period_end, locale);
  const limit = commentLimit(choice);
  // Choosing a reason after writing a long comment can leave it over the limit: say so, cut nothing.
  const excess = comment.length - limit;
  const offersChoices = options.cancelReasons.length > 0;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (excess > 0) return;
    const reason = cancelReasonText(choice, comment);
    onConfirm({ cancel_at_period_end: atPeriodEnd, ...(reason ? { reason } : {}) });
  }

  return (
    <form className="stack" onSubmit={onSubmit} aria-label="Confirm cancellation" ref={form} tabIndex={-1}>
      {!scheduled && options.cancelNow && (
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
      {offersChoices && (
        <fieldset className="choices">
          <legend>Why are you leaving? (optional)</legend>
          {options.cancelReasons.map((reason) => (
            <label className="choice" key={reason}>
              <input type="radio" name="reason" value={reason} checked={choice === reason} onChange={() => setChoice(reason)} />
              <span>{reason}</span>
            </label>
          ))}
        </fieldset>
      )}
      {options.cancelComment && (
        <div className="field">
          <label htmlFor={`${ids}-comment`}>{offersChoices ? "Anything else you'd like us to know? (optional)" : "Why are you leaving? (optional)"}</label>
          <textarea
            id={`${ids}-comment`}
            name="comment"
            rows={3}
            maxLength={limit}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            aria-describedby={`${ids}-count`}
          />
          <p id={`${ids}-count`} className="muted field-hint" aria-live="polite">
            {excess > 0 ? `${excess} characters too many for the reason you chose` : `${comment.length} of ${limit} characters`}
          </p>
        </div>
      )}
      <div className="actions">
        <button type="submit" className="button button-danger" disabled={pending || excess > 0} aria-disabled={pending || excess > 0}>
          {pending ? "Canceling…" : "Confirm cancellation"}
        </button>
        <button type="button" className="button" onClick={onKeep} disabled={pending}>
          Keep subscription
        </button>
      </div>
    </form>
  );
}
