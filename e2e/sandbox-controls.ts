// The sandbox's development controls (see lib/sandbox/controls/controls.ts), for the e2e suite and the bench.

export type SandboxCalls = {
  total: number;
  by_operation: Record<string, number>;
  log: { operation: string; at: string; status: number | null }[];
};

type FaultBody = {
  operation?: string | string[];
  count?: number;
  status?: number;
  retry_after?: number;
  delay_ms?: number;
  drop?: boolean;
  malformed?: boolean;
};

export type WebhookDelivery = {
  id: string;
  event_type: string;
  state: "pending" | "delivered" | "failed" | "no_endpoint";
  attempts: { at: string; status: number | null; answer: string | null; fault: string | null }[];
  event: { id: string; type: string; data: { object: Record<string, unknown> } };
};

/** A one-time code as the sandbox "e-mailed" it. */
export type SentEmail = { customer_id: string; mandate_id: string; to: string; code: string; sent_at: string };

/** The standalone sandbox's controls (see lib/sandbox): the suite's way to shape the upstream. */
export class SandboxControls {
  constructor(private readonly baseUrl: string) {}

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/__sandbox/${path}`, {
      method,
      // Every change as JSON: the controls refuse anything else (see lib/sandbox/controls/controls.ts).
      headers: method === "GET" ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { data: T }).data;
  }
  reset = () => this.call("POST", "reset");
  customers = () => this.call<{ id: string; name: string; email: string }[]>("GET", "customers");
  fault = (body: FaultBody) => this.call("POST", "faults", body);
  clearFaults = () => this.call("DELETE", "faults");
  advanceClock = (seconds: number) => this.call("POST", "clock", { advance_seconds: seconds });
  revokeTokens = (customerId?: string) => this.call<{ revoked: number }>("POST", "tokens/revoke", customerId ? { customer_id: customerId } : {});
  calls = () => this.call<SandboxCalls>("GET", "calls");
  resetCalls = () => this.call("DELETE", "calls");
  sessionShape = (shape: "reference" | "sdk" | "token" | "tokenless") => this.call("POST", "settings", { session_shape: shape });
  /** What the merchant sees: every scheduled or finished cancellation, with the reason given. */
  cancellations = () => this.call<{ subscription_id: string; status: string; reason: string | null }[]>("GET", "cancellations");
  latency = (ms: number) => this.call<{ latency_ms: number }>("POST", "settings", { latency_ms: ms });
  /** Every webhook delivery, newest first, with its attempts and the app's answers. */
  webhooks = () => this.call<WebhookDelivery[]>("GET", "webhooks");
  webhookFault = (kind: "duplicate" | "out_of_order" | "bad_signature" | "endpoint_down", count = 1) => this.call("POST", "webhooks/faults", { kind, count });
  /** Whether the merchant offers Direct Debit self-service (on after every reset). */
  directDebitSelfService = (on: boolean) => this.call("POST", "settings", { direct_debit_self_service: on });
  /** The codes sent to a customer, newest first. */
  emails = (customerId: string) => this.call<SentEmail[]>("GET", `emails?customer_id=${encodeURIComponent(customerId)}`);
  async latestCode(customerId: string): Promise<string> {
    const [latest] = await this.emails(customerId);
    if (!latest) throw new Error("no code was e-mailed");
    return latest.code;
  }
  async customerId(name: string): Promise<string> {
    const found = (await this.customers()).find((customer) => customer.name === name);
    if (!found) throw new Error(`no demo customer named ${name}`);
    return found.id;
  }
}
