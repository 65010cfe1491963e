"use server";

import type { Route } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { serverEnv } from "@/lib/env/server";
import { startCheckout } from "@/lib/server/checkout/start-checkout";
import { portalAction } from "@/lib/server/portal-actions/portal-action";
import { sameSiteOrigin } from "@/lib/server/security/request-origin";
import { portalOptions } from "@/lib/shared/billing/portal-options";
import type { ActionState } from "@/lib/shared/portal-api/action-state";
import { PortalError } from "@/lib/shared/portal-api/errors";

const payNow = portalAction({
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

/**
 * "Pay now": sends the customer to RevKeen's hosted checkout for one of her open invoices. It
 * answers only refusals, worded here in the page's language so that the form shows them as they
 * come (the page's scripts carry no message formatter); on success it redirects, once the
 * checkout is created and remembered.
 */
export async function payNowAction(previous: ActionState<never>, form: FormData): Promise<ActionState<never>> {
  const answer = await payNow(previous, form);
  if (answer.status !== "failed") return answer;
  const [t, errors] = await Promise.all([getTranslations("PayNow"), getTranslations("Errors")]);
  return { ...answer, message: t("failed", { reason: errors.has(answer.code) ? errors(answer.code) : answer.message }) };
}
