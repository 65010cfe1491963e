// The end-to-end suite's throwaway PostgreSQL (playwright.config.ts starts it unless
// E2E_DATABASE_URL names one): a fresh cluster in a temporary folder, on a loopback port, deleted
// when the suite stops it. Where the server programs are missing, root installs Debian's
// postgresql with apt-get, as scripts/ensure-browser.ts does for Chromium; otherwise one line names
// the command to run.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { postgresServerPrograms } from "./postgres-programs";

const port = Number(process.env.E2E_DATABASE_PORT ?? 5411);

function installWithApt(): void {
  if (process.platform !== "linux" || process.getuid?.() !== 0 || !existsSync("/usr/bin/apt-get")) return;
  console.log("No PostgreSQL server programs: installing Debian's postgresql with apt-get.");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  spawnSync("apt-get", ["install", "-y", "-qq", "postgresql"], { stdio: "inherit", env });
}

const programs = postgresServerPrograms() ?? (installWithApt(), postgresServerPrograms());
if (programs === null) {
  console.error("No PostgreSQL for the end-to-end tests: run `apt-get install postgresql` (or set E2E_DATABASE_URL), then npm test again.");
  process.exit(1);
}

// PostgreSQL refuses to run as root: as root, the cluster belongs to `nobody`.
const asRoot = process.getuid?.() === 0;
const run = (command: string, args: string[]) => (asRoot ? { command: "runuser", args: ["-u", "nobody", "--", command, ...args] } : { command, args });

const PREFIX = "revkeen-e2e-postgres-";

/** Clusters of earlier runs whose server is gone (a killed suite cannot clean up after itself). */
function removeAbandonedClusters(): void {
  for (const name of readdirSync(tmpdir()).filter((entry) => entry.startsWith(PREFIX))) {
    const pidFile = join(tmpdir(), name, "postmaster.pid");
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, "utf8").split("\n")[0]) : NaN;
    if (Number.isInteger(pid) && isRunning(pid)) continue;
    rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

removeAbandonedClusters();
const dir = mkdtempSync(join(tmpdir(), PREFIX));
if (asRoot) {
  chmodSync(dir, 0o700);
  spawnSync("chown", ["nobody", dir]);
}
const init = run(programs.initdb, ["-D", dir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-instructions"]);
const initialised = spawnSync(init.command, init.args, { encoding: "utf8" });
if (initialised.status !== 0) {
  console.error(`initdb failed:\n${initialised.stderr}`);
  process.exit(1);
}

// Durability is not the point of a throwaway cluster: no fsync, so the suite runs faster.
const serve = run(programs.postgres, ["-D", dir, "-p", String(port), "-k", dir, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "full_page_writes=off"]);
const server = spawn(serve.command, serve.args, { stdio: ["ignore", "inherit", "inherit"] });
console.log(`Throwaway PostgreSQL for the end-to-end tests on 127.0.0.1:${port}`);

function stop(): void {
  server.kill("SIGINT");
}
server.on("exit", (code) => {
  rmSync(dir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
