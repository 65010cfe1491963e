// Everything one sandbox instance remembers, in one object the API routes and the controls
// share. `reset()` puts all of it back as it was created.
import { createCallLog, type CallLog } from "../controls/call-log";
import { createSandboxClock, type SandboxClock } from "../data/clock";
import { createFaultQueue, type FaultQueue } from "../controls/faults";
import { createIdempotencyStore, type IdempotencyStore } from "../api/idempotency";
import { createOneTimeCodes, type OneTimeCodes } from "../data/one-time-codes";
import type { SeedData } from "../data/records";
import { createSeed } from "../data/seed";
import type { SessionShape } from "../api/session-shape";
import { createState, type SandboxState } from "../data/state";
import { createTokenStore, type TokenStore } from "../data/tokens";
import { createWebhookSender, type WebhookSender } from "../data/webhooks";

export interface SandboxContext {
  readonly apiKey: string;
  readonly clock: SandboxClock;
  readonly tokens: TokenStore;
  readonly idempotency: IdempotencyStore;
  readonly faults: FaultQueue;
  readonly calls: CallLog;
  readonly webhooks: WebhookSender;
  /** The codes and verification tokens of bank-detail changes, and the mail that carried them. */
  readonly oneTimeCodes: OneTimeCodes;
  state: SandboxState;
  sessionShape: SessionShape;
  /** Added to every customer-portal API answer (not the controls), in ms; 0 by default. */
  latencyMs: number;
  /** Whether the merchant lets customers manage Direct Debit in the portal; on by default. */
  directDebitSelfService: boolean;
  /** See ContextOptions.checkoutOrigin. */
  readonly checkoutOrigin: (returnUrl: string | null) => string | null;
  reset(): void;
}

export interface ContextOptions {
  apiKey: string;
  sessionShape: SessionShape;
  clock: () => number;
  webhookSecret: string;
  webhookEndpoint: () => string | null;
  webhookRetryDelaysMs?: readonly number[];
  /** The data as of a `now`; createSeed unless a test needs a variant. */
  seed?: (now: number) => SeedData;
  /**
   * Where the hosted checkout page is served, given a session's success (else cancel) address;
   * null: on the origin the create request came to (the standalone server's own).
   */
  checkoutOrigin?: (returnUrl: string | null) => string | null;
}

export function createContext(options: ContextOptions): SandboxContext {
  const clock = createSandboxClock(options.clock);
  const seed = options.seed ?? createSeed;
  const context: SandboxContext = {
    apiKey: options.apiKey,
    clock,
    tokens: createTokenStore(),
    idempotency: createIdempotencyStore(),
    faults: createFaultQueue(),
    calls: createCallLog(),
    webhooks: createWebhookSender({
      secret: options.webhookSecret,
      endpoint: options.webhookEndpoint,
      sandboxNow: clock.now,
      retryDelaysMs: options.webhookRetryDelaysMs,
    }),
    oneTimeCodes: createOneTimeCodes(),
    state: createState(seed(clock.now())),
    sessionShape: options.sessionShape,
    latencyMs: 0,
    directDebitSelfService: true,
    checkoutOrigin: options.checkoutOrigin ?? (() => null),
    reset() {
      clock.reset();
      // Re-seeded from the current time, so the demo dates look fresh again.
      context.state = createState(seed(clock.now()));
      context.tokens.clear();
      context.idempotency.clear();
      context.faults.clear();
      context.calls.clear();
      context.webhooks.clear();
      context.oneTimeCodes.clear();
      context.sessionShape = options.sessionShape;
      context.latencyMs = 0;
      context.directDebitSelfService = true;
    },
  };
  return context;
}
