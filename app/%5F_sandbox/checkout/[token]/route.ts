import { serverEnv } from "@/lib/env/server";
import { CHECKOUT_PAGE_PATH } from "@/lib/sandbox/data/checkout-sessions";
import { inProcessSandbox } from "@/lib/sandbox/entry/in-process-sandbox";

/** One page token, nothing else: the sandbox routes on the URL it is handed, controls included. */
const CHECKOUT_PAGE = new RegExp(`^${CHECKOUT_PAGE_PATH}[A-Za-z0-9_-]+$`);

/**
 * The in-process sandbox's hosted checkout page, where "Pay now" sends a customer in sandbox mode.
 * It is RevKeen's page played by the demo, not a development control: served in a production build
 * as well, and whoever can sign in, since it acts only on the one session its unguessable URL opens.
 * Outside sandbox mode RevKeen serves its own page and this is a 404.
 */
async function checkoutPage(request: Request): Promise<Response> {
  if (serverEnv().mode !== "sandbox" || !CHECKOUT_PAGE.test(new URL(request.url).pathname)) {
    return Response.json({ error: { code: "route:not_found", message: "There is nothing here." } }, { status: 404 });
  }
  return inProcessSandbox().handle(request);
}

export { checkoutPage as GET, checkoutPage as HEAD, checkoutPage as POST };
