import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SANDBOX_API_KEY } from "@/lib/env/schema.mjs";
import { parseSessionResponse } from "@/lib/shared/revkeen-api/session-response";
import { ADA_LOVELACE_ID } from "@/lib/sandbox/data/seed";
import { startSandboxServer, type SandboxServer } from "@/lib/sandbox/entry/http-server";
import type { CheckResult, DoctorEnv, Fetch } from "./check-result";
import { formatJson, formatText } from "./format-report";
import { runDoctor, type DoctorReport } from "./run-doctor";

const WEBHOOK_SECRET = "rk_wh_doctorTestWebhookSecret";

const AUTH_SECRET = "Qm9vdHN0cmFwLXNlY3JldC1mb3ItZG9jdG9yLXRlc3Rz9xZ";

let server: SandboxServer;

beforeAll(async () => {
  server = await startSandboxServer({ port: 0 });
});

afterAll(async () => {
  await server.close();
});

function goodEnv(overrides: DoctorEnv = {}): DoctorEnv {
  return {
    REVKEEN_API_KEY: DEFAULT_SANDBOX_API_KEY,
    REVKEEN_API_URL: `${server.url}/v2`,
    REVKEEN_DEMO_SIGN_IN: "true",
    AUTH_SECRET,
    AUTH_TRUST_HOST: "true",
    REVKEEN_WEBHOOK_SECRET: WEBHOOK_SECRET,
    ...overrides,
  };
}

function check(report: DoctorReport, name: string): CheckResult {
  const found = report.sections.flatMap((section) => section.results).find((result) => result.name === name);
  if (!found) throw new Error(`no check named ${name}`);
  return found;
}

/** Every text the report could print, both forms. */
function printed(report: DoctorReport): string {
  return formatText(report, { envFiles: [] }) + formatJson(report, { envFiles: [] });
}

/** fetch, remembering every portal token the upstream hands out, to prove none is printed. */
function recordingFetch(tokens: string[]): Fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (response.status === 201) tokens.push(parseSessionResponse(await response.clone().json(), { ttlMinutes: 240 }).token);
    return response;
  };
}

async function closedLoopbackPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => probe.close((error) => (error ? reject(error) : resolve())));
  return port;
}

