import { describe, expect, it } from "vitest";
import { ADA_BACKUP, ADA_BACKUP_INVOICE, ADA_LOVELACE_ID, ADA_PRO, createSeed } from "./seed";
import { ADA_VISA } from "./seed-payment-methods";
import type { Sandbox } from "../entry/sandbox";
import { control, DAY_MS, dataOf, merchant, mintToken, ORIGIN, portal, setup, START } from "../entry/test-support";
import type { Delivery } from "./webhooks";

const iso = (ms: number) => new Date(ms).toISOString();

async function dunningOf(sandbox: Sandbox, id = ADA_BACKUP): Promise<Record<string, unknown> | null> {
  return (await dataOf<{ dunning: Record<string, unknown> | null }>(await merchant(sandbox, "GET", `/subscriptions/${id}`))).dunning;
}

/** The events sent so far, oldest first. */
async function events(sandbox: Sandbox): Promise<Delivery["event"][]> {
  return (await dataOf<Delivery[]>(await control(sandbox, "GET", "/webhooks"))).map((delivery) => delivery.event).reverse();
}

async function advanceDays(sandbox: Sandbox, days: number): Promise<void> {
  expect((await control(sandbox, "POST", "/clock", { advance_seconds: days * 86_400 })).status).toBe(200);
}

describe("dunning as the clock moves", () => {
  it("makes a retry when it falls due: it fails, the invoice stays open, and the next is a week later", async () => {
    const { sandbox } = setup();
    await advanceDays(sandbox, 3);
    expect(await dunningOf(sandbox)).toEqual({
      is_in_dunning: true,
      phase: 2,
      phase_label: "Final retry",
      phase_severity: "warning",
      retry_count: 3,
      total_possible_retries: 4,
      next_retry_at: iso(START + 10 * DAY_MS),
      days_in_dunning: 21,
      access_restricted: false,
    });
    const sent = await events(sandbox);
    expect(sent.map((event) => event.type)).toEqual(["invoice.payment_failed", "payment.failed"]);
    expect(sent[0]?.data.object).toMatchObject({ id: ADA_BACKUP_INVOICE, status: "open", amount_due: 3000, customer_id: ADA_LOVELACE_ID, subscription_id: ADA_BACKUP });
    expect(sent[1]?.data.object).toMatchObject({
      object: "payment",
      status: "failed",
      amount_minor: 3000,
      currency: "GBP",
      invoice_id: ADA_BACKUP_INVOICE,
      subscription_id: ADA_BACKUP,
      payment_method_id: ADA_VISA,
      payment_method_details: { type: "card", card: { brand: "visa", last4: "4242" } },
      failure_code: "card_declined",
      created_at: iso(START + 3 * DAY_MS),
    });
  });

  it("does nothing before a retry is due", async () => {
    const { sandbox, clock } = setup();
    clock.advance(3 * DAY_MS - 1);
    expect(await dunningOf(sandbox)).toMatchObject({ retry_count: 2, next_retry_at: iso(START + 3 * DAY_MS), days_in_dunning: 20 });
    expect(await events(sandbox)).toEqual([]);
  });

  it("restricts access when the last retry has failed, and retries no more", async () => {
    const { sandbox } = setup();
    await advanceDays(sandbox, 40);
    expect(await dunningOf(sandbox)).toEqual({
      is_in_dunning: true,
      phase: 3,
      phase_label: "Access restricted",
      phase_severity: "critical",
      retry_count: 4,
      total_possible_retries: 4,
      next_retry_at: null,
      days_in_dunning: 58,
      access_restricted: true,
    });
    // The retries only: the renewal billed meanwhile fails on its own invoice (below).
    const failures = (await events(sandbox)).filter((event) => event.type === "payment.failed" || (event.type === "invoice.payment_failed" && event.data.object.id === ADA_BACKUP_INVOICE));
    // Each payment carries the time its retry was made, though the clock passed both at once.
    expect(failures.map((event) => [event.type, event.type === "payment.failed" ? event.data.object.created_at : event.data.object.id])).toEqual([
      ["invoice.payment_failed", ADA_BACKUP_INVOICE],
      ["payment.failed", iso(START + 3 * DAY_MS)],
      ["invoice.payment_failed", ADA_BACKUP_INVOICE],
      ["payment.failed", iso(START + 10 * DAY_MS)],
    ]);
    const subscription = await dataOf<{ status: string; updated_at: string }>(await merchant(sandbox, "GET", `/subscriptions/${ADA_BACKUP}`));
    expect(subscription.status).toBe("past_due");
  });

  it("ends with the subscription: a plan cancelled now is retried no more", async () => {
    const { sandbox } = setup();
    const token = await mintToken(sandbox);
    const cancelled = await portal(sandbox, token, `/subscriptions/${ADA_BACKUP}/cancel`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"cancel_at_period_end":false}' });
    expect(cancelled.status).toBe(200);
    expect(await dunningOf(sandbox)).toBeNull();
    await advanceDays(sandbox, 20);
    const aboutBackup = (await events(sandbox)).filter((event) => event.data.object.id === ADA_BACKUP || event.data.object.subscription_id === ADA_BACKUP);
    expect(aboutBackup.map((event) => event.type)).toEqual(["subscription.canceled"]);
  });

  it("takes a plan's benefits away once access is restricted, and gives them back to nobody else", async () => {
    // A variant of the seed where Pro, which grants pro-reports, is on its last retry.
    const { sandbox } = setup({
      seed: (now) => {
        const seed = createSeed(now);
        const pro = seed.subscriptions.find((record) => record.subscription.id === ADA_PRO);
        if (!pro) throw new Error("no Pro in the seed");
        pro.subscription.status = "past_due";
        pro.dunning = { startedAt: now - 21 * DAY_MS, retryCount: 3, totalRetries: 4, nextRetryAt: now + DAY_MS, accessRestricted: false };
        return seed;
      },
    });
    const check = async () =>
      dataOf<{ has_access: boolean; status: string | null; reason: string | null }>(
        await sandbox.handle(new Request(`${ORIGIN}/v2/entitlements/check?customer_id=${ADA_LOVELACE_ID}&benefit_key=pro-reports`, { headers: { "x-api-key": "rk_sandbox_portal_starter_demo" } })),
      );
    expect(await check()).toMatchObject({ has_access: true, status: "past_due", reason: null });
    await advanceDays(sandbox, 1);
    expect(await check()).toEqual(expect.objectContaining({ has_access: false, status: "restricted", reason: "Access is restricted until the plan's failed payment is made." }));
  });
});

