// The in-memory RevKeen customer-portal API: one Web-standard handler, usable in-process
// as a fetch replacement or behind the standalone HTTP server (http-server.ts).
import { randomBytes } from "node:crypto";
import { DEFAULT_SANDBOX_API_KEY } from "@/lib/env/schema.mjs";
import { createContext } from "./context";
import { handleApi } from "../api/api-routes";
import { handleCheckoutPage, isCheckoutPagePath } from "../checkout/hosted-page";
import { handleControl, isControlPath } from "../controls/controls";
import { describeCustomers, type DemoCustomerSummary } from "../controls/demo-customers";
import { errorReply, internalError } from "../http/errors";
import { SandboxConnectionDrop } from "../controls/faults";
import type { SeedData } from "../data/records";
import { toResponse } from "../http/reply";
import type { SessionShape } from "../api/session-shape";

export interface SandboxOptions {
  /** The merchant key `x-api-key` must carry; defaults to DEFAULT_SANDBOX_API_KEY. */
  apiKey?: string;
  /** How POST /sessions answers (see ../api/session-shape.ts); "reference" by default. */
  sessionShape?: SessionShape;
  /** Milliseconds since the epoch; tests inject a fake one. Defaults to Date.now. */
  clock?: () => number;
  /** The secret webhooks are signed with; by default one of this sandbox's own that nobody else knows. */
  webhookSecret?: string;
  /** Where webhooks go, asked at each delivery; none by default (deliveries wait as no_endpoint). */
  webhookEndpoint?: () => string | null;
  /** Delays between delivery attempts; tests shorten them. */
  webhookRetryDelaysMs?: readonly number[];
  /** The demo data as of a `now` (createSeed by default): tests pass a variant, e.g. a customer without an e-mail. */
  seed?: (now: number) => SeedData;
  /**
   * Where the hosted checkout page is served, given a session's success (else cancel) address: the
   * in-process sandbox answers it on the app's own origin. Null or unset: the origin the create
   * request came to, as the standalone server serves it.
   */
  checkoutOrigin?: (returnUrl: string | null) => string | null;
}

export interface Sandbox {
  /**
   * Answers one request. Resolves with a Response for everything, errors included; rejects
   * only as fetch would: a TypeError("fetch failed") (SandboxConnectionDrop) for a dropped
   * connection fault, or the abort reason when `request.signal` aborts a delayed answer.
   */
  handle(request: Request): Promise<Response>;
  /** `fetch`'s signature, for code that takes a fetch implementation. */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** The demo customers, for a "sign in as" picker. */
  customers(): DemoCustomerSummary[];
  /** Back to the seed: data, tokens, idempotency keys, faults, call counts, clock, settings, webhooks, one-time codes. */
  reset(): void;
  /** The sandbox's current time in ms (real or injected time plus any advance). */
  now(): number;
  /** Resolves once no webhook delivery is in flight or waiting for a retry. */
  webhooksSettled(): Promise<void>;
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const context = createContext({
    apiKey: options.apiKey ?? DEFAULT_SANDBOX_API_KEY,
    sessionShape: options.sessionShape ?? "reference",
    clock: options.clock ?? Date.now,
    webhookSecret: options.webhookSecret ?? `rk_wh_${randomBytes(24).toString("hex")}`,
    webhookEndpoint: options.webhookEndpoint ?? (() => null),
    webhookRetryDelaysMs: options.webhookRetryDelaysMs,
    seed: options.seed,
    checkoutOrigin: options.checkoutOrigin,
  });

  async function handle(request: Request): Promise<Response> {
    try {
      const url = new URL(request.url);
      // The checkout page sits under /__sandbox beside the controls, but is RevKeen's page, not a control.
      const reply = isCheckoutPagePath(url.pathname)
        ? await handleCheckoutPage(context, request, url)
        : isControlPath(url.pathname)
          ? await handleControl(context, request, url)
          : await handleApi(context, request, url);
      return toResponse(reply);
    } catch (error) {
      if (error instanceof SandboxConnectionDrop) throw error;
      if (request.signal.aborted) throw request.signal.reason;
      console.error("[sandbox] unexpected error:", error);
      return toResponse(errorReply(internalError()));
    }
  }

  return {
    handle,
    fetch: (input, init) => handle(new Request(input, init)),
    customers: () => describeCustomers(context.state),
    reset: () => context.reset(),
    now: () => context.clock.now(),
    webhooksSettled: () => context.webhooks.settled(),
  };
}
