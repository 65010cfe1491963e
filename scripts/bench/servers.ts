// The servers a bench run needs, as child processes in their own process groups: the standalone
// sandbox, the app's production build (twice: on the embedded database and on PostgreSQL), a
// throwaway PostgreSQL, and the empty "floor" app. Every one is stopped at the end, on an error
// and on Ctrl-C (see stopAll / main.ts).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join, parse, sep } from "node:path";
import { sandboxEnv, testModeEnv } from "../../lib/testing/app-under-test";
import { postgresServerPrograms, throwawayCluster } from "../../lib/testing/throwaway-postgres";
import { APP_URL, DIST_DIR, FLOOR_URL, PORTS, POSTGRES_APP_URL, POSTGRES_URL, RESULTS_DIR, ROOT, SANDBOX_URL, SECRETS } from "./config";

const running = new Set<ChildProcess>();
const tempDirs = new Set<string>();
/** How each child is asked to stop (SIGTERM unless named here). */
const stopSignals = new Map<ChildProcess, NodeJS.Signals>();

const NEXT_BIN = join(ROOT, "node_modules", "next", "dist", "bin", "next");
const TSX_BIN = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

/** A temporary folder removed when the bench stops. */
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

/**
 * The app as the e2e suite runs it: a production build in test mode on the standalone sandbox.
 * Its database: the embedded one (PGlite) in a folder of its own, unless `database` names a
 * PostgreSQL (DATABASE_URL).
 */
function appEnv(database: { url: string } | { dir: string }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: DIST_DIR,
    // Empty is unset: the shell's or .env.local's database is never the bench's.
    ...testModeEnv(SANDBOX_URL, "url" in database ? database.url : "", SECRETS),
    DATABASE_DIR: "dir" in database ? database.dir : "",
    ...turbopackRoot(),
  };
}

/**
 * Turbopack compiles nothing outside its root, which Next finds from the nearest lockfile: in a
 * git worktree whose node_modules is a symlink to another checkout's, that root misses `next`
 * itself. The build and the server then get the folder holding both (Next's own override).
 */
function turbopackRoot(): Record<string, string> {
  const modules = realpathSync(join(ROOT, "node_modules"));
  const root = realpathSync(ROOT);
  if (modules.startsWith(`${root}${sep}`)) return {};
  return { NEXT_PRIVATE_OUTPUT_TRACE_ROOT: commonRoot(root, modules) };
}

function logPath(name: string): string {
  mkdirSync(join(ROOT, RESULTS_DIR), { recursive: true });
  return join(ROOT, RESULTS_DIR, `${name}.log`);
}

/** Starts `node args…` (or `command args…`) in its own process group, its output in bench-results/<log>.log. */
function start(log: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; command?: string }): ChildProcess {
  const out = createWriteStream(logPath(log));
  const child = spawn(options.command ?? process.execPath, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
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

/** Polls `ready` until it answers true, for at most `timeoutMs`, while `child` (the server of `what`) runs. */
async function waitUntil(ready: () => Promise<boolean>, child: ChildProcess, what: string, timeoutMs: number, log: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server for ${what} exited early; see ${RESULTS_DIR}/${log}.log`);
    if (await ready().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} was not ready within ${timeoutMs / 1000} s; see ${RESULTS_DIR}/${log}.log`);
}

/** Until `url` answers (any status below 500). */
function waitForUrl(url: string, child: ChildProcess, timeoutMs: number, log: string): Promise<void> {
  const answers = async () => {
    const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
    await response.arrayBuffer();
    return response.status < 500;
  };
  return waitUntil(answers, child, url, timeoutMs, log);
}

export async function startSandbox(): Promise<void> {
  await assertPortFree(PORTS.sandbox, "BENCH_SANDBOX_PORT");
  const child = start("sandbox", [TSX_BIN, "scripts/sandbox.ts"], { cwd: ROOT, env: { ...process.env, ...sandboxEnv(PORTS.sandbox, SECRETS) } });
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
    await run("app-build", [NEXT_BIN, "build"], { cwd: ROOT, env: appEnv({ dir: "memory" }) });
  } finally {
    for (const [file, text] of before) {
      if (text === null) continue;
      if (!existsSync(file) || readFileSync(file, "utf8") !== text) writeFileSync(file, text);
    }
  }
  return performance.now() - started;
}

