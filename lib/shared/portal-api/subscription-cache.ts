// Puts a subscription the server just returned into whatever SWR holds for a subscriptions key,
// so lists show a cancellation before their own revalidation comes back.
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import type { DataBody, ListBody } from "./payloads";

type Cached = DataBody<PortalSubscription> | ListBody<PortalSubscription> | undefined;

export function withSubscription<Current extends Cached>(current: Current, updated: PortalSubscription): Current {
  if (current === undefined) return current;
  if ("object" in current && current.object === "list") {
    return { ...current, data: current.data.map((item) => (item.id === updated.id ? updated : item)) };
  }
  return !Array.isArray(current.data) && current.data.id === updated.id ? { ...current, data: updated } : current;
}
