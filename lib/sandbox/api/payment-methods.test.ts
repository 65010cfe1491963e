import { describe, expect, it } from "vitest";
import type { CallSummary } from "../controls/call-log";
import { ADA_LOVELACE_ID, EMILIE_DU_CHATELET_ID, GRACE_HOPPER_ID, KENJI_SATO_ID } from "../data/seed";
import { ADA_MASTERCARD, ADA_VISA, EMILIE_CARD, KENJI_CARD } from "../data/seed-payment-methods";
import { control, DAY_MS, dataOf, errorOf, merchant, setup } from "../entry/test-support";

type Method = { id: string; status: string; is_default: boolean; card: { brand: string; last4: string; exp_month: number; exp_year: number } | null };

const methodsOf = async (sandbox: Parameters<typeof merchant>[0], customerId: string) => dataOf<Method[]>(await merchant(sandbox, "GET", `/customers/${customerId}/payment-methods`));

describe("GET /v2/customers/{id}/payment-methods", () => {
  it("answers Ada's default Visa, valid until the end of this month, then her expired Mastercard", async () => {
    const { sandbox } = setup();
    // The suite's clock starts on 15 June 2026.
    expect(await methodsOf(sandbox, ADA_LOVELACE_ID)).toEqual([
      {
        id: ADA_VISA,
        object: "payment_method",
        public_id: expect.stringMatching(/^pm_[0-9a-f]{24}$/),
        type: "card",
        status: "active",
        customer_id: ADA_LOVELACE_ID,
        is_default: true,
        card: { brand: "visa", last4: "4242", exp_month: 6, exp_year: 2026, funding: "credit" },
        us_bank_account: null,
        bacs_direct_debit: null,
        billing_details: { name: "Ada Lovelace", email: null, phone: null, address: null },
        metadata: {},
        created_at: "2023-12-15T12:00:00.000Z",
        updated_at: "2023-12-15T12:00:00.000Z",
      },
      expect.objectContaining({ id: ADA_MASTERCARD, status: "expired", is_default: false, card: { brand: "mastercard", last4: "4444", exp_month: 4, exp_year: 2026, funding: "debit" } }),
    ]);
  });

  it("shows the Visa expired once the clock passes the end of its month", async () => {
    const { sandbox, clock } = setup();
    clock.advance(15 * DAY_MS + 12 * 3_600_000 - 1);
    expect((await methodsOf(sandbox, ADA_LOVELACE_ID))[0]).toMatchObject({ id: ADA_VISA, status: "active" });
    clock.advance(1);
    expect((await methodsOf(sandbox, ADA_LOVELACE_ID))[0]).toMatchObject({ id: ADA_VISA, status: "expired" });
  });

  it("answers one valid card each for Kenji and Émilie, and none for Grace", async () => {
    const { sandbox } = setup();
    expect(await methodsOf(sandbox, KENJI_SATO_ID)).toEqual([expect.objectContaining({ id: KENJI_CARD, status: "active", is_default: true, card: expect.objectContaining({ brand: "jcb", last4: "0505", exp_year: 2029 }) })]);
    expect(await methodsOf(sandbox, EMILIE_DU_CHATELET_ID)).toEqual([expect.objectContaining({ id: EMILIE_CARD, status: "active", is_default: true, card: expect.objectContaining({ brand: "visa", last4: "3155", exp_year: 2028 }) })]);
    expect(await methodsOf(sandbox, GRACE_HOPPER_ID)).toEqual([]);
  });

  it("never answers more of a card than brand, last four, expiry and funding", async () => {
    const { sandbox } = setup();
    for (const customerId of [ADA_LOVELACE_ID, KENJI_SATO_ID, EMILIE_DU_CHATELET_ID]) {
      for (const method of await methodsOf(sandbox, customerId)) {
        expect(Object.keys(method.card ?? {}).sort()).toEqual(["brand", "exp_month", "exp_year", "funding", "last4"]);
        expect(method.card?.last4).toMatch(/^\d{4}$/);
      }
    }
  });

  it("answers 404 for an unknown customer, 400 for a malformed id, 401 without the key, and counts as payment_methods.list", async () => {
    const { sandbox } = setup();
    expect(await errorOf(await merchant(sandbox, "GET", "/customers/00000000-0000-4000-8000-000000000000/payment-methods"))).toEqual({
      type: "invalid_request_error",
      code: "resource_missing",
      message: "No such customer for this merchant.",
    });
    expect((await merchant(sandbox, "GET", "/customers/ada/payment-methods")).status).toBe(400);
    expect((await merchant(sandbox, "GET", `/customers/${ADA_LOVELACE_ID}/payment-methods`, undefined, { "x-api-key": "rk_sandbox_wrong" })).status).toBe(401);
    await control(sandbox, "POST", "/faults", { operation: "payment_methods.list", drop: true });
    await expect(merchant(sandbox, "GET", `/customers/${ADA_LOVELACE_ID}/payment-methods`)).rejects.toThrow("fetch failed");
    const calls = await dataOf<CallSummary>(await control(sandbox, "GET", "/calls"));
    expect(calls.by_operation["payment_methods.list"]).toBe(4);
  });
});