/**
 * `next start` of the build: on :3611 on the embedded database (PGlite) in a fresh folder, the
 * default without DATABASE_URL; or again on :3613 on the PostgreSQL startPostgres() started (one
 * deployment, another database).
 */
/** `next start` of the build; `extraEnv` is added to its environment (the tracing part's OTEL_* variables). */
export async function startApp(on: "embedded" | "postgres", extraEnv: Record<string, string> = {}): Promise<ChildProcess> {
  const { port, envName, url, log, env } =
    on === "embedded"
      ? { port: PORTS.app, envName: "BENCH_APP_PORT", url: APP_URL, log: "app", env: appEnv({ dir: tempDir("revkeen-bench-pglite-") }) }
      : { port: PORTS.postgresApp, envName: "BENCH_POSTGRES_APP_PORT", url: POSTGRES_APP_URL, log: "app-postgres", env: appEnv({ url: POSTGRES_URL }) };
  await assertPortFree(port, envName);
  const child = start(log, [NEXT_BIN, "start", "--hostname", "127.0.0.1", "--port", String(port)], { cwd: ROOT, env: { ...env, ...extraEnv } });
  await waitForUrl(`${url}/sign-in`, child, 90_000, log);
  return child;
}

/**
 * `next start` of the build for the load bench, on the embedded database in a fresh folder or on
 * the PostgreSQL startPostgres() started: its
 * heap capped at `heapMb` (null: Node's default), its memory sampled into `memoryFile` by
 * heap-probe.mjs, its output in bench-results/<log>.log. Answers the server's process, to stop with stopServer().
 */
export async function startLoadApp(on: "embedded" | "postgres", heapMb: number | null, memoryFile: string, log: string): Promise<ChildProcess> {
  await assertPortFree(PORTS.app, "BENCH_APP_PORT");
  const probe = join(ROOT, "scripts", "bench", "heap-probe.mjs");
  const nodeOptions = [`--import=${probe}`, ...(heapMb === null ? [] : [`--max-old-space-size=${heapMb}`])].join(" ");
  const database = on === "embedded" ? { dir: tempDir("revkeen-bench-pglite-") } : { url: POSTGRES_URL };
  const env = { ...appEnv(database), NODE_OPTIONS: nodeOptions, BENCH_MEMORY_FILE: memoryFile };
  const child = start(log, [NEXT_BIN, "start", "--hostname", "127.0.0.1", "--port", String(PORTS.app)], { cwd: ROOT, env });
  await waitForUrl(`${APP_URL}/sign-in`, child, 90_000, log);
  return child;
}

