// `npm run db:migrate`: applies the committed migrations (lib/server/database/migrations/) to the
// PostgreSQL at DATABASE_URL. Run it before a deployment starts with a new schema (on Vercel: in
// the build command, `npm run db:migrate && npm run build`). The embedded database migrates itself.
import { loadEnvConfig } from "@next/env";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { EnvError, parseServerEnv } from "../lib/env/schema.mjs";
import { displayUrl } from "../lib/shared/secrets/display-url";

async function main(): Promise<number> {
  loadEnvConfig(process.cwd(), false, { info: () => {}, error: (...parts: unknown[]) => console.error(...parts) });
  let url: string | undefined;
  try {
    url = parseServerEnv(process.env, { requireSecrets: false }).DATABASE_URL;
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    return 1;
  }
  if (!url) {
    console.error("DATABASE_URL is not set: nothing to migrate (the embedded database migrates itself when the app opens it).");
    return 1;
  }
  const client = postgres(url, { max: 1, connect_timeout: 10, onnotice: () => {} });
  try {
    await migrate(drizzle({ client }), { migrationsFolder: "lib/server/database/migrations" });
    console.log(`Migrations applied to ${displayUrl(url)}.`);
    return 0;
  } catch (error) {
    // The driver's message can quote the URL, password included: say what failed, not what it said.
    const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "unknown";
    console.error(`Could not migrate the database at ${displayUrl(url)} (DATABASE_URL): ${code}.`);
    return 1;
  } finally {
    await client.end({ timeout: 5 });
  }
}

main().then((code) => {
  process.exitCode = code;
});
