// For the unit tests of what only a real PostgreSQL server does (LISTEN/NOTIFY across
// connections, a connection killed by pg_terminate_backend): a throwaway cluster of their own, on a
// free loopback port, started before the file's tests and deleted after them.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll } from "vitest";
import { ensurePostgresServerPrograms, throwawayCluster } from "./throwaway-postgres";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no free port");
  return address.port;
}

/** Resolves once the server answers a query; at most `attempts` tries, 100 ms apart. */
async function answering(url: string, attempts: number): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
    try {
      await sql`select 1`;
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await sql.end({ timeout: 0 });
    }
  }
}

export type PostgresUnderTest = { url: string };

export function postgresForThisFile(): PostgresUnderTest {
  let url: string | undefined;
  let server: ChildProcess | undefined;
  let dir: string | undefined;
  beforeAll(async () => {
    const programs = ensurePostgresServerPrograms();
    if (programs === null) throw new Error("No PostgreSQL server for this test: run `apt-get install postgresql`, then the tests again.");
    const port = await freePort();
    dir = mkdtempSync(join(tmpdir(), "revkeen-unit-postgres-"));
    const serve = throwawayCluster(programs, dir, port, ["fsync=off", "full_page_writes=off"]);
    server = spawn(serve.command, serve.args, { stdio: "ignore" });
    url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    await answering(url, 100);
  }, 120_000);
  afterAll(async () => {
    if (server !== undefined && dir !== undefined && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once("exit", resolve));
      // To the postmaster itself (as root it runs under runuser, which does not pass SIGINT on):
      // a fast shutdown, which ends the connections still open.
      const pid = Number(readFileSync(join(dir, "postmaster.pid"), "utf8").split("\n")[0]);
      process.kill(Number.isInteger(pid) ? pid : (server.pid ?? 0), "SIGINT");
      await exited;
    }
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  }, 30_000);
  return {
    get url() {
      if (url === undefined) throw new Error("The PostgreSQL is started before the file's tests run, not while it loads.");
      return url;
    },
  };
}
