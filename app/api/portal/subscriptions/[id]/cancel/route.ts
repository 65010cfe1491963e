import type { NextRequest } from "next/server";
import { serverEnv } from "@/lib/env/server";
import { checkWriteRate } from "@/lib/server/security/request-limits";
import { cancelRefusal } from "@/lib/shared/billing/cancel-policy";
import { withPortalToken } from "@/lib/server/portal-session/renew";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { isResourceId } from "@/lib/shared/portal-api/input";
import { portalOptions } from "@/lib/shared/billing/portal-options";
import { dataBody } from "@/lib/shared/portal-api/payloads";
import { portalRoute } from "@/lib/server/portal-api/portal-route";
import { isSameOrigin } from "@/lib/server/security/request-origin";
import { cancelSubscription } from "@/lib/server/revkeen/client";
import { cancelSubscriptionBodySchema } from "@/lib/shared/revkeen-api/schemas";

const MAX_IDEMPOTENCY_KEY = 255;

/**
 * Cancels one of the customer's subscriptions. The browser's Idempotency-Key goes upstream as
 * is, so a retried or doubled request for one confirmed intent cancels once. What the form does
 * not offer (lib/shared/billing/portal-options.ts) is refused here too.
 */
export const POST = portalRoute(async (request: NextRequest, { params }: RouteContext<"/api/portal/subscriptions/[id]/cancel">, user) => {
  if (!isSameOrigin(request, serverEnv())) throw new PortalError("portal:forbidden");
  const { id } = await params;
  if (!isResourceId(id)) throw new PortalError("subscription:not_found");
  const key = request.headers.get("idempotency-key") ?? "";
  if (key.length < 1 || key.length > MAX_IDEMPOTENCY_KEY) throw new PortalError("request:invalid");
  const json: unknown = await request.json().catch(() => undefined);
  const body = cancelSubscriptionBodySchema.safeParse(json);
  if (!body.success) throw new PortalError("request:invalid");
  const refusal = cancelRefusal(body.data, portalOptions);
  if (refusal) throw new PortalError(refusal);
  await checkWriteRate(user.id);
  const subscription = await withPortalToken(user, (token) => cancelSubscription(token, id, body.data, key));
  return Response.json(dataBody(subscription));
});
