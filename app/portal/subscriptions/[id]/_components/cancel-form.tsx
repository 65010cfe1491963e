"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { cancelConsequence } from "@/lib/shared/billing/cancel-outcome";
import { commentLimit } from "@/lib/shared/billing/cancel-policy";
import { formatDate } from "@/lib/shared/format/format-date";
import type { CancelOptions } from "@/lib/shared/billing/portal-options";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { isScheduledToCancel } from "@/lib/shared/billing/subscription-status";
import { useHydrated } from "../../../_components/use-hydrated";

type When = "period_end" | "now";

type CancelFormProps = {
  subscription: PortalSubscription;
  locale: string;
  options: CancelOptions;
  /** The server action (cancelSubscriptionAction through useActionState): the form's action without JavaScript. */
  action: (form: FormData) => void;
  /** Rendered with the form: one intent, one key, however often it is sent. */
  idempotencyKey: string;
  pending?: boolean;
  /** With JavaScript: sends the form by script, and closes it. */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  onKeep?: () => void;
  /** A choice changed: a new intent. */
  onEdit?: () => void;
};

/** The confirm step: when it ends (if there is a choice), why, and the ways out. */
export function CancelForm({ subscription, locale, options, action, idempotencyKey, pending = false, onSubmit, onKeep, onEdit }: CancelFormProps) {
  const hydrated = useHydrated();
  const [when, setWhen] = useState<When>("period_end");
  const [choice, setChoice] = useState<string | null>(null);
  const [comment, setComment] = useState("");
  const ids = useId();
  const form = useRef<HTMLFormElement>(null);

  // Keyboard and screen-reader users land on the step they opened, which announces its name.
  useEffect(() => form.current?.focus(), []);

  // Already scheduled: the only change left is to end it now.
  const scheduled = isScheduledToCancel(subscription);
  const choosesWhen = !scheduled && options.cancelNow;
  const atPeriodEnd = !scheduled && (when === "period_end" || !options.cancelNow);
  const periodEnd = formatDate(subscription.current_period_end, locale);
  const limit = commentLimit(choice);
  // Choosing a reason after writing a long comment can leave it over the limit: say so, cut nothing.
  const excess = comment.length - limit;
  const offersChoices = options.cancelReasons.length > 0;

  function submit(event: FormEvent<HTMLFormElement>) {
    if (excess > 0) event.preventDefault();
    else onSubmit?.(event);
  }

  return (
    <form className="stack" action={action} onSubmit={submit} onChange={onEdit} aria-label="Confirm cancellation" ref={form} tabIndex={-1}>
      <input type="hidden" name="subscriptionId" value={subscription.id} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {choosesWhen ? (
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
      ) : (
        <input type="hidden" name="when" value={atPeriodEnd ? "period_end" : "now"} />
      )}
      <p className="notice" data-testid="cancel-consequence">
        {/* Without JavaScript the sentence cannot follow the choice. */}
        {choosesWhen && !hydrated ? "Either way, you won't be charged again." : cancelConsequence(subscription, atPeriodEnd, locale)}
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
        {onKeep && (
          <button type="button" className="button" onClick={onKeep} disabled={pending}>
            Keep subscription
          </button>
        )}
      </div>
    </form>
  );
}
