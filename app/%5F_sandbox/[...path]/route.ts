import { serverEnv } from "@/lib/env/server";
import { inProcessSandbox } from "@/lib/server/revkeen/transport";

/**
 * The in-process sandbox's development controls (/__sandbox/reset, /clock, /faults, …), the same
 * ones `npm run sandbox` serves. They exist only in sandbox mode: with a real key this is a 404.
 */
async function control(request: Request): Promise<Response> {
  if (serverEnv().mode !== "sandbox") {
    return Response.json({ error: { code: "route:not_found", message: "There is nothing here." } }, { status: 404 });
  }
  return inProcessSandbox().handle(request);
}

export { control as GET, control as POST, control as DELETE };
