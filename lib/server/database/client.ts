import "server-only";
// The app's database: PostgreSQL at DATABASE_URL (Neon, Vercel Postgres, Supabase, RDS, a
// container), or with no DATABASE_URL an embedded PostgreSQL (PGlite) that needs no server: its
// files under DATABASE_DIR (default .data/database, git-ignored), in memory where the filesystem
// is read-only, for the keyless demo only (embedded-storage.ts says why). The embedded one applies
// the migrations itself; a real one gets them from `npm run db:migrate`.
import { join } from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { serverEnv } from "@/lib/env/server";
import { forgetProcessSingleton, processSingleton } from "@/lib/server/caching/process-singleton";
import { log } from "@/lib/server/logging/log";
import { statementEvents, traceDatabaseOperation } from "@/lib/server/tracing/database-span";
import { PortalError } from "@/lib/shared/portal-api/errors";
import { DatabaseRefused, databaseRefusal, embeddedStorage } from "./embedded-storage";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export const MIGRATIONS_FOLDER = join(process.cwd(), "lib/server/database/migrations");

/** The database, opened once per server process. */
export function database(): Promise<Database> {
  return processSingleton("database", () =>
    open().catch((error: unknown) => {
      // Not remembered: the next request tries again.
      forgetProcessSingleton("database");
      throw error;
    }),
  );
}

async function open(): Promise<Database> {
  const env = serverEnv();
  if (env.DATABASE_URL) {
    const [{ default: postgres }, { drizzle }] = await Promise.all([import("postgres"), import("drizzle-orm/postgres-js")]);
    const client = postgres(env.DATABASE_URL, {
      // Small: on Vercel every function instance has its own pool.
      max: 5,
      connect_timeout: 5,
      idle_timeout: 20,
      onnotice: () => {},
      connection: { application_name: "revkeen-portal", statement_timeout: 5_000 },
    });
    return drizzle({ client, schema, logger: statementEvents });
  }
  const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
    import("drizzle-orm/pglite/migrator"),
  ]);
  const storage = embeddedStorage(env.DATABASE_DIR);
  const refusal = databaseRefusal(env, storage);
  if (refusal !== null) {
    log.error("database.refused", { detail: refusal });
    throw new DatabaseRefused(refusal);
  }
  if (storage.kind === "memory") {
    log.warn("database.embedded_in_memory", {
      reason: storage.reason,
      detail: "the embedded database lives in memory and starts empty with each instance (the keyless demo only)",
    });
  }
  const client = storage.kind === "files" ? new PGlite(storage.dir) : new PGlite();
  const db = drizzle({ client, schema, logger: statementEvents });
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  openedStorage().inMemory = storage.kind === "memory";
  return db;
}

/** Whether this process's database is the embedded one in memory, whose rows go with the process. */
export function databaseInMemory(): boolean {
  return openedStorage().inMemory;
}

function openedStorage(): { inMemory: boolean } {
  return processSingleton("database.storage", () => ({ inMemory: false }));
}

/**
 * Runs `query` against the database. A database that is down, unreachable or missing its tables
 * is logged once per failure (never the address or password) and becomes a PortalError the
 * customer can read, with a retry.
 */
export function withDatabase<T>(operation: string, query: (db: Database) => Promise<T>): Promise<T> {
  return traceDatabaseOperation(operation, async () => {
    try {
      return await query(await database());
    } catch (error) {
      log.error("database.unavailable", { operation, ...describeFailure(error) });
      throw new PortalError("database:unavailable", { cause: error });
    }
  });
}

function describeFailure(error: unknown): { code: string | undefined; hint: string } {
  const found = findCode(error);
  const hint =
    found === "refused"
      ? "no database the app may run on: see database.refused"
      : found === "42P01"
        ? "a table is missing: run `npm run db:migrate` against DATABASE_URL"
        : found === "ECONNREFUSED" || found === "ENOTFOUND" || found === "CONNECT_TIMEOUT" || found === "ETIMEDOUT"
          ? "the database at DATABASE_URL cannot be reached"
          : "the database refused or failed the query (check DATABASE_URL and `npm run doctor`)";
  return { code: found, hint };
}

/** The error code of a driver error, however deep in `cause` it sits. */
function findCode(error: unknown, depth = 0): string | undefined {
  if (typeof error !== "object" || error === null || depth > 4) return undefined;
  const code = "code" in error && typeof error.code === "string" ? error.code : undefined;
  return code ?? ("cause" in error ? findCode(error.cause, depth + 1) : undefined);
}
