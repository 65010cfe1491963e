"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";

/**
 * A server-drawn form's submit button: a plain button without JavaScript; with it, says it is
 * sending and takes no second press until the answer (the form's key makes a second one harmless
 * anyway).
 */
export function SendButton({ className, sending, children }: { className: string; sending: ReactNode; children: ReactNode }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending}>
      {pending ? sending : children}
    </button>
  );
}
