import { submitCancellation } from "@/app/portal/subscriptions/[id]/actions";
import type { CancelOptions } from "@/lib/shared/billing/portal-options";
import { CANCEL_REASON_LIMIT } from "@/lib/shared/billing/cancel-policy";
import { formatDate } from "@/lib/shared/format/format-date";
import { isScheduledToCancel } from "@/lib/shared/billing/subscription-status";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";

type CancelWithoutScriptProps = {
  subscription: PortalSubscription;
  locale: string;
  options: CancelOptions;
  /** A fresh key for this rendering of the form: one intent, cancelled once however often it is sent. */
  idempotencyKey: string;
};

/**
 * The cancel form as plain HTML, posted to a server action: for a browser without JavaScript,
 * which sees it inside <noscript>. With JavaScript the optimistic form (cancel-form.tsx) runs instead.
 */
export function CancelWithoutScript({ subscription, locale, options, idempotencyKey }: CancelWithoutScriptProps) {
  const scheduled = isScheduledToCancel(subscription);
  const periodEnd = formatDate(subscription.current_period_end, locale);
  const offersChoices = options.cancelReasons.length > 0;
  return (
    <form action={submitCancellation} className="stack" aria-label="Confirm cancellation">
      <input type="hidden" name="subscriptionId" value={subscription.id} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {scheduled ? (
        <input type="hidden" name="when" value="now" />
      ) : options.cancelNow ? (
        <fieldset className="choices">
          <legend>When should it end?</legend>
          <label className="choice">
            <input type="radio" name="when" value="period_end" defaultChecked />
            <span>At the end of the current period{periodEnd ? ` (${periodEnd}): it stays active until then` : ""}</span>
          </label>
          <label className="choice">
            <input type="radio" name="when" value="now" />
            <span>Now: it ends today</span>
          </label>
        </fieldset>
      ) : (
        <input type="hidden" name="when" value="period_end" />
      )}
      <p className="notice">{scheduled ? "Your plan ends now. You won't be charged again." : "Either way, you won't be charged again."}</p>
      {offersChoices && (
        <fieldset className="choices">
          <legend>Why are you leaving? (optional)</legend>
          {options.cancelReasons.map((reason) => (
            <label className="choice" key={reason}>
              <input type="radio" name="reason" value={reason} />
              <span>{reason}</span>
            </label>
          ))}
        </fieldset>
      )}
      {options.cancelComment && (
        <div className="field">
          <label htmlFor={`comment-${subscription.id}`}>{offersChoices ? "Anything else you'd like us to know? (optional)" : "Why are you leaving? (optional)"}</label>
          <textarea id={`comment-${subscription.id}`} name="comment" rows={3} maxLength={CANCEL_REASON_LIMIT} />
        </div>
      )}
      <div className="actions">
        <button type="submit" className="button button-danger">
          Confirm cancellation
        </button>
      </div>
    </form>
  );
}
