// "Is the database there, with every migration applied?" With DATABASE_URL the doctor connects
// (5 s at most) and compares what drizzle recorded as applied with the migrations committed in
// lib/server/database/migrations. Without it the app uses its embedded database, which migrates
// itself; on Vercel that one lives in memory, which loses every link with each instance: the
// keyless demo only (with a key the app refuses to start so).
import postgres from "postgres";
import { EnvError, parseServerEnv } from "../env/schema.mjs";
import { displayUrl } from "../shared/secrets/display-url";
import journal from "../server/database/migrations/meta/_journal.json";
import type { CheckResult, DoctorEnv } from "./check-result";

const NAME = "Database";

/** How many migrations the project has committed. */
export function committedMigrations(): number {
  return journal.entries.length;
}

export async function checkDatabase(env: DoctorEnv, committed: number = committedMigrations()): Promise<CheckResult> {
  let url: string | undefined;
  let dir: string;
  let mode: string;
  try {
    ({ DATABASE_URL: url, DATABASE_DIR: dir, mode } = parseServerEnv(
      { DATABASE_URL: env.DATABASE_URL, DATABASE_DIR: env.DATABASE_DIR, REVKEEN_API_KEY: env.REVKEEN_API_KEY },
      { requireSecrets: false },
    ));
  } catch (error) {
    if (error instanceof EnvError) return { name: NAME, status: "skip", detail: "fix DATABASE_URL above first" };
    throw error;
  }
  if (!url) {
    // The app refuses these at start-up (lib/server/database/embedded-storage.ts): every request would answer 503.
    if (mode !== "sandbox" && (env.VERCEL === "1" || dir === "memory")) {
      const why = dir === "memory" ? "DATABASE_DIR=memory keeps the embedded database in memory" : "on Vercel the embedded database cannot keep its files";
      return {
        name: NAME,
        status: "fail",
        detail: `DATABASE_URL is not set and ${why}: with a RevKeen key the app refuses to start so (billing links would be lost with each instance); set DATABASE_URL (Neon, Vercel Postgres, Supabase…)`,
      };
    }
    if (env.VERCEL === "1") {
      return {
        name: NAME,
        status: "warn",
        detail: "DATABASE_URL is not set: on Vercel the embedded database lives in memory, so billing links are lost with each instance; set DATABASE_URL (Neon, Vercel Postgres, Supabase…)",
      };
    }
    return { name: NAME, status: "ok", detail: `embedded (no DATABASE_URL): its files in ${dir === "memory" ? "memory" : dir}, migrated by the app itself` };
  }
  const sql = postgres(url, { max: 1, connect_timeout: 5, idle_timeout: 1, onnotice: () => {} });
  try {
    const applied = await appliedMigrations(sql);
    const where = displayUrl(url);
    if (applied < committed) {
      return { name: NAME, status: "fail", detail: `${where} answers, but ${committed - applied} of ${committed} migrations are not applied: run \`npm run db:migrate\`` };
    }
    return { name: NAME, status: "ok", detail: `${where} answers, all ${committed} migrations applied` };
  } catch (error) {
    // The driver's message may quote the URL and its password: only the code is reported.
    const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "unknown error";
    return { name: NAME, status: "fail", detail: `DATABASE_URL (${displayUrl(url)}) cannot be reached or refused the doctor: ${code}` };
  } finally {
    await sql.end({ timeout: 1 });
  }
}

async function appliedMigrations(sql: postgres.Sql): Promise<number> {
  const [table] = await sql<{ exists: boolean }[]>`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`;
  if (!table?.exists) return 0;
  const [row] = await sql<{ count: number }[]>`select count(*)::int as count from drizzle.__drizzle_migrations`;
  return row?.count ?? 0;
}
