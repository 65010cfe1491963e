"use client";

import { lazy, Suspense, useActionState, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { cancelDone, cancelledCopy } from "@/lib/shared/billing/cancel-outcome";
import type { CancelFormOptions, CancelFormWords } from "@/lib/shared/billing/cancel-form-options";
import { isScheduledToCancel } from "@/lib/shared/billing/subscription-status";
import { IDLE } from "@/lib/shared/portal-api/action-state";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { fill } from "@/lib/shared/i18n/slots";
import { OutcomeStatus } from "../../../_components/outcome-status";
import { usePortalCopy } from "../../../_components/portal-copy";
import { useHydrated } from "../../../_components/use-hydrated";
import { useScriptedSubmit } from "../../../_components/use-scripted-submit";
import { cancelSubscriptionAction } from "../actions";
import { tellSubscriptionLists } from "./tell-subscription-lists";

// Only a customer who opens the form needs its script: fetched on the first hover, focus or press.
const loadCancelForm = () => import("./cancel-form");
const CancelForm = lazy(() => loadCancelForm().then(({ CancelForm }) => ({ default: CancelForm })));

type CancelSubscriptionProps = {
  subscription: PortalSubscription;
  locale: string;
  /** The merchant's choices (portal-options.ts), from the server: the page's scripts need not carry them. */
  options: CancelFormOptions;
  /** The form's words, translated by the server. */
  words: CancelFormWords;
  /** Made by the server with the page: the form's first intent. */
  idempotencyKey: string;
  /** The form's fields as the server rendered them (./cancel-fields.tsx), for a browser without JavaScript. */
  plainFields: ReactNode;
  /** Shows the subscription as a write left it, on the page (use-live-subscription.ts). */
  show: (subscription: PortalSubscription) => void;
  /** A cancellation is done: what the server draws from the plan's new state (Keep my plan) is drawn again. */
  onDone?: () => void;
};

/**
 * Cancel, with or without JavaScript: one server action (cancelSubscriptionAction). Without
 * JavaScript the form is plain HTML and the page comes back with its answer. With it, the form
 * opens from a button, the page shows the cancellation at once, puts back what was there if it is
 * refused, and offers to send it again with the same key.
 */
export function CancelSubscription({ subscription, locale, options, words, idempotencyKey, plainFields, show, onDone }: CancelSubscriptionProps) {
  const { cancel: t, errors } = usePortalCopy();
  const hydrated = useHydrated();
  const [state, dispatch, pending] = useActionState(cancelSubscriptionAction, IDLE);
  const form = useScriptedSubmit(dispatch, pending);
  const [open, setOpen] = useState(false);
  // A new form each time it opens: choices from an abandoned attempt do not linger.
  const [attempt, setAttempt] = useState(0);
  // One key per intent: kept for a retry, new once the intent changes or is done.
  const [key, setKey] = useState(idempotencyKey);
  const sentKey = useRef<string | null>(null);
  const before = useRef<PortalSubscription>(subscription);
  const openButton = useRef<HTMLButtonElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const ids = useId();

  const canceled = subscription.status === "canceled";
  const scheduled = isScheduledToCancel(subscription);
  // Scheduled with "now" not offered: nothing is left to change.
  const offersSomething = !canceled && !(scheduled && !options.cancelNow);

  /** Shows the cancellation before the answer, keeping what was there to put back. */
  function showCancelling(sent: FormData) {
    sentKey.current = String(sent.get("idempotencyKey"));
    const atPeriodEnd = sent.get("when") !== "now";
    before.current = subscription;
    show(cancelledCopy(subscription, { cancel_at_period_end: atPeriodEnd }, new Date()));
  }

  // A cancellation done closes the form; what comes next is a new intent with a key of its own.
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    if (state.status === "done") {
      setOpen(false);
      setKey(crypto.randomUUID());
    }
  }

  // The action's answer on the page: the subscription as RevKeen has it now, or as it was.
  useEffect(() => {
    if (state.status === "idle") return;
    if (state.status === "done") {
      show(state.data);
      tellSubscriptionLists(state.data);
      onDone?.();
    } else {
      show(before.current);
    }
    // Keyboard and screen-reader users land on the outcome.
    outcome.current?.focus();
  }, [state, show, onDone]);

  const done = state.status === "done" ? cancelDone(state.data, locale) : null;
  const message =
    pending || state.status === "idle"
      ? null
      : state.status === "failed"
        ? fill(t.failed, { message: errors[state.code] })
        : done?.values
          ? fill(t[done.key], done.values)
          : t[done?.key ?? "recorded"];

  if (!offersSomething && message === null && !pending) return null;

  return (
    <section className="card stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{scheduled && offersSomething ? t.headingEndNow : t.heading}</h2>
      {offersSomething && (
        <noscript>
          <form className="stack" action={dispatch} aria-label={t.formLabel}>
            {plainFields}
          </form>
        </noscript>
      )}
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
            {scheduled ? t.openEndNow : t.open}
          </button>
        </div>
      )}
      {offersSomething && open && (
        <Suspense fallback={<p className="muted">{t.opening}</p>}>
          <CancelForm
            key={attempt}
            subscription={subscription}
            locale={locale}
            options={options}
            words={words}
            action={dispatch}
            idempotencyKey={key}
            pending={pending}
            onSubmit={(event) => form.submit(event, showCancelling)}
            onEdit={() => {
              if (sentKey.current === key) setKey(crypto.randomUUID());
            }}
            onKeep={() => {
              setOpen(false);
              // Keyboard and screen-reader users come back where they were.
              requestAnimationFrame(() => openButton.current?.focus());
            }}
          />
        </Suspense>
      )}
      <OutcomeStatus
        ref={outcome}
        testId="cancel-status"
        tone={message === null ? null : state.status === "failed" ? "error" : "info"}
        pending={pending}
        pendingText={t.sending}
      >
        {message !== null && <span>{message}</span>}
        {message !== null && state.status === "failed" && hydrated && (
          <>
            {" "}
            <button type="button" className="button-link" onClick={() => form.resend(showCancelling)}>
              {t.retry}
            </button>
          </>
        )}
      </OutcomeStatus>
    </section>
  );
}
