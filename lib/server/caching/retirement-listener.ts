import "server-only";
// One PostgreSQL connection that LISTENs on a channel and hands each notification's payload on,
// and that comes back by itself: when the connection is lost (the database restarted, a network
// blip, pg_terminate_backend) it says so, connects again with a growing pause, and says when it
// listens again. Whoever uses it decides what an outage means; here it is that anything cached
// while nothing could be heard is not trusted once hearing resumes (./cross-instance-retirement.ts).
//
// A connection of its own, never one of the app's pool: a LISTEN belongs to one session, and a
// pooled connection goes back to the pool between queries. A connection can also go quiet without
// closing (a network that drops packets, a database that hangs): a heartbeat query that gets no
// answer in time counts as the connection lost.
import type { Options, PostgresType, Sql } from "postgres";

export type ListenerState = "connecting" | "listening" | "down" | "stopped";

export type RetirementListenerOptions = {
  /** A PostgreSQL address that keeps one session per connection (not a transaction-mode pooler). */
  url: string;
  channel: string;
  /** Each notification's payload, as sent (the caller checks it). */
  onPayload: (payload: string) => void;
  /** Listening (again): nothing said while the connection was down was heard. */
  onListening: (again: boolean) => void;
  /** The connection is lost; `reason` is a driver code, never the address or a password. */
  onDown: (reason: string) => void;
  /** PostgreSQL's application_name for the connection, which pg_stat_activity shows. */
  applicationName?: string;
  /** The pause before the n-th attempt in a row to connect again (n from 1), in ms. */
  pauseMs?: (attempt: number) => number;
  /** How often the connection is asked `select 1` while listening, and how long it has to answer, in ms. */
  heartbeat?: { everyMs: number; timeoutMs: number };
};

export type RetirementListener = {
  state(): ListenerState;
  /** Resolves once listening (again), or rejects after `timeoutMs`. */
  listening(timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
};

/** 100 ms, then doubling, at most 5 s: back within a second of a blip, and gentle on a database that is down. */
const defaultPause = (attempt: number) => Math.min(5_000, 100 * 2 ** (attempt - 1));
const DEFAULT_HEARTBEAT = { everyMs: 10_000, timeoutMs: 5_000 };

type Connection = { sql: Sql; lost: boolean; heartbeat: ReturnType<typeof setInterval> | null };

/** The options postgres.js takes, with the notification handler its types leave out. */
type ConnectionOptions = Options<Record<string, PostgresType>> & { onnotify: (channel: string, payload: string) => void };

export function createRetirementListener(options: RetirementListenerOptions): RetirementListener {
  const pause = options.pauseMs ?? defaultPause;
  const heartbeat = options.heartbeat ?? DEFAULT_HEARTBEAT;
  let state: ListenerState = "connecting";
  let everListened = false;
  let failures = 0;
  let current: Connection | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let waiters: (() => void)[] = [];

  function reasonOf(error: unknown): string {
    const code = typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
    return typeof code === "string" ? code : "CONNECTION_CLOSED";
  }

  function lose(connection: Connection, error: unknown): void {
    if (connection.lost) return;
    connection.lost = true;
    if (connection.heartbeat !== null) clearInterval(connection.heartbeat);
    if (current === connection) current = null;
    void connection.sql.end({ timeout: 0 }).catch(() => undefined);
    if (state === "stopped") return;
    const wasListening = state === "listening";
    state = "down";
    if (wasListening || failures === 0) options.onDown(reasonOf(error));
    failures += 1;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, pause(failures));
    retry.unref?.();
  }

  async function connect(): Promise<void> {
    if (state === "stopped") return;
    if (state !== "down") state = "connecting";
    const { default: postgres } = await import("postgres");
    // Set once the connection exists, so the handlers below can name it.
    const connection: Connection = { sql: undefined as unknown as Sql, lost: false, heartbeat: null };
    const settings: ConnectionOptions = {
      max: 1,
      // Held open for as long as the app runs: a pause in notifications is not idleness.
      idle_timeout: 0,
      max_lifetime: null,
      connect_timeout: 5,
      fetch_types: false,
      onnotice: () => {},
      connection: { application_name: options.applicationName ?? "revkeen-portal-cache-retirement" },
      onnotify: (channel, payload) => {
        if (channel === options.channel && !connection.lost) options.onPayload(payload);
      },
      onclose: () => lose(connection, undefined),
    };
    connection.sql = postgres(options.url, settings);
    current = connection;
    try {
      await connection.sql.unsafe(`listen "${options.channel.replaceAll('"', '""')}"`);
    } catch (error) {
      lose(connection, error);
      return;
    }
    // Stopped or lost while the LISTEN was on its way (the state is changed by other callbacks).
    if (connection.lost || (state as ListenerState) === "stopped") return;
    state = "listening";
    failures = 0;
    connection.heartbeat = beat(connection);
    const again = everListened;
    everListened = true;
    options.onListening(again);
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  }

  /** Asks the connection to answer, every so often, one question at a time. */
  function beat(connection: Connection): ReturnType<typeof setInterval> {
    let asking = false;
    const timer = setInterval(() => {
      if (asking || connection.lost) return;
      asking = true;
      let deadline: ReturnType<typeof setTimeout> | undefined;
      const silence = new Promise<never>((_, reject) => {
        deadline = setTimeout(() => reject(Object.assign(new Error("no answer to the heartbeat"), { code: "HEARTBEAT_TIMEOUT" })), heartbeat.timeoutMs);
      });
      Promise.race([connection.sql`select 1`, silence])
        .then(
          () => undefined,
          (error: unknown) => lose(connection, error),
        )
        .finally(() => {
          clearTimeout(deadline);
          asking = false;
        });
    }, heartbeat.everyMs);
    timer.unref?.();
    return timer;
  }

  void connect();

  return {
    state: () => state,
    listening(timeoutMs) {
      if (state === "listening") return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not listening after ${timeoutMs} ms (${state})`)), timeoutMs);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    async stop() {
      state = "stopped";
      if (retry !== null) clearTimeout(retry);
      const connection = current;
      current = null;
      if (connection !== null) {
        connection.lost = true;
        if (connection.heartbeat !== null) clearInterval(connection.heartbeat);
        await connection.sql.end({ timeout: 0 }).catch(() => undefined);
      }
    },
  };
}
