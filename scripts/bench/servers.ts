// The servers a bench run needs, as child processes in their own process groups: the standalone
// sandbox, the app's production build, and the empty "floor" app. Every one is killed at the end,
// on an error and on Ctrl-C (see stopAll / main.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join, parse, sep } from "node:path";
import { DEFAULT_SANDBOX_API_KEY } from "../../lib/env/schema.mjs";
import { APP_URL, DIST_DIR, FLOOR_URL, PORTS, RESULTS_DIR, ROOT, SANDBOX_URL } from "./config";

const running = new Set<ChildProcess>();
const tempDirs = new Set<string>();

const NEXT_BIN = join(ROOT, "node_modules", "next", "dist", "bin", "next");
const TSX_BIN = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

/** A fresh AUTH_SECRET per run: nothing may depend on a particular one. */
const AUTH_SECRET = randomBytes(33).toString("base64url");

/** The app as the e2e suite runs it: a production build on the standalone sandbox over HTTP. */
function appEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: DIST_DIR,
    REVKEEN_API_KEY: DEFAULT_SANDBOX_API_KEY,
    REVKEEN_API_URL: `${SANDBOX_URL}/v2`,
    REVKEEN_DEMO_SIGN_IN: "true",
    PORTAL_MINTS_PER_MINUTE_PER_USER: "100000",
    PORTAL_MINTS_PER_MINUTE_PER_IP: "100000",
    AUTH_SECRET,
    AUTH_TRUST_HOST: "true",
  };
}

function logPath(name: string): string {
  mkdirSync(join(ROOT, RESULTS_DIR), { recursive: true });
  return join(ROOT, RESULTS_DIR, `${name}.log`);
}

/** Starts `node args…` in its own process group, its output appended to bench-results/<log>.log. */
function start(log: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): ChildProcess {
  const out = createWriteStream(logPath(log), { flags: "a" });
  const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  running.add(child);
  child.once("exit", () => running.delete(child));
  return child;
}

function kill(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the whole group: next spawns workers of its own
  } catch {
    // already gone
  }
}

/** Runs a command to completion (a build); rejects with the log's tail when it fails. */
function run(log: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<void> {
  writeFileSync(logPath(log), "");
  const child = start(log, args, options);
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0) return resolve();
      const tail = readFileSync(logPath(log), "utf8").split("\n").slice(-25).join("\n");
      reject(new Error(`${args.slice(1).join(" ")} failed (${signal ?? `exit ${code}`}); ${RESULTS_DIR}/${log}.log ends:\n${tail}`));
    });
  });
}

