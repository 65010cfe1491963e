import type { NextRequest } from "next/server";
import { withPortalToken } from "@/lib/portal-access";
import { PortalError } from "@/lib/portal-error";
import { isResourceId } from "@/lib/portal-input";
import { dataBody } from "@/lib/portal-payloads";
import { portalRoute } from "@/lib/portal-route";
import { getInvoice } from "@/lib/revkeen/client";

export const GET = portalRoute(async (_request: NextRequest, { params }: RouteContext<"/api/portal/invoices/[id]">, user) => {
  const { id } = await params;
  if (!isResourceId(id)) throw new PortalError("invoice:not_found");
  const invoice = await withPortalToken(user, (token) => getInvoice(token, id));
  return Response.json(dataBody(invoice));
});
