"use client";

import type { Route } from "next";
import Link from "next/link";
import { useActionState, useEffect, useRef, useState } from "react";
import { IDLE } from "@/lib/shared/portal-api/action-state";
import { fill } from "@/lib/shared/i18n/slots";
import { OutcomeStatus } from "@/app/portal/_components/outcome-status";
import { useScriptedSubmit } from "@/app/portal/_components/use-scripted-submit";
import { subscribeAction } from "../actions";

/** The form's words, translated by the page; `failed` has a slot for the refusal's `message`. */
export type SubscribeWords = { confirmLabel: string; subscribe: string; subscribing: string; notNow: string; failed: string };

type SubscribeFormProps = {
  words: SubscribeWords;
  benefit: string;
  /** The feature to open once subscribed: a path on this site. */
  next: string;
  /** Made by the server with the page: one subscription however often the form is sent. */
  idempotencyKey: string;
};

/**
 * "Subscribe": a plain form without JavaScript, sent by script with it. Done, the action opens
 * the feature; refused, the reason is announced here and focused. Its words come translated from
 * the server, so the page's scripts carry no message formatter (docs/customizing.md).
 */
export function SubscribeForm({ words, benefit, next, idempotencyKey }: SubscribeFormProps) {
  const [state, dispatch, pending] = useActionState(subscribeAction, IDLE);
  const form = useScriptedSubmit(dispatch, pending);
  const [key, setKey] = useState(idempotencyKey);
  const outcome = useRef<HTMLDivElement>(null);

  // A declined card can be fixed and tried again: RevKeen would answer the old key as before.
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    if (state.status === "failed" && state.code === "upgrade:card_declined") setKey(crypto.randomUUID());
  }

  useEffect(() => {
    if (state.status === "failed") outcome.current?.focus();
  }, [state]);

  return (
    <form className="stack" action={dispatch} onSubmit={(event) => form.submit(event)} aria-label={words.confirmLabel}>
      <input type="hidden" name="benefit" value={benefit} />
      <input type="hidden" name="next" value={next} />
      <input type="hidden" name="idempotencyKey" value={key} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={pending} aria-disabled={pending}>
          {pending ? words.subscribing : words.subscribe}
        </button>
        <Link href={next as Route} className="button">
          {words.notNow}
        </Link>
      </div>
      <OutcomeStatus
        ref={outcome}
        testId="subscribe-status"
        tone={state.status === "failed" && !pending ? "error" : null}
        pending={pending}
        pendingText={words.subscribing}
      >
        {state.status === "failed" && !pending ? fill(words.failed, { message: state.message }) : null}
      </OutcomeStatus>
    </form>
  );
}
