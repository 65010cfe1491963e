"use client";

import { useActionState, useEffect, useRef } from "react";
import { isCancellableMandate } from "@/lib/shared/billing/mandate-status";
import type { DirectDebitWords } from "@/lib/shared/i18n/direct-debit-words";
import { fill } from "@/lib/shared/i18n/slots";
import { IDLE } from "@/lib/shared/portal-api/action-state";
import type { PortalMandate } from "@/lib/shared/revkeen-api/mandates";
import { OutcomeStatus } from "../../_components/outcome-status";
import { useIntentKey } from "../../_components/use-intent-key";
import { useHydrated } from "../../_components/use-hydrated";
import { useMandates } from "../../_components/use-portal-data";
import { useScriptedSubmit } from "../../_components/use-scripted-submit";
import { cancelMandateAction } from "../actions";

const REASON_LIMIT = 500;

/**
 * Cancel as a disclosure that opens without JavaScript too. The form's action is one server
 * action (cancelMandateAction): a plain form without JavaScript, and sent by script with it,
 * the list then showing the mandate as RevKeen answered it.
 */
export function CancelMandate({ words, mandate, idempotencyKey }: { words: DirectDebitWords; mandate: PortalMandate; idempotencyKey: string }) {
  // The hook's data includes the page's server read (SWR's fallback), which the cache does not.
  const { data: list, mutate: mutateList } = useMandates();
  const hydrated = useHydrated();
  const [state, dispatch, pending] = useActionState(cancelMandateAction, IDLE);
  const form = useScriptedSubmit(dispatch, pending);
  // The page makes a key for each mandate it lists; one the list learnt of later gets its own here.
  const intent = useIntentKey(idempotencyKey || crypto.randomUUID());
  const handled = useRef(state);
  const disclosure = useRef<HTMLDetailsElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  // Cancelled elsewhere meanwhile: that is where it stands, not a failure.
  const alreadyCancelled = state.status === "failed" && state.code === "mandate:already_cancelled";

  // The action's answer into SWR's cache: the mandate RevKeen answered, or a fresh read when there is none.
  useEffect(() => {
    if (handled.current === state) return;
    handled.current = state;
    if (state.status === "done" && list !== undefined) {
      void mutateList({ ...list, data: list.data.map((item) => (item.id === state.data.id ? state.data : item)) }, { revalidate: false });
    } else if (state.status === "done" || alreadyCancelled) {
      void mutateList();
    }
    if (state.status !== "idle") outcome.current?.focus();
  }, [state, alreadyCancelled, list, mutateList]);

  const message =
    pending || state.status === "idle"
      ? null
      : state.status === "done"
        ? words.cancelled
        : alreadyCancelled
          ? state.message
          : fill(words.cancelFailed, { message: state.message });
  const failed = state.status === "failed" && !alreadyCancelled;

  const cancellable = isCancellableMandate(mandate);
  if (!cancellable && message === null && !pending) return null;

  return (
    <div>
      {cancellable && (
        <details className="disclosure" ref={disclosure}>
          <summary>{words.cancelSummary}</summary>
          <form
            action={dispatch}
            onSubmit={(event) => form.submit(event, intent.sending)}
            onChange={intent.edited}
            className="stack"
            aria-label={words.cancelFormLabel}
          >
            <input type="hidden" name="mandateId" value={mandate.id} />
            <input type="hidden" name="idempotencyKey" value={intent.key} />
            <p className="notice" data-testid="mandate-cancel-consequence">
              {words.cancelConsequence}
            </p>
            <div className="field">
              <label htmlFor={`${mandate.id}-reason`}>{words.reasonLabel}</label>
              <textarea id={`${mandate.id}-reason`} name="reason" rows={2} maxLength={REASON_LIMIT} />
            </div>
            <div className="actions">
              <button type="submit" className="button button-danger" disabled={pending} aria-disabled={pending}>
                {pending ? words.cancelling : words.confirmCancel}
              </button>
              {hydrated && (
                <button type="button" className="button" disabled={pending} onClick={() => disclosure.current?.removeAttribute("open")}>
                  {words.keep}
                </button>
              )}
            </div>
          </form>
        </details>
      )}
      <OutcomeStatus
        ref={outcome}
        testId="mandate-cancel-status"
        tone={message === null ? null : failed ? "error" : "info"}
        pending={pending}
        pendingText={words.cancellingAnnouncement}
        className="after-gap"
      >
        {message}
      </OutcomeStatus>
    </div>
  );
}
