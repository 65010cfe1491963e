import type { NextRequest } from "next/server";
import { withStoredPortalToken } from "@/lib/server/portal-session/renew";
import { dataBody } from "@/lib/shared/portal-api/payloads";
import { portalRoute } from "@/lib/server/portal-api/portal-route";
import { getCustomer } from "@/lib/server/revkeen-api/customer-portal";

export const GET = portalRoute(async (_request: NextRequest, _context: unknown, user) => {
  const customer = await withStoredPortalToken(user, (token) => getCustomer(token));
  return Response.json(dataBody(customer));
});