/** Refuses to start on a port something else listens on: we would measure the wrong server. */
async function assertPortFree(port: number, envName: string): Promise<void> {
  const inUse = await new Promise<boolean>((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
  if (inUse) throw new Error(`port ${port} is in use; stop what listens there or set ${envName}`);
}

/** Polls `url` until it answers (any status below 500), for at most `timeoutMs`. */
async function waitForUrl(url: string, child: ChildProcess, timeoutMs: number, log: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server for ${url} exited early; see ${RESULTS_DIR}/${log}.log`);
    try {
      const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} was not ready within ${timeoutMs / 1000} s; see ${RESULTS_DIR}/${log}.log`);
}

export async function startSandbox(): Promise<void> {
  await assertPortFree(PORTS.sandbox, "BENCH_SANDBOX_PORT");
  writeFileSync(logPath("sandbox"), "");
  const child = start("sandbox", [TSX_BIN, "scripts/sandbox.ts"], {
    cwd: ROOT,
    env: { ...process.env, SANDBOX_PORT: String(PORTS.sandbox), REVKEEN_SANDBOX_API_KEY: DEFAULT_SANDBOX_API_KEY },
  });
  await waitForUrl(`${SANDBOX_URL}/__sandbox/customers`, child, 60_000, "sandbox");
}

/**
 * `next build` into .next-bench. A non-default distDir makes Next rewrite tsconfig.json (and
 * next-env.d.ts): both are put back byte for byte as soon as the build ends.
 */
export async function buildApp(): Promise<number> {
  const watched = ["tsconfig.json", "next-env.d.ts"].map((file) => join(ROOT, file));
  const before = new Map(watched.map((file) => [file, existsSync(file) ? readFileSync(file, "utf8") : null]));
  const started = performance.now();
  try {
    await run("app-build", [NEXT_BIN, "build"], { cwd: ROOT, env: appEnv() });
  } finally {
    for (const [file, text] of before) {
      if (text === null) continue;
      if (!existsSync(file) || readFileSync(file, "utf8") !== text) writeFileSync(file, text);
    }
  }
  return performance.now() - started;
}

export async function startApp(): Promise<void> {
  await assertPortFree(PORTS.app, "BENCH_APP_PORT");
  writeFileSync(logPath("app"), "");
  const child = start("app", [NEXT_BIN, "start", "--hostname", "127.0.0.1", "--port", String(PORTS.app)], { cwd: ROOT, env: appEnv() });
  await waitForUrl(`${APP_URL}/sign-in`, child, 90_000, "app");
}

/** The deepest folder holding both paths: Turbopack compiles nothing outside its root. */
function commonRoot(a: string, b: string): string {
  const left = a.split(sep);
  const right = b.split(sep);
  const shared: string[] = [];
  for (let i = 0; i < Math.min(left.length, right.length) && left[i] === right[i]; i += 1) shared.push(left[i] ?? "");
  return shared.join(sep) || parse(a).root;
}

/**
 * The framework's floor: a one-page App Router app with nothing in it, built by this project's
 * Next (node_modules is a symlink to ours) in a temporary folder, and started. It sets
 * `experimental.taint` as next.config.mjs does, so it ships the same (experimental) React build.
 */
export async function buildAndStartFloor(): Promise<number> {
  await assertPortFree(PORTS.floor, "BENCH_FLOOR_PORT");
  const dir = mkdtempSync(join(tmpdir(), "revkeen-bench-floor-"));
  tempDirs.add(dir);
  const modules = realpathSync(join(ROOT, "node_modules"));
  symlinkSync(modules, join(dir, "node_modules"), "dir");
  mkdirSync(join(dir, "app"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "bench-floor", private: true }, null, 2));
  writeFileSync(
    join(dir, "next.config.mjs"),
    `export default { poweredByHeader: false, experimental: { taint: true }, turbopack: { root: ${JSON.stringify(commonRoot(realpathSync(dir), modules))} } };\n`,
  );
  writeFileSync(
    join(dir, "app", "layout.jsx"),
    'export default function RootLayout({ children }) {\n  return (\n    <html lang="en">\n      <body>{children}</body>\n    </html>\n  );\n}\n',
  );
  writeFileSync(join(dir, "app", "page.jsx"), "export default function Page() {\n  return <main><h1>Empty</h1></main>;\n}\n");
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  const started = performance.now();
  await run("floor-build", [NEXT_BIN, "build"], { cwd: dir, env });
  const seconds = performance.now() - started;
  writeFileSync(logPath("floor"), "");
  const child = start("floor", [NEXT_BIN, "start", "--hostname", "127.0.0.1", "--port", String(PORTS.floor)], { cwd: dir, env });
  await waitForUrl(FLOOR_URL, child, 60_000, "floor");
  return seconds;
}

/** Kills every server this run started (their whole process groups) and removes temp folders. */
export async function stopAll(): Promise<void> {
  const children = [...running];
  for (const child of children) kill(child, "SIGTERM");
  const deadline = Date.now() + 5_000;
  while (children.some((child) => child.exitCode === null && child.signalCode === null) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (const child of children) kill(child, "SIGKILL");
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

/** Synchronous last resort for process "exit": no waiting possible there. */
export function killAllNow(): void {
  for (const child of running) kill(child, "SIGKILL");
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}
