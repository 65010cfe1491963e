// Shared by the sandbox's tests (not by the app): a fake clock, and short ways to mint a
// session and call the API through `handle()`.
import { DEFAULT_SANDBOX_API_KEY } from "@/lib/env/schema.mjs";
import { createSandbox, type Sandbox, type SandboxOptions } from "./sandbox";
import { ADA_LOVELACE_ID } from "../data/seed";

export const ORIGIN = "http://sandbox.test";
export const API = `${ORIGIN}/v2/customer-portal`;
export const MERCHANT_KEY = DEFAULT_SANDBOX_API_KEY;
/** What setupWithWebhooks's sandbox signs its webhooks with. */
export const WEBHOOK_SECRET = "rk_wh_sandbox_unit_tests";
export const START = Date.UTC(2026, 5, 15, 12, 0, 0);
export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

export interface FakeClock {
  now(): number;
  advance(ms: number): void;
}

export function fakeClock(start = START): FakeClock {
  let now = start;
  return {
    now: () => now,
    advance(ms) {
      now += ms;
    },
  };
}

export function setup(options: SandboxOptions = {}): { sandbox: Sandbox; clock: FakeClock } {
  const clock = fakeClock();
  return { sandbox: createSandbox({ clock: clock.now, ...options }), clock };
}

/** A sandbox whose webhooks go to `endpoint`, retried after 10, 20 and 40 ms instead of seconds. */
export function setupWithWebhooks(endpoint: string | null): { sandbox: Sandbox; clock: FakeClock } {
  return setup({ webhookSecret: WEBHOOK_SECRET, webhookEndpoint: () => endpoint, webhookRetryDelaysMs: [10, 20, 40] });
}

export function mintRequest(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${API}/sessions`, {
    method: "POST",
    headers: { "x-api-key": MERCHANT_KEY, "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** A fresh portal token for `customerId` (the sandbox must use the "reference" shape). */
export async function mintToken(sandbox: Sandbox, customerId = ADA_LOVELACE_ID, ttlMinutes?: number): Promise<string> {
  const response = await sandbox.handle(mintRequest({ customer_id: customerId, ttl_minutes: ttlMinutes }));
  if (response.status !== 201) throw new Error(`mint failed with ${response.status}`);
  const { data } = (await response.json()) as { data: { url: string } };
  const token = new URL(data.url).searchParams.get("token");
  if (!token) throw new Error("no token in the session url");
  return token;
}

export function portalRequest(token: string, path: string, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${token}`);
  return new Request(`${API}${path}`, { ...init, headers });
}

export function portal(sandbox: Sandbox, token: string, path: string, init: RequestInit = {}): Promise<Response> {
  return sandbox.handle(portalRequest(token, path, init));
}

/** A merchant-API call (`/v2/…` outside the portal) with the merchant key; JSON when there is a body. */
export function merchant(sandbox: Sandbox, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return sandbox.handle(
    new Request(`${ORIGIN}/v2${path}`, {
      method,
      headers: { "x-api-key": MERCHANT_KEY, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      body: body === undefined ? null : typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

/** A control request as the suite and the docs send it: JSON for every change. */
export function control(sandbox: Sandbox, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return sandbox.handle(
    new Request(`${ORIGIN}/__sandbox${path}`, {
      method,
      headers: { ...(method === "GET" ? {} : { "content-type": "application/json" }), ...headers },
      body: body === undefined ? null : typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

export interface ErrorBody {
  error: { type: string; code: string; message: string };
}

export async function errorOf(response: Response): Promise<ErrorBody["error"]> {
  return ((await response.json()) as ErrorBody).error;
}

export async function dataOf<T>(response: Response): Promise<T> {
  return ((await response.json()) as { data: T }).data;
}
