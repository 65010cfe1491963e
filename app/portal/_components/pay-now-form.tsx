"use client";

import { useActionState, useEffect, useRef } from "react";
import { useMessages } from "next-intl";
import { IDLE } from "@/lib/shared/portal-api/action-state";
import { payNowAction } from "../invoices/actions";
import { OutcomeStatus } from "./outcome-status";
import { useHydrated } from "./use-hydrated";
import { useScriptedSubmit } from "./use-scripted-submit";

type PayNowFormProps = {
  invoiceId: string;
  /** What it pays, in the page's language, for the button's name where several are on one page. */
  describes: string;
  /** Made by the server with the page: one intent per invoice per rendering, however often it is pressed. */
  idempotencyKey: string;
  className?: string;
};

/**
 * "Pay now", with or without JavaScript: one server action (payNowAction) that sends the customer
 * to RevKeen's checkout page. Without JavaScript the form is plain HTML; with it the page sends it
 * by script, once however often it is pressed. Only a refusal comes back, worded by the action,
 * said beside the button. Its own words are plain messages read as they are: the page's scripts
 * carry no message formatter for them (docs/speed.md).
 */
export function PayNowForm({ invoiceId, describes, idempotencyKey, className }: PayNowFormProps) {
  const words = useMessages().PayNow;
  const hydrated = useHydrated();
  const [state, dispatch, pending] = useActionState(payNowAction, IDLE);
  const form = useScriptedSubmit(dispatch, pending);
  const outcome = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Keyboard and screen-reader users land on the refusal.
    if (state.status === "failed") outcome.current?.focus();
  }, [state]);

  const message = !pending && state.status === "failed" ? state.message : null;

  return (
    <div className={["stack-tight", className].filter(Boolean).join(" ")}>
      <form action={dispatch} onSubmit={(event) => form.submit(event)}>
        <input type="hidden" name="invoiceId" value={invoiceId} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <button type="submit" className="button button-primary" disabled={pending} aria-disabled={pending}>
          {pending ? words.pending : words.button}
          <span className="visually-hidden">{describes}</span>
        </button>
      </form>
      <OutcomeStatus ref={outcome} testId="pay-now-status" tone={message === null ? null : "error"} pending={pending} pendingText={words.announce}>
        {message !== null && <span>{message}</span>}
        {message !== null && hydrated && (
          <>
            {" "}
            <button type="button" className="button-link" onClick={() => form.resend()}>
              {words.tryAgain}
            </button>
          </>
        )}
      </OutcomeStatus>
    </div>
  );
}
