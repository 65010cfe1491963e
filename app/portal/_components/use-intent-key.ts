"use client";
// One Idempotency-Key per intent: the same key for a double press or "Try again" of the same
// form, a new one once the form is edited after it was sent. Corrected details are a new intent,
// and RevKeen remembers what it answered to a key, so sending them under the refused request's
// key would only be refused again.
import { useRef, useState } from "react";

export function useIntentKey(initial: string) {
  const [key, setKey] = useState(initial);
  const sentKey = useRef<string | null>(null);
  return {
    key,
    /** For useScriptedSubmit's beforeSend: which key went out. */
    sending(form: FormData): void {
      sentKey.current = String(form.get("idempotencyKey"));
    },
    /** For the form's onChange: an edit after a send starts a new intent. */
    edited(): void {
      if (sentKey.current === key) setKey(crypto.randomUUID());
    },
  };
}
