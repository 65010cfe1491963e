import type { NextRequest } from "next/server";
import { sendChangeCode } from "@/lib/server/direct-debit/change-bank";
import { portalRoute } from "@/lib/server/portal-api/portal-route";
import { readNoBody, requireSameOrigin } from "@/lib/server/portal-api/write-request";
import { checkWriteRate } from "@/lib/server/security/request-limits";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { isResourceId } from "@/lib/shared/portal-api/input";

/** Step one of a change of bank: RevKeen e-mails the customer a one-time code. Each send counts as a write. */
export const POST = portalRoute(async (request: NextRequest, { params }: RouteContext<"/api/portal/mandates/[id]/re-authorize/send-otp">, user) => {
  requireSameOrigin(request);
  const { id } = await params;
  if (!isResourceId(id)) throw new PortalError("mandate:not_found");
  await checkWriteRate(user.id);
  await readNoBody(request);
  await sendChangeCode(user, id);
  return Response.json({ sent: true });
});
