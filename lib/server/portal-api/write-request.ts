import "server-only";
// What every write of the app's portal API checks before it reaches RevKeen: the page that sent it
// is this site's own, the intent carries its Idempotency-Key, and the body is what the route takes.
// A route reads the body last, after the write limit (checkWriteRate), so a user past the limit
// costs no reading at all, and then no more than MAX_WRITE_BODY_BYTES of it.
import type { z } from "zod";
import { serverEnv } from "@/lib/env/server";
import { readBoundedText } from "@/lib/server/security/bounded-body";
import { isSameOrigin } from "@/lib/server/security/request-origin";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { uuidSchema } from "@/lib/shared/revkeen-api/wire";
import { parseJsonText } from "@/lib/shared/revkeen-api/wire";

/** The largest write, new bank details, is well under 1 KiB. */
const MAX_WRITE_BODY_BYTES = 16 * 1024;

export function requireSameOrigin(request: Request): void {
  if (!isSameOrigin(request, serverEnv())) throw new PortalError("portal:forbidden");
}

/**
 * The browser's key goes upstream as is, so a retried or doubled request for one intent acts once.
 * A UUID and nothing else, so no text of the sender's choosing reaches a header or a log line.
 */
export function requireIdempotencyKey(request: Request): string {
  const key = uuidSchema.safeParse(request.headers.get("idempotency-key"));
  if (!key.success) throw new PortalError("request:invalid");
  return key.data;
}

async function readBody(request: Request): Promise<string> {
  const text = await readBoundedText(request, MAX_WRITE_BODY_BYTES);
  if (text === null) throw new PortalError("request:too_large");
  return text;
}

/** The JSON body checked by `schema`: request:too_large past the cap, request:invalid (or `invalid`) for anything else. */
export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S, invalid: PortalError = new PortalError("request:invalid")): Promise<z.output<S>> {
  const body = schema.safeParse(parseJsonText(await readBody(request)));
  if (!body.success) throw invalid;
  return body.data;
}

/** For a write that takes no body: whatever is sent is read up to the cap and dropped, and refused past it like any other. */
export async function readNoBody(request: Request): Promise<void> {
  await readBody(request);
}