describe("the doctor against the standalone sandbox", () => {
  it("passes every check with the sandbox's key and exits 0", async () => {
    const report = await runDoctor({ env: goodEnv(), fetch });
    const results = report.sections.flatMap((section) => section.results);
    expect(results.filter((result) => result.status === "fail" || result.status === "warn")).toEqual([]);
    expect(check(report, "Upstream reachable").status).toBe("ok");
    expect(check(report, "API key accepted")).toMatchObject({ status: "ok", detail: expect.stringContaining("404 resource_missing") });
    expect(check(report, "Portal session").status).toBe("skip");
    expect(report.mode).toBe("test");
    expect(report.exitCode).toBe(0);
  });

  it("mints a five-minute portal session for Ada Lovelace when a customer is given, and never prints its token", async () => {
    const tokens: string[] = [];
    const report = await runDoctor({ env: goodEnv(), fetch: recordingFetch(tokens), customerId: ADA_LOVELACE_ID });
    const session = check(report, "Portal session");
    expect(session.status).toBe("ok");
    expect(session.detail).toContain(`minted for ${ADA_LOVELACE_ID}`);
    expect(session.detail).toContain("(in 5 min)");
    expect(report.exitCode).toBe(0);
    expect(tokens).toHaveLength(1);
    const text = printed(report);
    expect(text).not.toContain(tokens[0]);
    expect(text).not.toMatch(/rkcps_[A-Za-z0-9_-]{8,}/);
  });

  it("fails the session check for a customer this merchant does not have", async () => {
    const report = await runDoctor({ env: goodEnv(), fetch, customerId: randomUUID() });
    expect(check(report, "Portal session")).toMatchObject({ status: "fail", detail: expect.stringContaining("resource_missing") });
    expect(report.exitCode).toBe(1);
  });

  it("fails the key check for a wrong rk_sandbox_ key and exits non-zero", async () => {
    const wrongKey = "rk_sandbox_not_the_right_one_42";
    const report = await runDoctor({ env: goodEnv({ REVKEEN_API_KEY: wrongKey }), fetch, customerId: ADA_LOVELACE_ID });
    expect(check(report, "Upstream reachable").status).toBe("ok");
    expect(check(report, "API key accepted")).toMatchObject({ status: "fail", detail: expect.stringContaining("HTTP 401 unauthenticated") });
    expect(check(report, "Portal session")).toMatchObject({ status: "skip", detail: "needs an accepted API key" });
    expect(report.exitCode).toBe(1);
    expect(printed(report)).not.toContain(wrongKey);
  });

  it("fails an rk_live_ key against the sandbox with the sandbox's own message that live keys do not work", async () => {
    const liveKey = "rk_live_0123456789abcdefghij";
    const report = await runDoctor({ env: goodEnv({ REVKEEN_API_KEY: liveKey, REVKEEN_DEMO_SIGN_IN: undefined }), fetch });
    expect(report.mode).toBe("live");
    const key = check(report, "API key accepted");
    expect(key.status).toBe("fail");
    expect(key.detail).toMatch(/Live keys \(rk_live_…\) do not work against the sandbox/);
    expect(report.exitCode).toBe(1);
    expect(printed(report)).not.toContain(liveKey);
  });

  it("fails reachability for a closed loopback port and skips the checks that need the upstream", async () => {
    const port = await closedLoopbackPort();
    const report = await runDoctor({ env: goodEnv({ REVKEEN_API_URL: `http://127.0.0.1:${port}/v2` }), fetch, customerId: ADA_LOVELACE_ID });
    expect(check(report, "Upstream reachable")).toMatchObject({ status: "fail", detail: expect.stringContaining("ECONNREFUSED") });
    expect(check(report, "API key accepted").status).toBe("skip");
    expect(check(report, "Portal session").status).toBe("skip");
    expect(report.exitCode).toBe(1);
  });

  it("fails a weak AUTH_SECRET even when RevKeen accepts everything", async () => {
    const report = await runDoctor({ env: goodEnv({ AUTH_SECRET: "changeme".repeat(5) }), fetch });
    expect(check(report, "API key accepted").status).toBe("ok");
    expect(check(report, "AUTH_SECRET")).toMatchObject({ status: "fail", detail: expect.stringContaining("placeholder") });
    expect(report.exitCode).toBe(1);
  });

  it("prints neither the key, AUTH_SECRET, the GitHub secret nor a token, in text or JSON", async () => {
    const tokens: string[] = [];
    const env = goodEnv({ AUTH_GITHUB_ID: "Iv1.0123456789abcdef", AUTH_GITHUB_SECRET: "github-client-secret-0123456789abcdef" });
    const report = await runDoctor({ env, fetch: recordingFetch(tokens), customerId: ADA_LOVELACE_ID });
    const text = printed(report);
    expect(tokens).toHaveLength(1);
    for (const secret of [DEFAULT_SANDBOX_API_KEY, AUTH_SECRET, "github-client-secret-0123456789abcdef", ...tokens]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain("rk_sandbox_… (set)");
    expect(text).toContain(`${AUTH_SECRET.length} characters`);
  });
});

describe("the doctor in sandbox mode", () => {
  it("skips the network checks as not needed, calls nothing, and still passes", async () => {
    const calls: string[] = [];
    const noNetwork: Fetch = async (input) => {
      calls.push(String(input));
      throw new Error("sandbox mode must not touch the network");
    };
    const report = await runDoctor({ env: { AUTH_SECRET, AUTH_TRUST_HOST: "true" }, fetch: noNetwork, customerId: ADA_LOVELACE_ID });
    expect(report.mode).toBe("sandbox");
    expect(check(report, "Mode")).toMatchObject({ status: "ok", detail: expect.stringContaining("built-in in-process sandbox") });
    for (const name of ["Upstream reachable", "API key accepted", "Portal session"]) {
      expect(check(report, name)).toMatchObject({ status: "skip", detail: expect.stringContaining("not needed in sandbox mode") });
    }
    expect(check(report, "Sign-in providers")).toMatchObject({ status: "ok", detail: expect.stringContaining("demo sign-in on") });
    expect(calls).toEqual([]);
    expect(report.exitCode).toBe(0);
  });
});
