"use client";

import { useMessages } from "next-intl";
import { useActionState } from "react";
import { openBillingPortal, type OpenPortalState } from "@/app/portal/actions";

const initialState: OpenPortalState = { status: "idle" };

/**
 * A plain form, so "Manage billing" works before (or without) JavaScript. Its words are plain
 * messages read as they are, so the page carries no message formatter (docs/customizing.md).
 */
export function ManageBillingForm({ next = "/portal" }: { next?: string }) {
  const words = useMessages().ManageBilling;
  const [state, formAction, pending] = useActionState(openBillingPortal, initialState);
  return (
    <form action={formAction} className="stack">
      <input type="hidden" name="next" value={next} />
      <div>
        <button type="submit" className="button button-primary" disabled={pending} aria-disabled={pending}>
          {pending ? words.opening : words.open}
        </button>
      </div>
      <p role="status" aria-live="polite" className={state.status === "failed" ? "notice notice-error" : "visually-hidden"} data-testid="billing-status">
        {state.status === "failed" ? state.message : ""}
      </p>
    </form>
  );
}
