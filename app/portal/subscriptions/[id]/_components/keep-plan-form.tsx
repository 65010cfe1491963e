import { getTranslations } from "next-intl/server";
import { isScheduledToCancel } from "@/lib/shared/billing/subscription-status";
import { formatDate } from "@/lib/shared/format/format-date";
import type { FormAnswer } from "@/lib/shared/portal-api/form-answer";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { FormOutcome } from "../../../_components/form-outcome";
import { SendButton } from "../../../_components/send-button";
import { keepPlanAction } from "../keep-plan-action";

type KeepPlanFormProps = {
  /** As the page read it: after "Keep my plan", as RevKeen has it since. */
  subscription: PortalSubscription;
  locale: string;
  /** Made by the server with the page: one intent, kept once however often it is sent. */
  idempotencyKey: string;
  /** The answer to this form the page's address brings back, if any (keep-plan-action.ts). */
  answer: FormAnswer | null;
};

/**
 * "Keep my plan" on a subscription set to end: drawn on the server as a plain form on one server
 * action, which React sends by script where it runs (the page's scripts carry nothing of it but
 * the button's sending state). The answer comes back with the page and is said under the form:
 * kept, with the renewal date the page has just read, or why not. Null when there is nothing to
 * offer or say.
 */
export async function KeepPlanForm({ subscription, locale, idempotencyKey, answer }: KeepPlanFormProps) {
  const [t, errors] = await Promise.all([getTranslations("KeepPlan"), getTranslations("Errors")]);
  const scheduled = isScheduledToCancel(subscription);
  if (!scheduled && answer === null) return null;
  const renews = formatDate(subscription.current_period_end, locale);
  const message =
    answer === null
      ? null
      : "refused" in answer
        ? t("failed", { message: errors(answer.refused) })
        : scheduled
          ? t("stillEnding")
          : renews
            ? t("keptRenews", { date: renews })
            : t("kept");
  const outcome = (
    // A new outcome for each rendering: a second answer takes focus again.
    <FormOutcome key={idempotencyKey} testId="keep-status" tone={answer === null ? null : "refused" in answer ? "error" : "info"} pendingText={t("sending")}>
      {message}
    </FormOutcome>
  );
  const ends = formatDate(subscription.cancel_at, locale);
  return (
    <section className="card stack" aria-labelledby="keep-plan-heading">
      <h2 id="keep-plan-heading">{t("heading")}</h2>
      {scheduled ? (
        <form className="stack" action={keepPlanAction} aria-label={t("formLabel")}>
          <input type="hidden" name="subscriptionId" value={subscription.id} />
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <p>{ends ? t("endsOn", { date: ends }) : t("keepIt")}</p>
          <div className="actions">
            <SendButton className="button button-primary" sending={t("sending")}>
              {t("submit")}
            </SendButton>
          </div>
          {outcome}
        </form>
      ) : (
        outcome
      )}
    </section>
  );
}
