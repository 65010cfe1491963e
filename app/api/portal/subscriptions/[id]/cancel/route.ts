import type { NextRequest } from "next/server";
import { checkWriteRate } from "@/lib/server/security/request-limits";
import { cancelRefusal } from "@/lib/shared/billing/cancel-policy";
import { withPortalToken } from "@/lib/server/portal-session/renew";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { isResourceId } from "@/lib/shared/portal-api/input";
import { portalOptions } from "@/lib/shared/billing/portal-options";
import { dataBody } from "@/lib/shared/portal-api/payloads";
import { portalRoute } from "@/lib/server/portal-api/portal-route";
import { readJsonBody, requireIdempotencyKey, requireSameOrigin } from "@/lib/server/portal-api/write-request";
import { cancelSubscription } from "@/lib/server/revkeen-api/customer-portal";
import { cancelSubscriptionBodySchema } from "@/lib/shared/revkeen-api/customer-portal";

/**
 * Cancels one of the customer's subscriptions, once per intent however often it is sent. What the
 * form does not offer (lib/shared/billing/portal-options.ts) is refused here too.
 */
export const POST = portalRoute(async (request: NextRequest, { params }: RouteContext<"/api/portal/subscriptions/[id]/cancel">, user) => {
  requireSameOrigin(request);
  const { id } = await params;
  if (!isResourceId(id)) throw new PortalError("subscription:not_found");
  const key = requireIdempotencyKey(request);
  await checkWriteRate(user.id);
  const body = await readJsonBody(request, cancelSubscriptionBodySchema);
  const refusal = cancelRefusal(body, portalOptions);
  if (refusal) throw new PortalError(refusal);
  const subscription = await withPortalToken(user, (token) => cancelSubscription(token, id, body, key));
  return Response.json(dataBody(subscription));
});
