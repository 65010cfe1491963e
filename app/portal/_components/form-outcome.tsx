"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { OutcomeStatus } from "./outcome-status";

type FormOutcomeProps = {
  testId: string;
  /** null while there is nothing to say. */
  tone: "error" | "info" | null;
  /** Announced, not shown, while the form around it is being sent. */
  pendingText: string;
  children?: ReactNode;
};

/**
 * Where a server-drawn form says how it went, inside the form: the answer came back with the page
 * (a redirect to it), so keyboard and screen-reader users are taken to it as it arrives. While the
 * form is sent again, the old answer gives way to the sending announcement.
 */
export function FormOutcome({ testId, tone, pendingText, children }: FormOutcomeProps) {
  const { pending } = useFormStatus();
  const outcome = useRef<HTMLDivElement>(null);
  const answered = tone !== null;
  useEffect(() => {
    if (answered) outcome.current?.focus();
  }, [answered]);
  return (
    <OutcomeStatus ref={outcome} testId={testId} tone={pending ? null : tone} pending={pending} pendingText={pendingText}>
      {pending ? null : children}
    </OutcomeStatus>
  );
}
