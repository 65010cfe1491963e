"use client";
// Sends one cancellation per confirmed intent. The Idempotency-Key belongs to the intent (the
// exact body): a retry of the same body reuses it, so RevKeen cancels once however often the
// request is repeated; a changed body is a new intent with a new key.
import { useCallback, useRef, useState } from "react";
import { useSWRConfig } from "swr";
import { cancelledCopy } from "@/lib/shared/billing/cancel-outcome";
import { formatDate } from "@/lib/shared/format/format-date";
import { PortalFetchError, portalRequest } from "@/lib/browser/portal-fetcher";
import { holdsSubscriptions, portalKeys } from "@/lib/shared/portal-api/keys";
import { dataBody, type DataBody, type ListBody } from "@/lib/shared/portal-api/payloads";
import type { CancelSubscriptionBody, PortalSubscription } from "@/lib/shared/revkeen-api/schemas";
import { withSubscription } from "@/lib/shared/portal-api/subscription-cache";

export type CancelState =
  | { status: "idle" }
  | { status: "pending" }
  | { status: "done"; message: string }
  | { status: "failed"; message: string };

type Cached = DataBody<PortalSubscription> | ListBody<PortalSubscription>;

function doneMessage(subscription: PortalSubscription, locale: string): string {
  if (subscription.status === "canceled") return "Your subscription has been canceled.";
  const until = formatDate(subscription.cancel_at, locale);
  return until ? `Your subscription will end on ${until}.` : "Your cancellation has been recorded.";
}

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
      const key = portalKeys.subscription(subscription.id);
      try {
        const result = await mutate<DataBody<PortalSubscription>>(
          key,
          portalRequest<DataBody<PortalSubscription>>(portalKeys.cancelSubscription(subscription.id), {
            method: "POST",
            headers: { "content-type": "application/json", "idempotency-key": idempotencyKey },
            body: bodyText,
          }),
          {
            optimisticData: (current) => dataBody(cancelledCopy(current?.data ?? subscription, body, new Date())),
            rollbackOnError: true,
            populateCache: true,
            revalidate: false,
          },
        );
        intent.current = null;
        if (result) {
          // Lists holding this subscription show the new state now and refetch behind it.
          void mutate<Cached>((candidate) => holdsSubscriptions(candidate) && candidate !== key, (current) => withSubscription(current, result.data));
        }
        setState({ status: "done", message: result ? doneMessage(result.data, locale) : "Your cancellation has been recorded." });
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
