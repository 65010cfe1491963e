// The official SDK's mandate functions, unmodified, against the sandbox over HTTP: the sandbox
// speaks the wire format the SDK was generated from.
//
// What it takes: the SDK's standalone functions use a module-level client pointed at RevKeen's
// staging URL, and every portal operation declares two security schemes (x-api-key, then bearer).
// Each call therefore gets `baseUrl` and an `auth` callback that answers only the bearer scheme: a
// plain string would be sent in both headers, and a portal call carrying x-api-key is refused.
import { randomUUID } from "node:crypto";
import {
  customerPortalMandatesCancel,
  customerPortalMandatesList,
  customerPortalMandatesReauthorize,
  customerPortalMandatesReauthorizeSendOtp,
  customerPortalMandatesReauthorizeVerifyOtp,
} from "@revkeen/sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandboxServer, type SandboxServer } from "../entry/http-server";
import type { SentEmail } from "../data/one-time-codes";
import { ADA_LOVELACE_ID, ADA_MANDATE_ACTIVE, ADA_MANDATE_CANCELLED } from "../data/seed";
import { MERCHANT_KEY } from "../entry/test-support";

let server: SandboxServer;
let token: string;

beforeAll(async () => {
  server = await startSandboxServer({ port: 0 });
});

afterAll(() => server.close());

async function control<T>(method: string, path: string): Promise<T> {
  const response = await fetch(`${server.url}/__sandbox${path}`, { method, headers: method === "GET" ? {} : { "content-type": "application/json" } });
  return ((await response.json()) as { data: T }).data;
}

beforeEach(async () => {
  await control("POST", "/reset");
  const response = await fetch(`${server.url}/v2/customer-portal/sessions`, {
    method: "POST",
    headers: { "x-api-key": MERCHANT_KEY, "content-type": "application/json" },
    body: JSON.stringify({ customer_id: ADA_LOVELACE_ID }),
  });
  const { data } = (await response.json()) as { data: { url: string } };
  token = new URL(data.url).searchParams.get("token") ?? "";
});

/** The per-call options the SDK needs to reach the sandbox as this customer. */
function as(portalToken: string) {
  return {
    baseUrl: `${server.url}/v2`,
    auth: (scheme: { type: "apiKey" | "http"; scheme?: "basic" | "bearer" }) => (scheme.scheme === "bearer" ? portalToken : undefined),
  };
}

describe("the official SDK against the sandbox", () => {
  it("lists, changes the bank of and cancels a mandate, with the SDK's own types", async () => {
    const listed = await customerPortalMandatesList({ ...as(token), throwOnError: true });
    expect(listed.data.data.map((mandate) => mandate.id)).toEqual([ADA_MANDATE_ACTIVE, ADA_MANDATE_CANCELLED]);

    const sent = await customerPortalMandatesReauthorizeSendOtp({ ...as(token), path: { id: ADA_MANDATE_ACTIVE }, throwOnError: true });
    expect(sent.data).toEqual({ ok: true });
    const [email] = await control<SentEmail[]>("GET", `/emails?customer_id=${ADA_LOVELACE_ID}`);

    const verified = await customerPortalMandatesReauthorizeVerifyOtp({
      ...as(token),
      path: { id: ADA_MANDATE_ACTIVE },
      body: { code: email?.code ?? "" },
      throwOnError: true,
    });
    expect(verified.data.verification_token).toMatch(/^vt_/);

    const changed = await customerPortalMandatesReauthorize({
      ...as(token),
      path: { id: ADA_MANDATE_ACTIVE },
      body: {
        account_holder_name: "Ada King",
        sort_code: "40-11-62",
        account_number: "55779911",
        verification_token: verified.data.verification_token,
        acceptance: { accountHolder: true, soleSignatory: true },
      },
      headers: { "Idempotency-Key": randomUUID() },
      throwOnError: true,
    });
    expect(changed.response.status).toBe(201);
    expect(changed.data.data).toMatchObject({ id: ADA_MANDATE_ACTIVE, status: "pending", account_number_last4: "9911", bank_name: "HSBC UK" });

    const cancelled = await customerPortalMandatesCancel({ ...as(token), path: { id: ADA_MANDATE_ACTIVE }, body: { reason: "Moving on" }, throwOnError: true });
    expect(cancelled.data.data).toMatchObject({ status: "cancelled", next_collection_date: null });
  });

  it("gets the error envelope back as the SDK's error", async () => {
    const result = await customerPortalMandatesCancel({ ...as(token), path: { id: ADA_MANDATE_CANCELLED } });
    expect(result.response.status).toBe(400);
    expect(result.error).toEqual({ error: { type: "invalid_request_error", code: "invalid_request", message: "This mandate is already cancelled." } });
  });

  it("is refused when the token is given as a plain string: the SDK then sends it as x-api-key too", async () => {
    const result = await customerPortalMandatesList({ baseUrl: `${server.url}/v2`, auth: token });
    expect(result.response.status).toBe(401);
    expect(result.request.headers.get("x-api-key")).toBe(token);
  });
});
