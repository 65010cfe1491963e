import "server-only";
// What every write of the portal repeats, as a server action: the page that sent it is this
// site's own, the form's fields checked by a schema, the signed-in user, the write limit before
// anything reaches RevKeen, the form's Idempotency-Key (a UUID and nothing else, so no text of the
// sender's choosing reaches a header or a log line), and a PortalError turned into the typed
// answer the form shows. Next caps the body before the action runs (serverActions in
// next.config.mjs) and checks the Origin too, but trusts X-Forwarded-Host and lets a request
// without an Origin through; the exact check below does neither (request-origin.ts).
import type { Route } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { serverEnv } from "@/lib/env/server";
import { currentUser, type SignedInUser } from "@/lib/server/auth/current-user";
import { isSameOrigin } from "@/lib/server/security/request-origin";
import { checkWriteRate } from "@/lib/server/security/request-limits";
import type { ActionState } from "@/lib/shared/portal-api/action-state";
import { PortalError, type PortalErrorCode } from "@/lib/shared/portal-api/errors";
import { failedState as failed } from "./failed-state";
import { signInPath } from "@/lib/shared/paths/redirect-paths";

type Write<S extends z.ZodType, T> = {
  /** The form's fields (empty ones left out), or what `read` makes of the form. */
  input: S;
  read?: (form: FormData) => unknown;
  /** The refusal for fields the schema does not take; request:invalid unless said. */
  invalid?: PortalErrorCode;
  /** What the merchant does not offer, refused before the write counts against the limit. */
  refuse?: (input: z.output<S>) => PortalErrorCode | null;
  /** The form carries an Idempotency-Key: one per rendering of the form, so a double press acts once. */
  keyed?: boolean;
  /** The page the form is on: where sign-in comes back to. */
  page: (input: z.output<S>) => string;
  run: (input: z.output<S>, context: { user: SignedInUser; idempotencyKey: string }) => Promise<T>;
};

const idempotencyKey = z.uuid();

/** Text fields by name; an empty field is a field not sent. */
function formFields(form: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === "string" && value.trim() !== "") fields[name] = value;
  return fields;
}


export function portalAction<S extends z.ZodType, T>(write: Write<S, T>): (previous: ActionState<T>, form: FormData) => Promise<ActionState<T>> {
  return async (_previous, form) => {
    if (!isSameOrigin({ headers: await headers() }, serverEnv())) return await failed(new PortalError("portal:forbidden"));
    const key = write.keyed ? idempotencyKey.safeParse(form.get("idempotencyKey")) : null;
    if (key && !key.success) return await failed(new PortalError("request:invalid"));
    const input = write.input.safeParse((write.read ?? formFields)(form));
    if (!input.success) return await failed(new PortalError(write.invalid ?? "request:invalid"));
    const refusal = write.refuse?.(input.data);
    if (refusal) return await failed(new PortalError(refusal));
    try {
      // Inside: with the database down, whether the session was signed out cannot be known, and
      // that is the form's answer too (database:unavailable), not an error page.
      const user = await currentUser();
      if (user === null) redirect(signInPath(write.page(input.data)) as Route);
      await checkWriteRate(user.id);
      return { status: "done", data: await write.run(input.data, { user, idempotencyKey: key?.data ?? "" }) };
    } catch (error) {
      if (error instanceof PortalError) return await failed(error);
      throw error;
    }
  };
}
