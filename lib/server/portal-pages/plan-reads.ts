import "server-only";
// The merchant reads a portal page shows beside the portal's own: plan names and dunning (from the
// customer's subscriptions and their products) and the payment methods on file. Made with the
// merchant's key, so only for the customer the signed-in user is linked to, and a plan's details
// are only ever joined to a subscription the customer's portal token returned (joinPlanDetails).
// Each read runs beside the page's portal reads, is kept a short while (lib/server/plans/), and never
// fails a page: without it, plans are named by their price and the section says what went wrong.
import { cache } from "react";
import { currentUser } from "@/lib/server/auth/current-user";
import { customerIdForUser } from "@/lib/server/billing-account/customer-id-for-user";
import { log } from "@/lib/server/logging/log";
import { readThrough } from "@/lib/server/plans/customer-reads-cache";
import { productNames } from "@/lib/server/plans/product-names";
import { listCustomerSubscriptions } from "@/lib/server/revkeen-api/merchant-subscriptions";
import { listPaymentMethods } from "@/lib/server/revkeen-api/payment-methods";
import { readInvoices } from "./reads";
import { portalOptions } from "@/lib/shared/billing/portal-options";
import { anyInDunning, joinPlanDetails, withOpenInvoices, type PlanDetails } from "@/lib/shared/billing/plan-details";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { ALL_ITEMS_LIMIT } from "@/lib/shared/portal-api/keys";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import type { MerchantSubscription } from "@/lib/shared/revkeen-api/merchant-subscriptions";
import type { PaymentMethod } from "@/lib/shared/revkeen-api/payment-methods";

/** The RevKeen customer the signed-in user is linked to, or null. */
const linkedCustomer = cache(async (): Promise<string | null> => {
  const user = await currentUser();
  return user === null ? null : customerIdForUser(user);
});

type MerchantPlans = { customerId: string; subscriptions: readonly MerchantSubscription[]; productNames: ReadonlyMap<string, string> };

/** The customer's merchant subscriptions and their product names, or null when they cannot be had. */
export const readMerchantPlans = cache(async (): Promise<MerchantPlans | null> => {
  if (!portalOptions.planNames && !portalOptions.dunningMessage) return null;
  try {
    const customerId = await linkedCustomer();
    if (customerId === null) return null;
    const subscriptions = await readThrough(customerId, "subscriptions", async () => (await listCustomerSubscriptions(customerId)).data);
    const ids = portalOptions.planNames ? subscriptions.flatMap((subscription) => (subscription.product_id ? [subscription.product_id] : [])) : [];
    return { customerId, subscriptions, productNames: await productNames(ids) };
  } catch (error) {
    log.warn("plans.details_unavailable", { code: error instanceof PortalError ? error.code : "unexpected" });
    return null;
  }
});

/** The details of the plans in `portal` (what the customer's token returned), from `plans`. */
export function planDetailsFor(plans: MerchantPlans | null, portal: readonly { id: string }[]): PlanDetails {
  if (plans === null) return {};
  const details = joinPlanDetails({ customerId: plans.customerId, portalIds: portal.map((subscription) => subscription.id), merchant: plans.subscriptions, productNames: plans.productNames });
  if (portalOptions.planNames && portalOptions.dunningMessage) return details;
  return Object.fromEntries(
    Object.entries(details).map(([id, detail]) => [id, { ...detail, name: portalOptions.planNames ? detail.name : null, dunning: portalOptions.dunningMessage ? detail.dunning : null }]),
  );
}

/**
 * The details of the plans `portal` (the page's own portal read) resolves to, read beside it. Only
 * when a plan the page shows (`onlyId`: a plan's own page) is in dunning are the customer's invoices
 * read too, to find the one to pay; without them the way forward is the invoice list.
 */
export async function readPlanDetails(token: string, portal: Promise<readonly PortalSubscription[]>, onlyId?: string): Promise<PlanDetails> {
  const plans = readMerchantPlans();
  const shown = (id: string) => onlyId === undefined || id === onlyId;
  // The merchant's answer alone says whether a plan is in dunning, so the invoice read starts the
  // moment it is here (at once from the cache), beside the portal's read rather than after it.
  const open = plans.then((read) =>
    portalOptions.dunningMessage && read?.subscriptions.some((subscription) => shown(subscription.id) && subscription.dunning?.is_in_dunning)
      ? readInvoices(token, ALL_ITEMS_LIMIT).then((list) => list.data, () => [])
      : null,
  );
  const [merchant, subscriptions, invoices] = await Promise.all([plans, portal, open]);
  const joined = planDetailsFor(merchant, subscriptions);
  if (invoices === null || !anyInDunning(joined)) return joined;
  return withOpenInvoices(joined, subscriptions, invoices);
}

export type PaymentMethodsRead = { state: "ok"; methods: readonly PaymentMethod[] } | { state: "unavailable" } | { state: "none" };

/** The customer's payment methods on file; "none" without a linked customer, "unavailable" when RevKeen fails. */
export const readPaymentMethods = cache(async (): Promise<PaymentMethodsRead> => {
  try {
    const customerId = await linkedCustomer();
    if (customerId === null) return { state: "none" };
    return { state: "ok", methods: await readThrough(customerId, "paymentMethods", () => listPaymentMethods(customerId)) };
  } catch (error) {
    log.warn("plans.payment_methods_unavailable", { code: error instanceof PortalError ? error.code : "unexpected" });
    return { state: "unavailable" };
  }
});
