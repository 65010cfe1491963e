import { serverEnv } from "@/lib/env/server";
import { inProcessSandbox } from "@/lib/server/revkeen/transport";

/**
 * The in-process sandbox's development controls (/__sandbox/reset, /clock, /faults, …), the same
 * ones `npm run sandbox` serves. They exist in sandbox mode under `next dev`, and in a production
 * build only with SANDBOX_CONTROLS=true: on a public keyless demo anyone could otherwise slow,
 * fault or reset it for every visitor. Elsewhere this is a 404.
 */
async function control(request: Request): Promise<Response> {
  if (!serverEnv().sandboxControls) {
    return Response.json({ error: { code: "route:not_found", message: "There is nothing here." } }, { status: 404 });
  }
  return inProcessSandbox().handle(request);
}

export { control as GET, control as POST, control as DELETE };
