// The end-to-end suite's throwaway PostgreSQL (playwright.config.ts starts it unless
// E2E_DATABASE_URL names one): a fresh cluster in a temporary folder, on a loopback port, deleted
// when the suite stops it. Where the server programs are missing, root installs Debian's
// postgresql with apt-get (as root or with password-less sudo), as scripts/ensure-browser.ts does
// for Chromium; otherwise one line names the command to run.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { portFrom } from "../lib/testing/app-under-test";
import { ensurePostgresServerPrograms, throwawayCluster } from "../lib/testing/throwaway-postgres";

const port = portFrom("E2E_DATABASE_PORT", 5411);

const programs = ensurePostgresServerPrograms();
if (programs === null) {
  console.error("No PostgreSQL for the end-to-end tests: run `apt-get install postgresql` (or set E2E_DATABASE_URL), then npm test again.");
  process.exit(1);
}

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
let serve: { command: string; args: string[] };
try {
  // Durability is not the point of a throwaway cluster: no fsync, so the suite runs faster.
  serve = throwawayCluster(programs, dir, port, ["fsync=off", "full_page_writes=off"]);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
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
