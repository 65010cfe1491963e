// The cancel form's fields, in the customer's language (words translated by the server): rendered
// on the server as the plain form a browser without JavaScript sends (the choices kept by the
// browser), and by the scripted form (./cancel-form.tsx) with its choices held as state. Neither
// way needs this file in the page's first scripts.
import { cancelConsequence } from "@/lib/shared/billing/cancel-outcome";
import type { CancelFormOptions, CancelFormWords } from "@/lib/shared/billing/cancel-form-options";
import { CANCEL_REASON_LIMIT } from "@/lib/shared/billing/cancel-policy";
import { isScheduledToCancel } from "@/lib/shared/billing/subscription-status";
import { formatDate } from "@/lib/shared/format/format-date";
import { fill } from "@/lib/shared/i18n/slots";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";

export type When = "period_end" | "now";

/** The scripted form's state; left out, the browser keeps the choices. */
export type CancelChoices = {
  when: When;
  onWhen: (when: When) => void;
  reason: string | null;
  onReason: (reason: string) => void;
  comment: string;
  onComment: (comment: string) => void;
  /** Characters left for the comment after the chosen reason. */
  limit: number;
};

type CancelFieldsProps = {
  subscription: PortalSubscription;
  locale: string;
  options: CancelFormOptions;
  words: CancelFormWords;
  idempotencyKey: string;
  choices?: CancelChoices;
  pending?: boolean;
  onKeep?: () => void;
};

export function CancelFields({ subscription, locale, options, words, idempotencyKey, choices, pending = false, onKeep }: CancelFieldsProps) {
  // Already scheduled: the only change left is to end it now.
  const scheduled = isScheduledToCancel(subscription);
  const choosesWhen = !scheduled && options.cancelNow;
  const atPeriodEnd = !scheduled && (choices?.when !== "now" || !options.cancelNow);
  const periodEnd = formatDate(subscription.current_period_end, locale);
  const offersChoices = options.reasons.length > 0;
  const limit = choices?.limit ?? CANCEL_REASON_LIMIT;
  const length = choices?.comment.length ?? 0;
  const excess = length - limit;
  const commentId = `cancel-comment-${subscription.id}`;
  const consequence = cancelConsequence(subscription, atPeriodEnd, locale);
  const blocked = pending || excess > 0;

  return (
    <>
      <input type="hidden" name="subscriptionId" value={subscription.id} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {choosesWhen ? (
        <fieldset className="choices">
          <legend>{words.whenLegend}</legend>
          <label className="choice">
            <input
              type="radio"
              name="when"
              value="period_end"
              {...(choices ? { checked: choices.when === "period_end", onChange: () => choices.onWhen("period_end") } : { defaultChecked: true })}
            />
            <span>{periodEnd ? fill(words.atPeriodEndOn, { date: periodEnd }) : words.atPeriodEnd}</span>
          </label>
          <label className="choice">
            <input type="radio" name="when" value="now" {...(choices ? { checked: choices.when === "now", onChange: () => choices.onWhen("now") } : {})} />
            <span>{words.now}</span>
          </label>
        </fieldset>
      ) : (
        <input type="hidden" name="when" value={atPeriodEnd ? "period_end" : "now"} />
      )}
      <p className="notice" data-testid="cancel-consequence">
        {/* Without JavaScript the sentence cannot follow the choice. */}
        {choosesWhen && !choices ? words.eitherWay : consequence.values ? fill(words[consequence.key], consequence.values) : words[consequence.key]}
      </p>
      {offersChoices && (
        <fieldset className="choices">
          <legend>{words.reasonLegend}</legend>
          {options.reasons.map(({ value, label }) => (
            <label className="choice" key={value}>
              <input
                type="radio"
                name="reason"
                value={value}
                {...(choices ? { checked: choices.reason === value, onChange: () => choices.onReason(value) } : {})}
              />
              <span>{label}</span>
            </label>
          ))}
        </fieldset>
      )}
      {options.cancelComment && (
        <div className="field">
          <label htmlFor={commentId}>{offersChoices ? words.commentLabel : words.commentLabelAlone}</label>
          <textarea
            id={commentId}
            name="comment"
            rows={3}
            maxLength={limit}
            {...(choices ? { value: choices.comment, onChange: (event) => choices.onComment(event.target.value) } : {})}
            aria-describedby={`${commentId}-count`}
          />
          <p id={`${commentId}-count`} className="muted field-hint" aria-live="polite">
            {fill(excess > 0 ? words.tooMany : words.characters, { count: String(length), limit: String(limit) })}
          </p>
        </div>
      )}
      <div className="actions">
        <button type="submit" className="button button-danger" disabled={blocked} aria-disabled={blocked}>
          {pending ? words.confirming : words.confirm}
        </button>
        {onKeep && (
          <button type="button" className="button" onClick={onKeep} disabled={pending}>
            {words.keep}
          </button>
        )}
      </div>
    </>
  );
}
