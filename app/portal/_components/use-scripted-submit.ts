"use client";
// A form whose action is a server action (useActionState) works as a plain form without
// JavaScript. With it, the page sends it by script instead: once at a time however often it is
// pressed, the fields left as typed when it is refused, and sendable again exactly as it was (so
// with the same Idempotency-Key).
import { startTransition, useEffect, useRef, type FormEvent } from "react";

export function useScriptedSubmit(dispatch: (form: FormData) => void, pending: boolean) {
  // A ref, not state: a second press in the same tick must see the first one at once.
  const inFlight = useRef(false);
  const last = useRef<FormData | null>(null);

  useEffect(() => {
    if (!pending) inFlight.current = false;
  }, [pending]);

  function send(form: FormData, beforeSend?: (form: FormData) => void): void {
    if (inFlight.current) return;
    inFlight.current = true;
    last.current = form;
    beforeSend?.(form);
    startTransition(() => dispatch(form));
  }

  return {
    submit(event: FormEvent<HTMLFormElement>, beforeSend?: (form: FormData) => void): void {
      event.preventDefault();
      send(new FormData(event.currentTarget), beforeSend);
    },
    /** The last form again, as it was sent. */
    resend(beforeSend?: (form: FormData) => void): void {
      if (last.current) send(last.current, beforeSend);
    },
  };
}
