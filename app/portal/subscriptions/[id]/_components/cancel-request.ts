// The cancellation request and what SWR shows around it: the optimistic copy, the rollback on a
// failure, and the lists that hold the subscription. Loaded with the cancel form
// (cancel-subscription.tsx), not with the page: most visits never cancel.
import type { ScopedMutator } from "swr";
import { sendPortalRequest } from "@/lib/browser/portal-request";
import { cancelledCopy } from "@/lib/shared/billing/cancel-outcome";
import { formatDate } from "@/lib/shared/format/format-date";
import { holdsSubscriptions, portalKeys } from "@/lib/shared/portal-api/keys";
import { dataBody, type DataBody, type ListBody } from "@/lib/shared/portal-api/payloads";
import type { CancelSubscriptionBody, PortalSubscription } from "@/lib/shared/revkeen-api/schemas";
import { withSubscription } from "@/lib/shared/portal-api/subscription-cache";

type Cached = DataBody<PortalSubscription> | ListBody<PortalSubscription>;

function doneMessage(subscription: PortalSubscription, locale: string): string {
  if (subscription.status === "canceled") return "Your subscription has been canceled.";
  const until = formatDate(subscription.cancel_at, locale);
  return until ? `Your subscription will end on ${until}.` : "Your cancellation has been recorded.";
}

type Cancellation = {
  mutate: ScopedMutator;
  subscription: PortalSubscription;
  locale: string;
  body: CancelSubscriptionBody;
  /** The body as sent: the Idempotency-Key belongs to exactly these bytes. */
  bodyText: string;
  idempotencyKey: string;
};

/** Sends the cancellation and answers what to tell the customer; throws what the request threw, rolled back. */
export async function sendCancellation({ mutate, subscription, locale, body, bodyText, idempotencyKey }: Cancellation): Promise<string> {
  const key = portalKeys.subscription(subscription.id);
  const result = await mutate<DataBody<PortalSubscription>>(
    key,
    sendPortalRequest<DataBody<PortalSubscription>>(portalKeys.cancelSubscription(subscription.id), {
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
  if (!result) return "Your cancellation has been recorded.";
  // Lists holding this subscription show the new state now and refetch behind it.
  void mutate<Cached>((candidate) => holdsSubscriptions(candidate) && candidate !== key, (current) => withSubscription(current, result.data));
  return doneMessage(result.data, locale);
}
