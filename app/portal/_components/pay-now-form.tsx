import { useTranslations } from "next-intl";
import { refusalFor, type FormAnswer } from "@/lib/shared/portal-api/form-answer";
import type { PortalErrorCode } from "@/lib/shared/portal-api/error-codes";
import { payNowAction } from "../invoices/actions";
import { FormOutcome } from "./form-outcome";
import type { PayNowOffer } from "./pay-now-offer";
import { SendButton } from "./send-button";

type PayNowFormProps = {
  invoiceId: string;
  /** Where on the page it is ("due", "table", "plan", "invoice"): an invoice can have a button in two places. */
  place: string;
  /** What it pays, in the page's language, for the button's name where several are on one page. */
  describes: string;
  offer: PayNowOffer;
  className?: string;
};

/**
 * "Pay now", drawn on the server as a plain form on one server action (payNowAction), which sends
 * the customer to RevKeen's checkout page. React sends the same form by script where it runs, so
 * the page's scripts carry nothing of it but the button's sending state. A refusal comes back with
 * the page, said beside the button it answers, with "Try again" sending the form again.
 */
export function PayNowForm({ invoiceId, place, describes, offer, className }: PayNowFormProps) {
  const t = useTranslations("PayNow");
  const errors = useTranslations("Errors");
  const name = payNowFormName(place, invoiceId);
  const refused = refusalFor(offer.answer, name);
  return (
    <form className={["stack-tight", className].filter(Boolean).join(" ")} action={payNowAction}>
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <input type="hidden" name="idempotencyKey" value={offer.key} />
      <input type="hidden" name="back" value={offer.page} />
      <input type="hidden" name="answerTo" value={name} />
      <div>
        <SendButton
          className="button button-primary"
          sending={
            <>
              {t("pending")}
              <span className="visually-hidden">{describes}</span>
            </>
          }
        >
          {t("button")}
          <span className="visually-hidden">{describes}</span>
        </SendButton>
      </div>
      {/* A new outcome for each rendering: a second refusal takes focus again. */}
      <FormOutcome key={offer.key} testId="pay-now-status" tone={refused === null ? null : "error"} pendingText={t("announce")}>
        {refused !== null && (
          <>
            <span>{t("failed", { reason: errors(refused) })}</span>{" "}
            <button type="submit" className="button-link">
              {t("tryAgain")}
            </button>
          </>
        )}
      </FormOutcome>
    </form>
  );
}

function payNowFormName(place: string, invoiceId: string): string {
  return `pay-${place}-${invoiceId}`;
}

/** The invoice whose "Pay now" at `place` the page's address says was refused, or null. */
export function refusedInvoiceAt(answer: FormAnswer | null, place: string): string | null {
  const prefix = payNowFormName(place, "");
  return answer !== null && "refused" in answer && answer.form.startsWith(prefix) ? answer.form.slice(prefix.length) : null;
}

/**
 * A refusal for a "Pay now" the page no longer draws: the invoice was paid or closed meanwhile
 * (in another tab, say), and the customer is still told why nothing was charged. Null otherwise.
 */
export function PayNowRefusal({ invoiceId, place, offer }: { invoiceId: string; place: string; offer: PayNowOffer }) {
  const refused = refusalFor(offer.answer, payNowFormName(place, invoiceId));
  return refused === null ? null : <RefusalText refused={refused} offer={offer} />;
}

function RefusalText({ refused, offer }: { refused: PortalErrorCode; offer: PayNowOffer }) {
  const t = useTranslations("PayNow");
  const errors = useTranslations("Errors");
  return (
    <FormOutcome key={offer.key} testId="pay-now-status" tone="error" pendingText={t("announce")}>
      {t("failed", { reason: errors(refused) })}
    </FormOutcome>
  );
}
