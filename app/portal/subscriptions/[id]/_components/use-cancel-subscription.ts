"use client";
// Sends one cancellation per confirmed intent. The Idempotency-Key belongs to the intent (the
// exact body): a retry of the same body reuses it, so RevKeen cancels once however often the
// request is repeated; a changed body is a new intent with a new key.
import { useCallback, useRef, useState } from "react";
import { useSWRConfig } from "swr";
import { PortalFetchError } from "@/lib/browser/portal-fetcher";
import type { CancelSubscriptionBody, PortalSubscription } from "@/lib/shared/revkeen-api/schemas";

export type CancelState =
  | { status: "idle" }
  | { status: "pending" }
  | { status: "done"; message: string }
  | { status: "failed"; message: string };

/** The request itself; cancel-subscription.tsx loads it with the form, so a confirm never waits for it. */
export const loadCancelRequest = () => import("./cancel-request");

export function useCancelSubscription(subscription: PortalSubscription, locale: string) {
  const { mutate } = useSWRConfig();
  const [state, setState] = useState<CancelState>({ status: "idle" });
  // Refs, not state: a second click in the same tick must see the first one at once.
  const inFlight = useRef(false);
  const intent = useRef<{ body: string; key: string } | null>(null);
  const lastBody = useRef<CancelSubscriptionBody | null>(null);

  const cancel = useCallback(
    async (body: CancelSubscriptionBody): Promise<boolean> => {
      if (inFlight.current) return false;
      inFlight.current = true;
      lastBody.current = body;
      setState({ status: "pending" });
      const bodyText = JSON.stringify(body);
      if (intent.current?.body !== bodyText) intent.current = { body: bodyText, key: crypto.randomUUID() };
      const idempotencyKey = intent.current.key;
      try {
        const { sendCancellation } = await loadCancelRequest();
        const message = await sendCancellation({ mutate, subscription, locale, body, bodyText, idempotencyKey });
        intent.current = null;
        setState({ status: "done", message });
        return true;
      } catch (error) {
        const reason = error instanceof PortalFetchError ? error.message : "Something went wrong. Please try again.";
        setState({ status: "failed", message: `We couldn't cancel your subscription. ${reason}` });
        return false;
      } finally {
        inFlight.current = false;
      }
    },
    [locale, mutate, subscription],
  );

  /** The last request again, same body and so the same Idempotency-Key. */
  const retry = useCallback(async () => (lastBody.current ? cancel(lastBody.current) : false), [cancel]);

  return { state, cancel, retry, pending: state.status === "pending" };
}
