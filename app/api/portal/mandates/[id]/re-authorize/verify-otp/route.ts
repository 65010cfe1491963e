import type { NextRequest } from "next/server";
import { verifyChangeCode } from "@/lib/server/direct-debit/change-bank";
import { portalRoute } from "@/lib/server/portal-api/portal-route";
import { readJsonBody, requireSameOrigin } from "@/lib/server/portal-api/write-request";
import { checkWriteRate } from "@/lib/server/security/request-limits";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { isResourceId } from "@/lib/shared/portal-api/input";
import { verifyMandateCodeBodySchema } from "@/lib/shared/revkeen-api/mandates";

/**
 * Step two: the code the customer received. The verification token RevKeen returns goes into a
 * sealed httpOnly cookie; the answer only says the code was right.
 */
export const POST = portalRoute(async (request: NextRequest, { params }: RouteContext<"/api/portal/mandates/[id]/re-authorize/verify-otp">, user) => {
  requireSameOrigin(request);
  const { id } = await params;
  if (!isResourceId(id)) throw new PortalError("mandate:not_found");
  // Guessing is limited twice: here per user, and by RevKeen per code.
  await checkWriteRate(user.id);
  const { code } = await readJsonBody(request, verifyMandateCodeBodySchema, new PortalError("mandate:code_invalid"));
  await verifyChangeCode(user, id, code);
  return Response.json({ verified: true });
});
