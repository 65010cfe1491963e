// The end-to-end suite's load balancer (playwright.config.ts starts it): nginx in the foreground
// in front of the two instances limited-a and limited-b, with its config, pid, logs and temporary
// files in .e2e-logs/balancer-<port>/. scripts/ensure-nginx.ts makes sure there is an nginx first.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { portFrom } from "../lib/testing/app-under-test";
import { balancerConfig, findNginx } from "../lib/testing/nginx";

const port = portFrom("E2E_BALANCER_PORT", 3317);
const instances = { a: portFrom("E2E_LIMITED_A_PORT", 3314), b: portFrom("E2E_LIMITED_B_PORT", 3315) };

const nginx = findNginx();
if (nginx === null) {
  console.error("No nginx for the end-to-end tests: run `npx tsx scripts/ensure-nginx.ts` (or `sudo apt-get install nginx`), then the suite again.");
  process.exit(1);
}

const dir = resolve(".e2e-logs", `balancer-${port}`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const config = join(dir, "nginx.conf");
writeFileSync(config, balancerConfig({ port, instances, dir }));

// -p: nothing under nginx's compiled-in prefix is read or written; -e: not even its error log
// before the config is read.
const server = spawn(nginx, ["-p", dir, "-c", config, "-e", join(dir, "error.log")], { stdio: ["ignore", "inherit", "inherit"] });
console.log(`Load balancer for the end-to-end tests on 127.0.0.1:${port}, in front of 127.0.0.1:${instances.a} and 127.0.0.1:${instances.b}`);

function stop(): void {
  // QUIT: nginx finishes the requests in flight, then exits.
  server.kill("SIGQUIT");
}
server.on("exit", (code) => process.exit(code ?? 0));
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
