// Where PostgreSQL's server programs are: on PATH, else in Debian's /usr/lib/postgresql/<version>/bin
// (the newest version first), which the postgresql package does not put on PATH. For the e2e
// suite's throwaway database (scripts/test-database.ts) and the bench's (scripts/bench/servers.ts).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";

export function postgresProgram(name: "initdb" | "postgres"): string | null {
  const onPath = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).stdout.trim();
  if (onPath) return onPath;
  const versions = existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").sort().reverse() : [];
  for (const version of versions) {
    const candidate = `/usr/lib/postgresql/${version}/bin/${name}`;
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** Both programs a throwaway cluster needs, or null when either is missing. */
export function postgresServerPrograms(): { initdb: string; postgres: string } | null {
  const initdb = postgresProgram("initdb");
  const postgres = postgresProgram("postgres");
  return initdb && postgres ? { initdb, postgres } : null;
}
