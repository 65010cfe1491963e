import type { NextRequest } from "next/server";
import { withStoredPortalToken } from "@/lib/server/portal-session/renew";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { isResourceId } from "@/lib/shared/portal-api/input";
import { dataBody } from "@/lib/shared/portal-api/payloads";
import { portalRoute } from "@/lib/server/portal-api/portal-route";
import { getSubscription } from "@/lib/server/revkeen-api/customer-portal";

export const GET = portalRoute(async (_request: NextRequest, { params }: RouteContext<"/api/portal/subscriptions/[id]">, user) => {
  const { id } = await params;
  if (!isResourceId(id)) throw new PortalError("subscription:not_found");
  const subscription = await withStoredPortalToken(user, (token) => getSubscription(token, id));
  return Response.json(dataBody(subscription));
});
