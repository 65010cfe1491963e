import { NotFoundMessage } from "../../_components/not-found-message";

export default function SubscriptionNotFound() {
  return (
    <NotFoundMessage
      title="Subscription not found"
      body="We couldn't find that subscription among yours. The link may be wrong, or it may belong to another account."
      back="/portal/subscriptions"
      backLabel="Back to subscriptions"
    />
  );
}
