import { signsInRealPeople } from "@/app/(auth)/auth";
import { serverEnv } from "@/lib/env/server";
import { inProcessSandbox } from "@/lib/sandbox/entry/in-process-sandbox";

/**
 * The in-process sandbox's development controls (/__sandbox/reset, /clock, /faults, …), the same
 * ones `npm run sandbox` serves. They exist in sandbox mode under `next dev`, and in a production
 * build only with SANDBOX_CONTROLS=true: on a public keyless demo anyone could otherwise slow,
 * fault or reset it for every visitor. Elsewhere this is a 404.
 *
 * They are off, too, while real people can sign in: their customers, one-time codes and webhooks
 * live in the same sandbox, and the controls would list them and let anyone reset or revoke them.
 * Refusing outright keeps one rule to check, where showing demo customers only would need a filter
 * on every control, each new one included.
 */
async function control(request: Request): Promise<Response> {
  if (!serverEnv().sandboxControls) return notFound("There is nothing here.");
  if (signsInRealPeople()) {
    return notFound(
      "The sandbox's controls are off while real people can sign in (AUTH_GITHUB_ID, or another provider in app/(auth)/auth.ts): they would show those people's e-mail addresses, one-time codes and webhooks. Unset the provider to use them.",
    );
  }
  return inProcessSandbox().handle(request);
}

function notFound(message: string): Response {
  return Response.json({ error: { code: "route:not_found", message } }, { status: 404 });
}

export { control as GET, control as POST, control as DELETE };
