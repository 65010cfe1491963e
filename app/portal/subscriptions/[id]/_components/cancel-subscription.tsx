"use client";

import { lazy, Suspense, useEffect, useId, useRef, useState, type ReactNode } from "react";
import type { CancelOptions } from "@/lib/shared/billing/portal-options";
import type { CancelSubscriptionBody, PortalSubscription } from "@/lib/shared/revkeen-api/schemas";
import { isScheduledToCancel } from "@/lib/shared/billing/subscription-status";
import { loadCancelRequest, useCancelSubscription } from "./use-cancel-subscription";
import { useHydrated } from "../../../_components/use-hydrated";

// Most visits never open the form: it loads when they reach for the button, not with the page,
// and the request it sends loads with it.
const loadCancelForm = () => Promise.all([import("./cancel-form"), loadCancelRequest()]).then(([module]) => module);
const CancelForm = lazy(() => loadCancelForm().then((module) => ({ default: module.CancelForm })));

type CancelSubscriptionProps = {
  subscription: PortalSubscription;
  locale: string;
  /** The merchant's choices (portal-options.ts), from the server: the page's scripts need not carry them. */
  options: CancelOptions;
  /** The same cancellation as a plain form (cancel-without-script.tsx), for browsers without JavaScript. */
  withoutScript?: ReactNode;
};

export function CancelSubscription({ subscription, locale, options, withoutScript }: CancelSubscriptionProps) {
  const hydrated = useHydrated();
  const { state, cancel, retry, pending } = useCancelSubscription(subscription, locale);
  const [open, setOpen] = useState(false);
  // A new form each time it opens: choices from an abandoned attempt do not linger.
  const [attempt, setAttempt] = useState(0);
  const openButton = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const ids = useId();

  const canceled = subscription.status === "canceled";
  const scheduled = isScheduledToCancel(subscription);
  // Scheduled with "now" not offered: nothing is left to change.
  const offersSomething = !canceled && !(scheduled && !options.cancelNow);

  // Keyboard and screen-reader users come back where they were (the form focuses itself).
  useEffect(() => {
    if (!open && wasOpen.current) openButton.current?.focus();
    wasOpen.current = open;
  }, [open]);

  function finish(succeeded: boolean) {
    if (succeeded) setOpen(false);
  }

  function confirm(body: CancelSubscriptionBody) {
    void cancel(body).then(finish);
  }

  if (!offersSomething && state.status === "idle") return null;

  return (
    <section className="card stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{scheduled && offersSomething ? "End it now" : "Cancel subscription"}</h2>
      {withoutScript && <noscript>{withoutScript}</noscript>}
      {offersSomething && !open && hydrated && (
        <div>
          <button
            type="button"
            className="button"
            ref={openButton}
            onPointerEnter={() => void loadCancelForm()}
            onFocus={() => void loadCancelForm()}
            onClick={() => {
              setAttempt((count) => count + 1);
              setOpen(true);
            }}
          >
            {scheduled ? "Cancel now instead" : "Cancel subscription"}
          </button>
        </div>
      )}
      {offersSomething && open && (
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <CancelForm
            key={attempt}
            subscription={subscription}
            locale={locale}
            options={options}
            pending={pending}
            onConfirm={confirm}
            onKeep={() => setOpen(false)}
          />
        </Suspense>
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
