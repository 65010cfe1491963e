// The end-to-end suite's servers (playwright.config.ts), started together rather than one after
// another as Playwright starts its `webServer` entries: each as soon as the steps it needs are
// done (the build, its database's migrations), so the build runs beside the database and the
// sandboxes starting, and every instance of the build starts at once. Each line a server prints is
// passed on behind its name. Once every server answers, one line says so: Playwright waits for it.
// Stopping this process (Playwright kills its process group) stops them all.
import { spawn, type ChildProcess } from "node:child_process";
import { connect } from "node:net";
import { delimiter, resolve } from "node:path";
import { createInterface } from "node:readline";
import { z } from "zod";

const stepSchema = z.object({
  name: z.string().min(1),
  command: z.string().min(1),
  env: z.record(z.string(), z.string()).default({}),
  /** How to tell it is up: a URL that answers, a port that listens, or the command having finished. */
  ready: z.union([z.object({ url: z.url() }), z.object({ port: z.int() }), z.literal("done")]),
  after: z.array(z.string()).default([]),
});

const TIMEOUT_MS = 300_000;
const started = Date.now();
/** When a step finished, for reading where the suite's start goes. */
const sinceStart = () => `(${((Date.now() - started) / 1000).toFixed(1)} s after the start)`;
const children: ChildProcess[] = [];

function fail(message: string): never {
  console.error(message);
  for (const child of children) child.kill("SIGTERM");
  process.exit(1);
}

/** Each line of `stream` behind `[name] `. */
function passOn(stream: NodeJS.ReadableStream, name: string, to: NodeJS.WriteStream): void {
  createInterface({ input: stream, crlfDelay: Infinity }).on("line", (line) => to.write(`[${name}] ${line}\n`));
}

async function answers(ready: { url: string } | { port: number }): Promise<boolean> {
  if ("port" in ready) {
    return new Promise((done) => {
      const socket = connect(ready.port, "127.0.0.1")
        .once("connect", () => {
          socket.end();
          done(true);
        })
        .once("error", () => done(false));
    });
  }
  try {
    // As Playwright counts a `webServer` url as up: any answer below 404.
    const response = await fetch(ready.url, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
    await response.body?.cancel();
    return response.status >= 200 && response.status < 404;
  } catch {
    return false;
  }
}

/** Runs `step` once the steps it comes after are up; resolves when it is up itself. */
async function run(step: z.output<typeof stepSchema>, upOf: (name: string) => Promise<void>): Promise<void> {
  await Promise.all(step.after.map(upOf));
  const bin = resolve("node_modules", ".bin");
  const child = spawn(step.command, {
    shell: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...step.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ""}` },
  });
  children.push(child);
  passOn(child.stdout, step.name, process.stdout);
  passOn(child.stderr, step.name, process.stderr);
  const exited = new Promise<number>((done) => child.once("exit", (code, signal) => done(code ?? (signal === null ? 1 : 128))));
  if (step.ready === "done") {
    const code = await exited;
    if (code !== 0) fail(`[${step.name}] failed (exit code ${code}).`);
    console.log(`[${step.name}] done ${sinceStart()}`);
    return;
  }
  let stopped = false;
  void exited.then((code) => {
    stopped = true;
    fail(`[${step.name}] stopped (exit code ${code}).`);
  });
  const ready = step.ready;
  const deadline = Date.now() + TIMEOUT_MS;
  // Playwright's own pace: soon, then once a second.
  const pauses = [100, 250, 500];
  while (!stopped && !(await answers(ready))) {
    if (Date.now() > deadline) fail(`[${step.name}] did not answer within ${TIMEOUT_MS / 1000} s.`);
    await new Promise((wait) => setTimeout(wait, pauses.shift() ?? 1_000));
  }
  console.log(`[${step.name}] answers ${sinceStart()}`);
}

async function main(): Promise<void> {
  const parsed = z.array(stepSchema).safeParse(JSON.parse(process.env.E2E_SERVERS ?? "[]"));
  if (!parsed.success) fail(`E2E_SERVERS: ${z.prettifyError(parsed.error)}`);
  const steps = parsed.data;
  // A server of an earlier run still answering would be tested in place of this run's.
  for (const step of steps) {
    if (step.ready !== "done" && (await answers(step.ready))) {
      const where = "url" in step.ready ? step.ready.url : `port ${step.ready.port}`;
      fail(`${where} (${step.name}) is already in use: stop what runs there, then run the suite again.`);
    }
  }
  const up = new Map<string, Promise<void>>();
  const upOf = (name: string): Promise<void> => {
    const step = up.get(name);
    if (step === undefined) fail(`A step comes after "${name}", which is not one of E2E_SERVERS.`);
    return step;
  };
  // Each starts a microtask later, once every step is in the map.
  for (const step of steps) up.set(step.name, Promise.resolve().then(() => run(step, upOf)));
  await Promise.all(up.values());
  // playwright.config.ts waits for this line.
  console.log("Every end-to-end server answers.");
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    for (const child of children) child.kill(signal);
    process.exit(0);
  });
}

void main();
