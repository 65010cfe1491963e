// One lane of the end-to-end suite (e2e/urls.ts) keeps its state in a database of its own on the
// suite's PostgreSQL: this creates the database DATABASE_URL names when it is missing, on the same
// server, before scripts/db-migrate.ts migrates it. Test runs only.
import postgres from "postgres";

async function main(): Promise<number> {
  const url = new URL(process.env.DATABASE_URL ?? "");
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    console.error("DATABASE_URL must name a database of lower-case letters, digits and underscores.");
    return 1;
  }
  url.pathname = "/postgres";
  const sql = postgres(url.toString(), { max: 1, connect_timeout: 10, onnotice: () => {} });
  try {
    const found = await sql`select 1 from pg_database where datname = ${name}`;
    if (found.length === 0) await sql.unsafe(`create database ${name}`);
    return 0;
  } catch (error) {
    const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "unknown";
    console.error(`Could not create the lane's database ${name}: ${code}.`);
    return 1;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

main().then((code) => process.exit(code));
