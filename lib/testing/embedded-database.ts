// For the database's unit tests: a fresh embedded PostgreSQL in memory with the committed
// migrations applied, the same code path `next dev` takes without DATABASE_URL.
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll } from "vitest";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import type { Database } from "@/lib/server/database/client";
import * as schema from "@/lib/server/database/schema";

export type TestDatabase = {
  db: Database;
  count(table: string, where: string): Promise<number>;
  execute(statement: string): Promise<void>;
  close(): Promise<void>;
};

export async function openTestDatabase(): Promise<TestDatabase> {
  const client = new PGlite();
  const db = drizzle({ client, schema });
  await migrate(db, { migrationsFolder: "lib/server/database/migrations" });
  return {
    db,
    async count(table, where) {
      const result = await client.query<{ count: number }>(`select count(*)::int as count from ${table} where ${where}`);
      return result.rows[0]?.count ?? 0;
    },
    async execute(statement) {
      await client.exec(statement);
    },
    close: () => client.close(),
  };
}

/**
 * A test database for one test file: opened before its tests (compiling PostgreSQL's WebAssembly,
 * loading the run's cluster (embedded-cluster.setup.ts) and migrating it takes a second or more on a
 * busy machine) and closed after them.
 */
export function testDatabaseForThisFile(): TestDatabase {
  let opened: TestDatabase | undefined;
  const current = (): TestDatabase => {
    if (opened === undefined) throw new Error("The test database is opened before the file's tests run, not while it loads.");
    return opened;
  };
  beforeAll(async () => {
    opened = await openTestDatabase();
  }, 120_000);
  afterAll(async () => {
    await opened?.close();
  });
  return {
    get db() {
      return current().db;
    },
    count: (table, where) => current().count(table, where),
    execute: (statement) => current().execute(statement),
    close: () => current().close(),
  };
}