describe("the seed's dunning", () => {
  it("is Backup's alone: 2 of 4 retries made, the next in 3 days, with its open £30.00 invoice", () => {
    const seed = createSeed(START);
    expect(seed.subscriptions.filter((record) => record.dunning !== null).map((record) => record.subscription.id)).toEqual([ADA_BACKUP]);
    const backup = seed.subscriptions.find((record) => record.subscription.id === ADA_BACKUP);
    expect(backup?.subscription).toMatchObject({ status: "past_due", amount_minor: 2500, currency: "GBP", interval: "month" });
    expect(backup?.dunning).toEqual({ startedAt: START - 18 * DAY_MS, retryCount: 2, totalRetries: 4, nextRetryAt: START + 3 * DAY_MS, accessRestricted: false });
    const owed = seed.invoices.filter((record) => record.subscriptionId === ADA_BACKUP);
    expect(owed.map((record) => [record.invoice.id, record.invoice.status, record.invoice.total, record.invoice.amount_due, record.invoice.currency])).toEqual([
      [ADA_BACKUP_INVOICE, "open", 3000, 3000, "GBP"],
    ]);
  });
});

describe("a renewal while in dunning", () => {
  it("is billed but not paid: its invoice stays open beside the one that failed", async () => {
    const { sandbox } = setup();
    await advanceDays(sandbox, 31);
    const token = await mintToken(sandbox);
    const invoices = await dataOf<{ id: string; status: string; total: number; amount_due: number; currency: string }[]>(await portal(sandbox, token, "/invoices?limit=100"));
    const sent = await events(sandbox);
    const renewal = sent.find((event) => event.type === "subscription.renewed" && event.data.object.id === ADA_BACKUP);
    expect(renewal).toBeDefined();
    const billed = sent.filter((event) => event.data.object.subscription_id === ADA_BACKUP && event.type.startsWith("invoice.") && event.data.object.id !== ADA_BACKUP_INVOICE);
    expect(billed.map((event) => [event.type, event.data.object.status])).toEqual([
      ["invoice.created", "open"],
      ["invoice.payment_failed", "open"],
    ]);
    const renewalInvoice = invoices.find((invoice) => invoice.id === billed[0]?.data.object.id);
    expect(renewalInvoice).toMatchObject({ status: "open", total: 2500, amount_due: 2500, currency: "GBP" });
    expect(invoices.find((invoice) => invoice.id === ADA_BACKUP_INVOICE)).toMatchObject({ status: "open", amount_due: 3000 });
  });
});
