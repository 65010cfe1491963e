import "server-only";
// What every write of the app's portal API checks before it reaches RevKeen: the page that sent it
// is this site's own, the intent carries its Idempotency-Key, and the body is what the route takes.
import type { z } from "zod";
import { serverEnv } from "@/lib/env/server";
import { isSameOrigin } from "@/lib/server/security/request-origin";
import { PortalError } from "@/lib/shared/portal-api/errors";

const MAX_IDEMPOTENCY_KEY = 255;

export function requireSameOrigin(request: Request): void {
  if (!isSameOrigin(request, serverEnv())) throw new PortalError("portal:forbidden");
}

/** The browser's key goes upstream as is, so a retried or doubled request for one intent acts once. */
export function requireIdempotencyKey(request: Request): string {
  const key = request.headers.get("idempotency-key") ?? "";
  if (key.length < 1 || key.length > MAX_IDEMPOTENCY_KEY) throw new PortalError("request:invalid");
  return key;
}

/** The JSON body checked by `schema`; request:invalid (or `invalid`) for anything else. */
export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S, invalid: PortalError = new PortalError("request:invalid")): Promise<z.output<S>> {
  const json: unknown = await request.json().catch(() => undefined);
  const body = schema.safeParse(json);
  if (!body.success) throw invalid;
  return body.data;
}
