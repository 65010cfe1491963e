// A throwaway PostgreSQL cluster: the end-to-end suite's (scripts/test-database.ts), the bench's,
// and the one the unit tests of what only a real server does (LISTEN/NOTIFY) start for
// themselves (./postgres-under-test.ts).
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, readdirSync } from "node:fs";
import { installWithApt } from "./install-with-apt";

/**
 * Where a PostgreSQL server program is: on PATH, else in Debian's /usr/lib/postgresql/<version>/bin
 * (the newest first), which the postgresql package does not put on PATH.
 */
function postgresProgram(name: "initdb" | "postgres"): string | null {
  const onPath = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).stdout.trim();
  if (onPath) return onPath;
  const versions = existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").sort().reverse() : [];
  return versions.map((version) => `/usr/lib/postgresql/${version}/bin/${name}`).find((candidate) => existsSync(candidate)) ?? null;
}

/** Both programs a throwaway cluster needs, or null when either is missing. */
export function postgresServerPrograms(): { initdb: string; postgres: string } | null {
  const initdb = postgresProgram("initdb");
  const postgres = postgresProgram("postgres");
  return initdb && postgres ? { initdb, postgres } : null;
}

/**
 * A throwaway PostgreSQL cluster in the empty folder `dir` (scripts/test-database.ts for the e2e
 * suite, and the bench's), with trust authentication for `postgres`; answers the command that
 * serves it on 127.0.0.1:`port` with the `-c` settings given. As root, the cluster belongs to
 * `nobody` (PostgreSQL refuses to run as root). Throws with initdb's output when it fails.
 */
export function throwawayCluster(programs: { initdb: string; postgres: string }, dir: string, port: number, settings: string[] = []): { command: string; args: string[] } {
  const asRoot = process.getuid?.() === 0;
  const as = (program: string, args: string[]) => (asRoot ? { command: "runuser", args: ["-u", "nobody", "--", program, ...args] } : { command: program, args });
  if (asRoot) {
    chmodSync(dir, 0o700);
    spawnSync("chown", ["nobody", dir]);
  }
  const init = as(programs.initdb, ["-D", dir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-instructions"]);
  const initialised = spawnSync(init.command, init.args, { encoding: "utf8" });
  if (initialised.status !== 0) throw new Error(`initdb failed:\n${initialised.stderr ?? ""}${initialised.error?.message ?? ""}`);
  return as(programs.postgres, ["-D", dir, "-p", String(port), "-k", dir, ...["listen_addresses=127.0.0.1", ...settings].flatMap((setting) => ["-c", setting])]);
}

/** The server programs, installed first with Debian's postgresql where they are missing and this user may. */
export function ensurePostgresServerPrograms(): { initdb: string; postgres: string } | null {
  const found = postgresServerPrograms();
  if (found !== null) return found;
  console.log("No PostgreSQL server programs: installing Debian's postgresql with apt-get.");
  return installWithApt(["postgresql"]) ? postgresServerPrograms() : null;
}
