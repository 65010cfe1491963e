"use server";

import type { Route } from "next";
import { redirect } from "next/navigation";
import { z } from "zod";
import { customerIdForUser } from "@/lib/server/billing-account/customer-id-for-user";
import { dropCustomerCaches } from "@/lib/server/entitlements/customer-cache";
import { hasAccess } from "@/lib/server/entitlements/has-access";
import { portalAction } from "@/lib/server/portal-actions/portal-action";
import { createSubscription } from "@/lib/server/revkeen-api/subscription-changes";
import { cardToCharge, existingPlan, offeredProductId, planPath } from "@/lib/server/upgrades/upgrade-offer";
import { safeLocalPath } from "@/lib/shared/paths/safe-path";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { upgradePath } from "@/lib/shared/paths/upgrade-path";

/** A subscription that is neither of these after its first charge was not paid for. */
const PAID = new Set(["active", "trialing"]);

const subscribeInput = z.object({
  // The benefit, never the product: the server maps it through the portal options.
  benefit: z.string().max(200),
  next: z.string().max(2000).optional(),
});

/**
 * Subscribes the signed-in user's customer to the product that grants `benefit`, charged to their
 * default card on file, then opens the feature. One subscription per rendering of the form
 * (its Idempotency-Key), and none at all for a customer who already has the benefit, or a plan of
 * the product that has not ended: the feature opens for a paid one, and one waiting for its payment
 * is opened instead, where its open invoice can be paid.
 */
export const subscribeAction = portalAction({
  input: subscribeInput,
  refuse: ({ benefit }) => (offeredProductId(benefit) === null ? "upgrade:not_offered" : null),
  keyed: true,
  page: ({ benefit, next }) => upgradePath(benefit, next),
  run: async ({ benefit, next }, { user, idempotencyKey }): Promise<never> => {
    const feature = safeLocalPath(next) as Route;
    const customerId = await customerIdForUser(user);
    if (customerId === null) throw new PortalError("portal:no_account");
    // A second press after the first went through, or a second tab: nothing more to buy.
    if (await hasAccess(user, benefit)) redirect(feature);
    const productId = offeredProductId(benefit);
    if (productId === null) throw new PortalError("upgrade:not_offered");
    // A plan of the product that has not ended. After a declined press (the form makes a new key
    // then), or restricted by dunning, it waits for its payment: its page is where the customer goes
    // on from here, rather than a refusal with nothing to do. One paid for is the benefit the gate
    // had not seen yet (the first of two sends of this form made it a moment ago): the feature opens.
    const plan = await existingPlan(customerId, productId);
    if (plan !== null) redirect(PAID.has(plan.status) ? feature : planPath(plan));
    const card = await cardToCharge(customerId);
    if (card === null) throw new PortalError("upgrade:no_payment_method");
    const created = await createSubscription({ customerId, productId, paymentMethodId: card.id }, idempotencyKey);
    // The feature's gate asks RevKeen on the next page, not when the webhooks come.
    await dropCustomerCaches(customerId);
    if (!PAID.has(created.status)) throw new PortalError("upgrade:card_declined");
    redirect(feature);
  },
});
