import { serverEnv } from "@/lib/env/server";
import { inProcessSandbox } from "@/lib/sandbox/entry/in-process-sandbox";

/**
 * The in-process sandbox's hosted checkout page, where "Pay now" sends a customer in sandbox mode.
 * It is RevKeen's page played by the demo, not a development control: served in a production build
 * as well, and whoever can sign in, since it acts only on the one session its unguessable URL opens.
 * Outside sandbox mode RevKeen serves its own page and this is a 404.
 */
async function checkoutPage(request: Request): Promise<Response> {
  if (serverEnv().mode !== "sandbox") {
    return Response.json({ error: { code: "route:not_found", message: "There is nothing here." } }, { status: 404 });
  }
  return inProcessSandbox().handle(request);
}

export { checkoutPage as GET, checkoutPage as HEAD, checkoutPage as POST };
