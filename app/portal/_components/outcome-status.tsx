import type { ReactNode, Ref } from "react";

/**
 * Where a form says how it went: a polite live region that screen readers announce, and that the
 * form moves focus to once the outcome is known (`ref`), so keyboard users land on it too. Empty,
 * it takes no room.
 */
export function OutcomeStatus({
  ref,
  testId,
  tone,
  pending = false,
  pendingText,
  className,
  children,
}: {
  ref?: Ref<HTMLDivElement>;
  testId: string;
  /** null while there is nothing to say. */
  tone: "error" | "info" | null;
  pending?: boolean;
  /** Announced, not shown, while the form is being sent. */
  pendingText?: string;
  className?: string;
  children?: ReactNode;
}) {
  const classes = tone === null ? undefined : ["notice", tone === "error" ? "notice-error" : null, className].filter(Boolean).join(" ");
  return (
    <div role="status" aria-live="polite" data-testid={testId} ref={ref} tabIndex={-1} className={classes}>
      {pending && pendingText && <span className="visually-hidden">{pendingText}</span>}
      {children}
    </div>
  );
}