/** Stops one server (its whole process group) and waits until it has exited, 10 s at most. */
export async function stopServer(child: ChildProcess): Promise<void> {
  kill(child, "SIGTERM");
  const deadline = Date.now() + 10_000;
  while (child.exitCode === null && child.signalCode === null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  kill(child, "SIGKILL");
}

/** Whether the bench's PostgreSQL answers a query. */
async function postgresAnswers(): Promise<boolean> {
  const { default: postgres } = await import("postgres");
  const sql = postgres(POSTGRES_URL, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/**
 * A throwaway PostgreSQL for the second instance: a fresh cluster in a temporary folder on
 * 127.0.0.1:5611 (BENCH_POSTGRES_PORT), migrated with scripts/db-migrate.ts, as the e2e suite's
 * but with PostgreSQL's default durability. Answers why not instead of failing: the bench then
 * prints the PostgreSQL rows as skipped.
 */
export async function startPostgres(): Promise<{ ok: true; version: string } | { ok: false; reason: string }> {
  const programs = postgresServerPrograms();
  if (programs === null) return { ok: false, reason: "no PostgreSQL server programs (initdb, postgres) on PATH or in /usr/lib/postgresql" };
  try {
    await assertPortFree(PORTS.postgres, "BENCH_POSTGRES_PORT");
    const serve = throwawayCluster(programs, tempDir("revkeen-bench-postgres-"), PORTS.postgres);
    const child = start("postgres", serve.args, { cwd: ROOT, env: process.env, command: serve.command });
    // SIGINT is PostgreSQL's fast shutdown: it ends the app's open connections instead of waiting for them.
    stopSignals.set(child, "SIGINT");
    await waitUntil(postgresAnswers, child, `PostgreSQL on port ${PORTS.postgres}`, 30_000, "postgres");
    await run("db-migrate", [TSX_BIN, "scripts/db-migrate.ts"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: POSTGRES_URL } });
  } catch (error) {
    // What failed (the first line) and why (the last: the end of initdb's or the migration's output).
    const lines = (error instanceof Error ? error.message : String(error)).split("\n").filter((line) => line.trim() !== "");
    return { ok: false, reason: [...new Set([lines[0], lines.at(-1)])].join(" ") };
  }
  // "postgres (PostgreSQL) 15.18 (Debian …)" → "15.18": the table names the server it measured.
  const version = /\d+(\.\d+)+/.exec(spawnSync(programs.postgres, ["--version"], { encoding: "utf8" }).stdout)?.[0] ?? "";
  return { ok: true, version };
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
 * The floor of "Manage billing" (part 1): /submit holds a form as the app's home page does (a
 * client component, useActionState, a server action); the action sets a cookie and redirects to
 * /landed, a page rendered per request that reads it and shows fixed figures. No upstream call,
 * no database: what Next and React alone cost from submit to the next page's content.
 */
const FLOOR_SUBMIT_FILES: Record<string, string> = {
  // The floor of the app's own API (part 5): a route handler that makes the same upstream read with
  // plain fetch and answers its body. What Next alone costs around one call to RevKeen.
  "api/floor/route.js": `export const dynamic = "force-dynamic";

export async function GET(request) {
  const upstream = await fetch(process.env.BENCH_FLOOR_UPSTREAM_URL, {
    headers: { accept: "application/json", authorization: request.headers.get("authorization") ?? "" },
    cache: "no-store",
  });
  return new Response(await upstream.text(), { status: upstream.status, headers: { "content-type": "application/json", "cache-control": "private, no-store" } });
}
`,
  "submit/actions.js": `"use server";
import { randomUUID } from "node:crypto";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";

export async function enter(_previous, form) {
  (await cookies()).set("floor-session", randomUUID(), { httpOnly: true, sameSite: "lax", path: "/" });
  redirect(String(form.get("next") ?? "/landed"));
}
`,
  "submit/form.jsx": `"use client";
import { useActionState } from "react";
import { enter } from "./actions";

export function SubmitForm() {
  const [state, action, pending] = useActionState(enter, null);
  return (
    <form action={action}>
      <input type="hidden" name="next" value="/landed" />
      <button type="submit" disabled={pending}>{pending ? "Opening…" : "Manage billing"}</button>
      <p role="status">{state ? String(state) : ""}</p>
    </form>
  );
}
`,
  "submit/page.jsx": `import { SubmitForm } from "./form";

export default function Page() {
  return <main><h1>Floor</h1><SubmitForm /></main>;
}
`,
  "landed/page.jsx": `import { cookies } from "next/headers";

export default async function Page() {
  const session = (await cookies()).get("floor-session")?.value ?? "none";
  return (
    <main>
      <h1>Landed</h1>
      <dl data-testid="landed-figures">
        <dt>Session</dt><dd>{session.slice(0, 8)}</dd>
        <dt>Amount due</dt><dd>£12.00</dd>
        <dt>Invoices</dt><dd>46</dd>
      </dl>
    </main>
  );
}
`,
};

/**
 * The page floor (part 2): /portal/subscriptions and /portal/invoices rendered per request, each
 * making the same upstream reads as the portal's page (the customer and its list, and on
 * Subscriptions the invoices, in parallel, with plain fetch and the portal token from a cookie),
 * with the portal's markup for what the probe waits on, and a Billing nav of next/link links
 * between them. What Next and React alone cost to move between the two pages.
 */
const FLOOR_PAGE_FILES: Record<string, string> = {
  "portal/read.js": `import { cookies } from "next/headers";

export async function read(path) {
  const token = (await cookies()).get("floor-token")?.value ?? "";
  const response = await fetch(process.env.BENCH_FLOOR_PORTAL_API + path, {
    headers: { accept: "application/json", authorization: "Bearer " + token },
    cache: "no-store",
  });
  if (!response.ok) throw new Error("upstream " + response.status);
  return response.json();
}
`,
  "portal/nav.jsx": `"use client";
import Link from "next/link";
import { useEffect, useState } from "react";

export function Nav() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <nav aria-label="Billing" data-hydrated={hydrated ? "true" : undefined}>
      <ul>
        <li><Link href="/portal/subscriptions">Subscriptions</Link></li>
        <li><Link href="/portal/invoices">Invoices</Link></li>
      </ul>
    </nav>
  );
}
`,
  "portal/layout.jsx": `import { Nav } from "./nav";

export default function Layout({ children }) {
  return (
    <div>
      <header><Nav /></header>
      <main>{children}</main>
    </div>
  );
}
`,
  "portal/subscriptions/page.jsx": `import { read } from "../read";

export default async function Page() {
  // The bench's customer has a plan in dunning, for which the portal's page also reads the
  // invoices (to offer that plan's open one for payment): the same three reads here.
  const [customer, subscriptions] = await Promise.all([read("/customer"), read("/subscriptions?limit=100"), read("/invoices?limit=100")]);
  return (
    <>
      <h1>Subscriptions</h1>
      <p>{customer.data.name}</p>
      <ul aria-label="Subscriptions">
        {subscriptions.data.map((subscription) => (
          <li key={subscription.id}><h3>{subscription.id}</h3><p>{subscription.status}</p></li>
        ))}
      </ul>
    </>
  );
}
`,
  "portal/invoices/page.jsx": `import { read } from "../read";

export default async function Page() {
  const [customer, invoices] = await Promise.all([read("/customer"), read("/invoices?limit=20")]);
  return (
    <>
      <h1>Invoices</h1>
      <p>{customer.data.name}</p>
      <table aria-label="Invoices, newest first">
        <tbody>
          {invoices.data.map((invoice) => (
            <tr key={invoice.id}><td>{invoice.id}</td><td>{invoice.status}</td><td>{invoice.total}</td></tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
`,
};

/**
 * The framework's floor: a one-page App Router app with nothing in it, built by this project's
 * Next (node_modules is a symlink to ours) in a temporary folder, and started. It sets
 * `experimental.taint` as next.config.mjs does, so it ships the same (experimental) React build.
 * Its / is the JavaScript floor (part 4); /submit → /landed the click-to-portal floor (part 1);
 * /portal/subscriptions ⇄ /portal/invoices the page floor (part 2).
 */
export async function buildAndStartFloor(): Promise<number> {
  await assertPortFree(PORTS.floor, "BENCH_FLOOR_PORT");
  const dir = tempDir("revkeen-bench-floor-");
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
  for (const [file, text] of Object.entries({ ...FLOOR_SUBMIT_FILES, ...FLOOR_PAGE_FILES })) {
    mkdirSync(join(dir, "app", file, ".."), { recursive: true });
    writeFileSync(join(dir, "app", file), text);
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    BENCH_FLOOR_UPSTREAM_URL: `${SANDBOX_URL}/v2/customer-portal/subscriptions`,
    BENCH_FLOOR_PORTAL_API: `${SANDBOX_URL}/v2/customer-portal`,
  };
  const started = performance.now();
  await run("floor-build", [NEXT_BIN, "build"], { cwd: dir, env });
  const seconds = performance.now() - started;
  const child = start("floor", [NEXT_BIN, "start", "--hostname", "127.0.0.1", "--port", String(PORTS.floor)], { cwd: dir, env });
  await waitForUrl(FLOOR_URL, child, 60_000, "floor");
  return seconds;
}

/** Kills every server this run started (their whole process groups) and removes temp folders. */
export async function stopAll(): Promise<void> {
  const children = [...running];
  for (const child of children) kill(child, stopSignals.get(child) ?? "SIGTERM");
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
