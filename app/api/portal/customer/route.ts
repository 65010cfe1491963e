import type { NextRequest } from "next/server";
import { withPortalToken } from "@/lib/portal-access";
import { dataBody } from "@/lib/portal-payloads";
import { portalRoute } from "@/lib/portal-route";
import { getCustomer } from "@/lib/revkeen/client";

export const GET = portalRoute(async (_request: NextRequest, _context: unknown, user) => {
  const customer = await withPortalToken(user, (token) => getCustomer(token));
  return Response.json(dataBody(customer));
});
