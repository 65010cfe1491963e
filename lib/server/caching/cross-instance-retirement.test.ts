// Several instances of the app on one PostgreSQL, as listeners on a real server (LISTEN/NOTIFY
// is between sessions of one server: the embedded database cannot show it). Each "instance" here
// is a listener of its own in this process.
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { postgresForThisFile } from "@/lib/testing/postgres-under-test";
import type { RetirementListener } from "./retirement-listener";

vi.mock("next/cache", () => ({ revalidateTag: () => {} }));

const server = postgresForThisFile();
/** A database of its own, which the reconnection test closes to new connections for a while. */
const DATABASE = "retirement";
const urlOf = (database: string) => server.url.replace(/\/postgres$/, `/${database}`);

type Modules = {
  retirement: typeof import("./cross-instance-retirement");
  listener: typeof import("./retirement-listener");
  answers: typeof import("@/lib/server/entitlements/entitlement-cache");
  reads: typeof import("@/lib/server/plans/customer-reads-cache");
  customerCache: typeof import("@/lib/server/entitlements/customer-cache");
};
let modules: Modules;
/** The cluster's own database, for what the tests do as the database's owner. */
let admin: postgres.Sql;
const started: RetirementListener[] = [];

beforeAll(async () => {
  admin = postgres(server.url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${DATABASE}`);
  vi.stubEnv("AUTH_SECRET", "a-unit-test-secret-that-is-long-enough-123");
  vi.stubEnv("DATABASE_URL", urlOf(DATABASE));
  modules = {
    retirement: await import("./cross-instance-retirement"),
    listener: await import("./retirement-listener"),
    answers: await import("@/lib/server/entitlements/entitlement-cache"),
    reads: await import("@/lib/server/plans/customer-reads-cache"),
    customerCache: await import("@/lib/server/entitlements/customer-cache"),
  };
}, 120_000);

afterEach(async () => {
  await Promise.all(started.splice(0).map((listener) => listener.stop()));
  await admin.unsafe(`alter database ${DATABASE} allow_connections true`);
});

afterAll(async () => {
  await admin.end({ timeout: 5 });
  vi.unstubAllEnvs();
});

function keep<T extends RetirementListener>(listener: T): T {
  started.push(listener);
  return listener;
}

/** An instance that records what it hears, and when. */
function recordingInstance(name: string): { listener: RetirementListener; heard: { payload: string; at: number }[] } {
  const heard: { payload: string; at: number }[] = [];
  const listener = keep(
    modules.listener.createRetirementListener({
      url: urlOf(DATABASE),
      channel: modules.retirement.RETIREMENT_CHANNEL,
      applicationName: name,
      onPayload: (payload) => heard.push({ payload, at: Date.now() }),
      onListening: () => {},
      onDown: () => {},
    }),
  );
  return { listener, heard };
}

/** Another instance's NOTIFY, sent from a connection of its own. */
async function notifyAsAnotherInstance(payload: string): Promise<void> {
  const other = postgres(urlOf(DATABASE), { max: 1, onnotice: () => {} });
  try {
    await other.notify(modules.retirement.RETIREMENT_CHANNEL, payload);
  } finally {
    await other.end({ timeout: 5 });
  }
}

/** An answer and a read kept about `customerId` now, after any retirement listening began with. */
function cacheAbout(customerId: string): void {
  // One millisecond on: a retirement in this same millisecond retires what was kept in it.
  const at = Date.now() + 1;
  modules.answers.keepAnswer(customerId, "pro-reports", true, at);
  modules.reads.keepRead(customerId, "paymentMethods", [], at);
}

function cached(customerId: string): { answer: boolean | undefined; read: unknown } {
  return { answer: modules.answers.cachedAnswer(customerId, "pro-reports"), read: modules.reads.cachedRead(customerId, "paymentMethods") };
}

describe("caches across instances on one PostgreSQL", () => {
  it("what one instance drops about a customer, every other instance hears within a second, named by the customer's id alone", async () => {
    const a = recordingInstance("instance-a");
    const b = recordingInstance("instance-b");
    await Promise.all([a.listener.listening(10_000), b.listener.listening(10_000)]);
    const customerId = randomUUID();

    const sentAt = Date.now();
    // As a webhook about the customer does on instance A (lib/server/webhooks/handle-event.ts).
    await modules.customerCache.dropCustomerCaches(customerId);

    await expect.poll(() => b.heard.length, { timeout: 1_000, interval: 10 }).toBe(1);
    expect(b.heard.map((message) => message.payload)).toEqual([customerId]);
    expect(b.heard[0]?.at ?? Number.POSITIVE_INFINITY).toBeLessThan(sentAt + 1_000);
    // A hears its own message too, which only retires again what it already dropped.
    await expect.poll(() => a.heard.map((message) => message.payload), { timeout: 1_000, interval: 10 }).toEqual([customerId]);
  });

  it("when the other instances cannot be told, the instance still drops its own copy, and the webhook's handling goes on", async () => {
    const warnings = vi.spyOn(console, "warn");
    const customerId = randomUUID();
    cacheAbout(customerId);
    // The app's own connections to the database are cut, and no new one is let in.
    await admin.unsafe(`alter database ${DATABASE} allow_connections false`);
    await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${DATABASE} and application_name = 'revkeen-portal'`;

    await expect(modules.customerCache.dropCustomerCaches(customerId)).resolves.toBeUndefined();
    expect(cached(customerId)).toEqual({ answer: undefined, read: undefined });
    const lines = warnings.mock.calls.map((call) => String(call[0])).filter((line) => line.includes("cache.retirement_not_published"));
    expect(lines.map((line) => (JSON.parse(line) as { customer_id: string }).customer_id)).toEqual([customerId]);
    warnings.mockRestore();
  });

  it("an instance that hears a customer retired drops its answers and reads about them, and about no one else", async () => {
    const listener = keep(modules.retirement.listenForRetirements(urlOf(DATABASE), { applicationName: "instance-b" }));
    await listener.listening(10_000);
    const retired = randomUUID();
    const other = randomUUID();
    cacheAbout(retired);
    cacheAbout(other);
    expect(cached(retired)).toEqual({ answer: true, read: [] });

    // Not a customer id: ignored. Then the customer's id, after it on the same connection.
    await notifyAsAnotherInstance("ada@example.com");
    await notifyAsAnotherInstance(retired);

    await expect.poll(() => cached(retired), { timeout: 1_000, interval: 10 }).toEqual({ answer: undefined, read: undefined });
    expect(cached(other)).toEqual({ answer: true, read: [] });
  });

  it("after its connection is killed, the listener connects again, drops everything cached while it could not hear, and hears again", async () => {
    const warnings = vi.spyOn(console, "warn");
    const listener = keep(modules.retirement.listenForRetirements(urlOf(DATABASE), { applicationName: "instance-killed", pauseMs: () => 50 }));
    await listener.listening(10_000);
    const before = randomUUID();
    cacheAbout(before);

    // The database turns new connections away for a while, and the listener's is killed.
    await admin.unsafe(`alter database ${DATABASE} allow_connections false`);
    const killed = await admin`select pg_terminate_backend(pid) as killed from pg_stat_activity where application_name = 'instance-killed'`;
    expect(killed.map((row) => row.killed)).toEqual([true]);
    await expect.poll(() => listener.state(), { timeout: 5_000, interval: 10 }).toBe("down");

    // Meanwhile: a webhook about `before` on another instance, unheard here; and a new answer.
    const meanwhile = randomUUID();
    cacheAbout(meanwhile);
    expect(cached(before)).toEqual({ answer: true, read: [] });
    expect(cached(meanwhile)).toEqual({ answer: true, read: [] });

    await admin.unsafe(`alter database ${DATABASE} allow_connections true`);
    await listener.listening(10_000);
    expect(cached(before)).toEqual({ answer: undefined, read: undefined });
    expect(cached(meanwhile)).toEqual({ answer: undefined, read: undefined });

    const after = randomUUID();
    cacheAbout(after);
    await notifyAsAnotherInstance(after);
    await expect.poll(() => cached(after), { timeout: 1_000, interval: 10 }).toEqual({ answer: undefined, read: undefined });

    // The outage was logged once, by a driver code, never with the database's address.
    const lines = warnings.mock.calls.map((call) => String(call[0])).filter((line) => line.includes("cache.retirement_not_listening"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/postgres:\/\/|127\.0\.0\.1/);
    warnings.mockRestore();
  });

  it("a connection that goes quiet without closing is noticed by the heartbeat, replaced, and what was cached before it is dropped", async () => {
    const listener = keep(
      modules.retirement.listenForRetirements(urlOf(DATABASE), { applicationName: "instance-quiet", pauseMs: () => 50, heartbeat: { everyMs: 100, timeoutMs: 200 } }),
    );
    await listener.listening(10_000);
    const before = randomUUID();
    cacheAbout(before);
    const [backend] = await admin<{ pid: number }[]>`select pid from pg_stat_activity where application_name = 'instance-quiet'`;
    if (backend === undefined) throw new Error("the listener's connection is not in pg_stat_activity");
    // The listener's server process stops answering, its connection still open.
    process.kill(backend.pid, "SIGSTOP");
    try {
      await expect.poll(() => listener.state(), { timeout: 5_000, interval: 10 }).toBe("down");
      await listener.listening(10_000);
      expect(cached(before)).toEqual({ answer: undefined, read: undefined });
      const [replacement] = await admin<{ pid: number }[]>`select pid from pg_stat_activity where application_name = 'instance-quiet' and pid <> ${backend.pid}`;
      expect(replacement?.pid).toEqual(expect.any(Number));
    } finally {
      process.kill(backend.pid, "SIGCONT");
    }
  });
});
