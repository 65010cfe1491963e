import "server-only";
// "Pay now" as a write: it sends the customer to RevKeen's hosted checkout for one of her open
// invoices, or answers why not. The form's server action (./actions.ts) takes it back to the page.
import type { Route } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { serverEnv } from "@/lib/env/server";
import { startCheckout } from "@/lib/server/checkout/start-checkout";
import { portalAction } from "@/lib/server/portal-actions/portal-action";
import { sameSiteOrigin } from "@/lib/server/security/request-origin";
import { portalOptions } from "@/lib/shared/billing/portal-options";
import { PortalError } from "@/lib/shared/portal-api/errors";

/** Redirects to the checkout once it is created and remembered; otherwise answers the refusal. */
export const payNow = portalAction({
  input: z.object({ invoiceId: z.uuid() }),
  invalid: "invoice:not_found",
  // Off in lib/shared/billing/portal-options.ts: refused here too, whatever the request.
  refuse: () => (portalOptions.payNow ? null : "invoice:pay_now_off"),
  keyed: true,
  page: ({ invoiceId }) => `/portal/invoices/${invoiceId}`,
  run: async ({ invoiceId }, { user, idempotencyKey }): Promise<never> => {
    // portalAction has checked the Origin already: this is this site's own.
    const siteOrigin = sameSiteOrigin({ headers: await headers() }, serverEnv());
    if (siteOrigin === null) throw new PortalError("portal:forbidden");
    // RevKeen's checkout page: another site, so not one of this app's typed routes.
    redirect((await startCheckout(user, invoiceId, idempotencyKey, siteOrigin)) as Route);
  },
});
