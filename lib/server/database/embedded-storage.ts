import "server-only";
// Where the embedded database (no DATABASE_URL) keeps its files, and whether the app may run on
// it. In memory it starts empty with each instance: every billing link is lost when the instance
// stops, and a returning user then gets a second customer-creation call that RevKeen refuses once
// its idempotency window has passed ("that e-mail already has a customer"). So with a RevKeen key
// the app refuses to run on a database in memory; only the keyless demo, whose customers are the
// sandbox's, may.
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ServerEnv } from "@/lib/env/schema.mjs";
import { processSingleton } from "@/lib/server/caching/process-singleton";

export type EmbeddedStorage =
  | { kind: "files"; dir: string }
  /** `configured`: DATABASE_DIR=memory; otherwise the error code that stopped a write (EROFS, EACCES, ENOTDIR…). */
  | { kind: "memory"; reason: string };

/**
 * Where the embedded database can keep its files: `configured` if a file can be written there
 * (created if missing), else memory. Writing a file proves more than creating the folder: on a
 * read-only filesystem the folder may already exist, shipped with the build.
 */
export function embeddedStorage(configured: string): EmbeddedStorage {
  if (configured === "memory") return { kind: "memory", reason: "configured" };
  try {
    mkdirSync(configured, { recursive: true });
    const probe = join(configured, `.write-probe-${randomUUID()}`);
    writeFileSync(probe, "");
    rmSync(probe, { force: true });
    return { kind: "files", dir: configured };
  } catch (error) {
    return { kind: "memory", reason: error instanceof Error && "code" in error ? String(error.code) : "unwritable" };
  }
}

/** Thrown instead of opening a database the app must not run on; the message is the refusal. */
export class DatabaseRefused extends Error {
  override name = "DatabaseRefused";
  readonly code = "refused";
}

export type DatabaseSettings = Pick<ServerEnv, "mode" | "DATABASE_URL" | "DATABASE_DIR">;

/**
 * Why the app must not run on this database, in words for the merchant, or null when it may:
 * a RevKeen key (test or live) with the embedded database in memory.
 */
export function databaseRefusal(settings: DatabaseSettings, storage: EmbeddedStorage): string | null {
  if (settings.DATABASE_URL || settings.mode === "sandbox" || storage.kind === "files") return null;
  const where =
    storage.reason === "configured"
      ? "DATABASE_DIR=memory keeps the embedded database in memory"
      : `the embedded database cannot write its files in ${settings.DATABASE_DIR} (${storage.reason}; on Vercel and other read-only filesystems it never can)`;
  return [
    `The portal will not start: REVKEEN_API_KEY is set (${settings.mode} mode) but DATABASE_URL is not, and ${where}.`,
    "Billing links kept in memory are lost with each instance, and a returning customer could then not reopen their billing.",
    "Set DATABASE_URL to a PostgreSQL (Neon, Vercel Postgres, Supabase, RDS…) and run `npm run db:migrate`, or give DATABASE_DIR a folder the server can write.",
  ].join(" ");
}

/** This process's refusal, checked once (the check writes a file). */
export function processDatabaseRefusal(settings: DatabaseSettings): string | null {
  return processSingleton("database.refusal", () =>
    settings.DATABASE_URL || settings.mode === "sandbox" ? null : databaseRefusal(settings, embeddedStorage(settings.DATABASE_DIR)),
  );
}
