"use client";

import { useRef, useState, type FormEvent } from "react";
import { PortalFetchError, portalRequest } from "@/lib/browser/portal-fetcher";
import { isCancellableMandate } from "@/lib/shared/billing/mandate-status";
import { portalKeys } from "@/lib/shared/portal-api/keys";
import type { DataBody } from "@/lib/shared/portal-api/payloads";
import type { CancelMandateBody, PortalMandate } from "@/lib/shared/revkeen-api/mandates";
import { useHydrated } from "../../_components/use-hydrated";
import { useMandates } from "../../_components/use-portal-data";
import { submitMandateCancellation } from "../actions";

type CancelState = { status: "idle" | "pending" } | { status: "done" | "failed"; message: string };

const REASON_LIMIT = 500;

/**
 * Cancel as a disclosure that opens without JavaScript too: the form posts to a server action
 * when scripts are off, and to the app's API (one Idempotency-Key per intent) when they are on.
 */
export function CancelMandate({ mandate, idempotencyKey }: { mandate: PortalMandate; idempotencyKey: string }) {
  // The hook's data includes the page's server read (SWR's fallback), which the cache does not.
  const { data: list, mutate: mutateList } = useMandates();
  const hydrated = useHydrated();
  const [state, setState] = useState<CancelState>({ status: "idle" });
  const disclosure = useRef<HTMLDetailsElement>(null);
  // Refs, not state: a second click in the same tick must see the first one at once.
  const inFlight = useRef(false);
  const intent = useRef<{ body: string; key: string } | null>(null);

  /** The list as it now stands: the mandate RevKeen answered, or a fresh read when there is none. */
  async function showCurrent(updated?: PortalMandate) {
    if (updated === undefined || list === undefined) {
      await mutateList();
      return;
    }
    await mutateList({ ...list, data: list.data.map((item) => (item.id === updated.id ? updated : item)) }, { revalidate: false });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "").trim();
    const body: CancelMandateBody = reason ? { reason } : {};
    const bodyText = JSON.stringify(body);
    if (intent.current?.body !== bodyText) intent.current = { body: bodyText, key: crypto.randomUUID() };
    setState({ status: "pending" });
    try {
      const result = await portalRequest<DataBody<PortalMandate>>(portalKeys.cancelMandate(mandate.id), {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": intent.current.key },
        body: bodyText,
      });
      intent.current = null;
      setState({ status: "done", message: "Your Direct Debit has been cancelled. No more payments will be collected with it." });
      await showCurrent(result.data);
    } catch (error) {
      if (error instanceof PortalFetchError && error.code === "mandate:already_cancelled") {
        // Cancelled elsewhere meanwhile: that is where it stands, not a failure, in the API's words.
        setState({ status: "done", message: error.message });
        await showCurrent();
      } else {
        const reason = error instanceof PortalFetchError ? error.message : "Something went wrong. Please try again.";
        setState({ status: "failed", message: `We couldn't cancel your Direct Debit. ${reason}` });
      }
    } finally {
      inFlight.current = false;
    }
  }

  const cancellable = isCancellableMandate(mandate);
  if (!cancellable && state.status === "idle") return null;
  const pending = state.status === "pending";

  return (
    <div>
      {cancellable && (
        <details className="disclosure" ref={disclosure}>
          <summary>Cancel this Direct Debit</summary>
          <form action={submitMandateCancellation} onSubmit={(event) => void onSubmit(event)} className="stack" aria-label="Confirm cancelling this Direct Debit">
            <input type="hidden" name="mandateId" value={mandate.id} />
            <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
            <p className="notice" data-testid="mandate-cancel-consequence">
              Cancelling stops every future collection from this account. Payments of subscriptions that rely on this Direct Debit may then
              fail, unless you set up another way to pay.
            </p>
            <div className="field">
              <label htmlFor={`${mandate.id}-reason`}>Why are you cancelling? (optional)</label>
              <textarea id={`${mandate.id}-reason`} name="reason" rows={2} maxLength={REASON_LIMIT} />
            </div>
            <div className="actions">
              <button type="submit" className="button button-danger" disabled={pending} aria-disabled={pending}>
                {pending ? "Cancelling…" : "Confirm cancellation"}
              </button>
              {hydrated && (
                <button type="button" className="button" disabled={pending} onClick={() => disclosure.current?.removeAttribute("open")}>
                  Keep Direct Debit
                </button>
              )}
            </div>
          </form>
        </details>
      )}
      <div
        role="status"
        aria-live="polite"
        data-testid="mandate-cancel-status"
        className={state.status === "failed" ? "notice notice-error after-gap" : state.status === "done" ? "notice after-gap" : undefined}
      >
        {pending && <span className="visually-hidden">Cancelling your Direct Debit…</span>}
        {(state.status === "done" || state.status === "failed") && state.message}
      </div>
    </div>
  );
}
