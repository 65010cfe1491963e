// `npm run doctor` end to end: the real script under tsx, in a directory of its own so that
// its .env.local is the test's and not the checkout's.
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SANDBOX_API_KEY } from "@/lib/env/schema.mjs";
import { ADA_LOVELACE_ID } from "@/lib/sandbox/data/seed";
import { startSandboxServer, type SandboxServer } from "@/lib/sandbox/entry/http-server";

const WEBHOOK_SECRET = "rk_wh_doctorTestWebhookSecret";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
// tsx by path rather than `npx tsx`: from a directory without node_modules, npx would try the registry.
const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");
const DOCTOR = join(ROOT, "scripts/doctor.ts");
const AUTH_SECRET = "c2VjcmV0LWZvci10aGUtZG9jdG9yLWNsaS10ZXN0cw_Xq7";

let server: SandboxServer;
let dir: string;

beforeAll(async () => {
  server = await startSandboxServer({ port: 0 });
  dir = await mkdtemp(join(tmpdir(), "revkeen-doctor-"));
  await writeFile(
    join(dir, ".env.local"),
    [
      `REVKEEN_API_KEY=${DEFAULT_SANDBOX_API_KEY}`,
      `REVKEEN_API_URL=${server.url}/v2`,
      "REVKEEN_DEMO_SIGN_IN=true",
      `AUTH_SECRET=${AUTH_SECRET}`,
      "AUTH_TRUST_HOST=true",
      `REVKEEN_WEBHOOK_SECRET=${WEBHOOK_SECRET}`,
      "",
    ].join("\n"),
  );
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** Async on purpose: the sandbox answering the child runs in this process's event loop. */
function doctor(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, DOCTOR, ...args], {
      cwd: dir,
      // Nothing inherited from this shell or from Vitest, whose NODE_ENV=test would make Next skip .env.local.
      env: { PATH: process.env.PATH ?? "", HOME: dir, NODE_ENV: "production", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm run doctor", () => {
  it("loads .env.local, mints for Ada Lovelace, prints no secret and exits 0", async () => {
    const { code, stdout, stderr } = await doctor(["--customer", ADA_LOVELACE_ID]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("Loaded .env.local");
    expect(stdout).toMatch(/✓ API key accepted +accepted \(test key\)/);
    expect(stdout).toMatch(new RegExp(`✓ Portal session +minted for ${ADA_LOVELACE_ID}`));
    expect(stdout).toMatch(/✓ Health checks +point load balancers at .*\/api\/health\?ready=1/);
    expect(stdout.trimEnd().split("\n").at(-1)).toBe("✓ Ready for test mode: 19 ok.");
    expect(stdout).not.toContain(DEFAULT_SANDBOX_API_KEY);
    expect(stdout).not.toContain(AUTH_SECRET);
    expect(stdout).not.toContain(WEBHOOK_SECRET);
    expect(stdout).not.toMatch(/rkcps_[A-Za-z0-9_-]{8,}/);
  }, 15_000);

  it("lets the process environment win over .env.local, and reports a refused key as JSON with exit code 1", async () => {
    const wrongKey = "rk_sandbox_wrong_key_from_the_shell";
    const { code, stdout } = await doctor(["--json"], { REVKEEN_API_KEY: wrongKey });
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { ok: boolean; checks: { name: string; status: string; detail: string }[] };
    expect(report.ok).toBe(false);
    expect(report.checks.find((check) => check.name === "API key accepted")).toMatchObject({
      status: "fail",
      detail: expect.stringContaining("HTTP 401 unauthenticated"),
    });
    expect(stdout).not.toContain(wrongKey);
  }, 15_000);

  it("exits 2 with the usage for a customer id that is not a UUID", async () => {
    const { code, stdout, stderr } = await doctor(["--customer", "cus_123"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("--customer must be a RevKeen customer id (a UUID)");
    expect(stderr).toContain("Usage: npm run doctor");
  }, 15_000);
});
