// What paying a checkout does to the records themselves, where the API shows no field for it: the
// dunning of the plan the invoice billed.
import { describe, expect, it } from "vitest";
import { createContext, type SandboxContext } from "../entry/context";
import { DAY_MS, MERCHANT_KEY, START } from "../entry/test-support";
import { declineCheckout, payCheckout } from "./checkout-payments";
import { hashPageToken, newPageToken } from "./checkout-sessions";
import type { CheckoutSessionRecord, Dunning } from "./records";
import { ADA_BACKUP, ADA_BACKUP_INVOICE, createSeed } from "./seed";

const DUNNING: Dunning = { startedAt: START - 3 * DAY_MS, retryCount: 2, totalRetries: 4, nextRetryAt: START + 3 * DAY_MS, accessRestricted: false };

function contextInDunning(): SandboxContext {
  return createContext({
    apiKey: MERCHANT_KEY,
    sessionShape: "reference",
    clock: () => START,
    webhookSecret: "rk_wh_unit",
    webhookEndpoint: () => null,
    seed: (now) => {
      const seed = createSeed(now);
      const backup = seed.subscriptions.find((record) => record.subscription.id === ADA_BACKUP);
      if (backup) backup.dunning = { ...DUNNING };
      return seed;
    },
  });
}

function sessionFor(context: SandboxContext, invoiceId: string): CheckoutSessionRecord {
  const invoice = context.state.invoices.get(invoiceId)?.invoice;
  const session: CheckoutSessionRecord = {
    id: "9f0c3a52-1f5e-4c1b-8d7a-2a6f5b4c3d21",
    pageTokenHash: hashPageToken(newPageToken()),
    status: "open",
    mode: "payment",
    amountMinor: invoice?.amount_due ?? 0,
    currency: invoice?.currency ?? "GBP",
    customerId: null,
    invoiceId,
    productId: null,
    subscriptionId: null,
    paymentIntentId: null,
    url: "http://sandbox.test/__sandbox/checkout/x",
    successUrl: null,
    cancelUrl: null,
    allowedMethods: ["card"],
    selectedMethod: null,
    createdAt: START,
    expiresAt: START + DAY_MS,
    expiredAt: null,
  };
  context.state.checkoutSessions.set(session.id, session);
  return session;
}

describe("paying a checkout", () => {
  it("ends the dunning of the past-due plan its invoice billed", () => {
    const context = contextInDunning();
    const backup = context.state.subscriptions.get(ADA_BACKUP);
    expect(backup?.dunning).toEqual(DUNNING);
    expect(payCheckout(context, sessionFor(context, ADA_BACKUP_INVOICE))).toBe("paid");
    expect(backup?.dunning).toBeNull();
    expect(backup?.subscription.status).toBe("active");
  });

  it("leaves the dunning as it was when the card is declined", () => {
    const context = contextInDunning();
    declineCheckout(context, sessionFor(context, ADA_BACKUP_INVOICE));
    expect(context.state.subscriptions.get(ADA_BACKUP)?.dunning).toEqual(DUNNING);
    expect(context.state.subscriptions.get(ADA_BACKUP)?.subscription.status).toBe("past_due");
  });
});
