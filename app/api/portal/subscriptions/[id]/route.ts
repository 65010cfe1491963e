import type { NextRequest } from "next/server";
import { withPortalToken } from "@/lib/portal-access";
import { PortalError } from "@/lib/portal-error";
import { isResourceId } from "@/lib/portal-input";
import { dataBody } from "@/lib/portal-payloads";
import { portalRoute } from "@/lib/portal-route";
import { getSubscription } from "@/lib/revkeen/client";

export const GET = portalRoute(async (_request: NextRequest, { params }: RouteContext<"/api/portal/subscriptions/[id]">, user) => {
  const { id } = await params;
  if (!isResourceId(id)) throw new PortalError("subscription:not_found");
  const subscription = await withPortalToken(user, (token) => getSubscription(token, id));
  return Response.json(dataBody(subscription));
});
