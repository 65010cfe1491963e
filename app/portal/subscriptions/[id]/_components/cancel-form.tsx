"use client";
// The scripted cancel form: loaded when the customer opens it (./cancel-subscription.tsx), so
// the page's first scripts carry none of it. Without JavaScript the server's plain form does the
// same with the same fields (./cancel-fields.tsx).

import { useEffect, useRef, useState, type FormEvent } from "react";
import type { CancelFormOptions, CancelFormWords } from "@/lib/shared/billing/cancel-form-options";
import { commentLimit } from "@/lib/shared/billing/cancel-policy";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { CancelFields, type When } from "./cancel-fields";

type CancelFormProps = {
  subscription: PortalSubscription;
  locale: string;
  options: CancelFormOptions;
  words: CancelFormWords;
  /** The server action (cancelSubscriptionAction through useActionState). */
  action: (form: FormData) => void;
  /** One intent, one key, however often it is sent. */
  idempotencyKey: string;
  pending: boolean;
  /** Sends the form by script, and closes it. */
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onKeep: () => void;
  /** A choice changed: a new intent. */
  onEdit: () => void;
};

/** The confirm step: when it ends (if there is a choice), why, and the ways out. */
export function CancelForm({ subscription, locale, options, words, action, idempotencyKey, pending, onSubmit, onKeep, onEdit }: CancelFormProps) {
  const [when, setWhen] = useState<When>("period_end");
  const [reason, setReason] = useState<string | null>(null);
  const [comment, setComment] = useState("");
  const form = useRef<HTMLFormElement>(null);

  // Keyboard and screen-reader users land on the step they opened, which announces its name.
  useEffect(() => form.current?.focus(), []);

  const limit = commentLimit(reason);

  function submit(event: FormEvent<HTMLFormElement>) {
    // Choosing a reason after writing a long comment can leave it over the limit: say so, cut nothing.
    if (comment.length > limit) event.preventDefault();
    else onSubmit(event);
  }

  return (
    <form className="stack" action={action} onSubmit={submit} onChange={onEdit} aria-label={words.formLabel} ref={form} tabIndex={-1}>
      <CancelFields
        subscription={subscription}
        locale={locale}
        options={options}
        words={words}
        idempotencyKey={idempotencyKey}
        choices={{ when, onWhen: setWhen, reason, onReason: setReason, comment, onComment: setComment, limit }}
        pending={pending}
        onKeep={onKeep}
      />
    </form>
  );
}
