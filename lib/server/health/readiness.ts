import "server-only";
// GET /api/health?ready=1: whether this instance can serve a customer now. Its database answers a
// trivial query and RevKeen answers the cheapest call the key may make, both within a time limit
// shorter than a load balancer's usual check timeout. The answer names each check's state in a
// word: never a URL, an address, a key or an error's text.
import { sql } from "drizzle-orm";
import { serverEnv } from "@/lib/env/server";
import { whyUnavailable } from "@/lib/server/availability/service-unavailable";
import { withDatabase } from "@/lib/server/database/client";
import { processDatabaseRefusal } from "@/lib/server/database/embedded-storage";
import { askRevKeenForOneProduct } from "@/lib/server/revkeen-api/reachability";
import { PortalError } from "@/lib/shared/portal-api/errors";

/** Each check's own limit: under the 5 s most load balancers and uptime checks wait by default. */
export const READINESS_TIMEOUT_MS = 3_000;

export type DatabaseState = "ok" | "unavailable" | "refused" | "timeout";
export type RevKeenState = "ok" | "unreachable" | "key_refused" | "timeout";
export type Readiness =
  | { ready: true; database: "ok"; revkeen: "ok" }
  | { ready: false; database: DatabaseState; revkeen: RevKeenState }
  /** The heap guard sheds load: nothing is checked, the instance is only asked to get no new requests. */
  | { ready: false; server: "busy" };

const TIMED_OUT = Symbol("timed out");

/** `check`'s answer, or TIMED_OUT once `READINESS_TIMEOUT_MS` has passed (the check goes on, unheard). */
async function within<T>(check: Promise<T>): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), READINESS_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check, limit]);
  } finally {
    clearTimeout(timer);
  }
}

async function databaseState(): Promise<DatabaseState> {
  if (processDatabaseRefusal(serverEnv()) !== null) return "refused";
  const answer = await within(
    withDatabase("health.ping", (db) => db.execute(sql`select 1`)).then(
      () => "ok" as const,
      () => "unavailable" as const,
    ),
  );
  return answer === TIMED_OUT ? "timeout" : answer;
}

/**
 * A 429 is an answer: RevKeen is up and took the key, and its limit is the merchant's key's, not
 * this instance's, so sending the traffic to another instance would not help.
 */
function revKeenFailure(error: unknown): RevKeenState {
  if (!(error instanceof PortalError)) return "unreachable";
  if (error.code === "upstream:rate_limited") return "ok";
  return error.code === "upstream:rejected_key" ? "key_refused" : "unreachable";
}

async function revKeenState(): Promise<RevKeenState> {
  const answer = await within(
    askRevKeenForOneProduct().then(
      () => "ok" as const,
      (error: unknown) => revKeenFailure(error),
    ),
  );
  return answer === TIMED_OUT ? "timeout" : answer;
}

export async function readiness(): Promise<Readiness> {
  const unavailable = whyUnavailable(serverEnv());
  if (unavailable?.code === "server:busy") return { ready: false, server: "busy" };
  const [database, revkeen] = await Promise.all([databaseState(), revKeenState()]);
  return database === "ok" && revkeen === "ok" ? { ready: true, database, revkeen } : { ready: false, database, revkeen };
}
