import { describe, expect, it } from "vitest";
import { ADA_LOVELACE_ID, ADA_PRO, GRACE_HOPPER_ID } from "../data/seed";
import { control, errorOf, MERCHANT_KEY, mintToken, ORIGIN, portal, setup } from "../entry/test-support";
import type { Sandbox } from "../entry/sandbox";

type Check = { benefit_key: string; has_access: boolean; access_level: string; status: string | null; benefit: { benefit_key: string; name: string } | null; reason: string | null };

async function check(sandbox: Sandbox, customerId: string, benefitKey = "pro-reports", headers: Record<string, string> = { "x-api-key": MERCHANT_KEY }): Promise<Response> {
  return sandbox.handle(new Request(`${ORIGIN}/v2/entitlements/check?${new URLSearchParams({ customer_id: customerId, benefit_key: benefitKey })}`, { headers }));
}

const dataOfCheck = async (response: Response) => ((await response.json()) as { data: Check }).data;

async function cancel(sandbox: Sandbox, now: boolean): Promise<void> {
  const token = await mintToken(sandbox);
  await portal(sandbox, token, `/subscriptions/${ADA_PRO}/cancel`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ cancel_at_period_end: !now }) });
}

describe("GET /v2/entitlements/check", () => {
  it("grants pro-reports to Ada, whose Pro plan is active", async () => {
    const { sandbox } = setup();
    expect(await dataOfCheck(await check(sandbox, ADA_LOVELACE_ID))).toMatchObject({
      benefit_key: "pro-reports",
      has_access: true,
      access_level: "full",
      status: "active",
      benefit: { benefit_key: "pro-reports", name: "Pro reports" },
      reason: null,
    });
  });

  it("keeps access through a scheduled cancel until its date, then takes it away", async () => {
    const { sandbox, clock } = setup();
    await cancel(sandbox, false);
    expect((await dataOfCheck(await check(sandbox, ADA_LOVELACE_ID))).has_access).toBe(true);
    clock.advance(32 * 86_400_000);
    expect(await dataOfCheck(await check(sandbox, ADA_LOVELACE_ID))).toMatchObject({ has_access: false, access_level: "none", status: "canceled" });
  });

  it("takes access away at once when the plan is cancelled now", async () => {
    const { sandbox } = setup();
    await cancel(sandbox, true);
    expect(await dataOfCheck(await check(sandbox, ADA_LOVELACE_ID))).toMatchObject({ has_access: false, status: "canceled", reason: "No current subscription grants this benefit." });
  });

  it("answers no access for a customer without the plan, and for a benefit no plan grants", async () => {
    const { sandbox } = setup();
    expect(await dataOfCheck(await check(sandbox, GRACE_HOPPER_ID))).toMatchObject({ has_access: false, status: null, benefit: { benefit_key: "pro-reports" } });
    expect(await dataOfCheck(await check(sandbox, ADA_LOVELACE_ID, "time-travel"))).toMatchObject({ has_access: false, benefit: null, reason: "No plan grants this benefit." });
  });

  it("needs the merchant key and a known customer, and counts as entitlements.check", async () => {
    const { sandbox } = setup();
    expect((await check(sandbox, ADA_LOVELACE_ID, "pro-reports", {})).status).toBe(401);
    expect((await check(sandbox, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect(await errorOf(await check(sandbox, "not-a-uuid"))).toMatchObject({ code: "invalid_request" });
    const calls = (await (await control(sandbox, "GET", "/calls")).json()) as { data: { by_operation: Record<string, number> } };
    expect(calls.data.by_operation["entitlements.check"]).toBe(3);
  });
});

describe("GET /v2/entitlements", () => {
  it("lists what a customer's plans grant, with offset paging and the customer", async () => {
    const { sandbox } = setup();
    const response = await sandbox.handle(new Request(`${ORIGIN}/v2/entitlements?customer_id=${ADA_LOVELACE_ID}`, { headers: { "x-api-key": MERCHANT_KEY } }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { benefit: { benefit_key: string }; has_access: boolean; subscription_id: string }[]; pagination: unknown; customer: unknown };
    expect(body.data).toEqual([expect.objectContaining({ has_access: true, subscription_id: ADA_PRO, benefit: expect.objectContaining({ benefit_key: "pro-reports" }) })]);
    expect(body.pagination).toEqual({ limit: 20, offset: 0, total: 1 });
    expect(body.customer).toEqual({ id: ADA_LOVELACE_ID, email: "ada@example.com", name: "Ada Lovelace" });
  });

  it("leaves out what has ended unless include_expired is true", async () => {
    const { sandbox } = setup();
    await cancel(sandbox, true);
    const list = async (query: string) =>
      ((await (await sandbox.handle(new Request(`${ORIGIN}/v2/entitlements?customer_id=${ADA_LOVELACE_ID}${query}`, { headers: { "x-api-key": MERCHANT_KEY } }))).json()) as { data: unknown[] }).data;
    expect(await list("")).toEqual([]);
    expect(await list("&include_expired=true")).toHaveLength(1);
  });
});
