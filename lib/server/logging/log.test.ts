import { afterEach, describe, expect, it, vi } from "vitest";
import { log } from "./log";
import { redact } from "../../shared/secrets/redact";
import { runWithRequestId } from "./request-id";

describe("the logger", () => {
  afterEach(() => vi.restoreAllMocks());

  it("redacts portal tokens and both kinds of API key wherever they appear", () => {
    const text = redact("Bearer rkcps_abcDEF123_-x then rk_live_9f8e7d and rk_sandbox_portal_demo");
    expect(text).toBe("Bearer rkcps_[redacted] then rk_live_[redacted] and rk_sandbox_[redacted]");
  });

  it("redacts credential fields by name and secrets inside any other field", () => {
    const lines: string[] = [];
    vi.spyOn(console, "warn").mockImplementation((line: string) => lines.push(line));
    log.warn("test.event", { authorization: "Bearer abc", "x-api-key": "anything", note: "saw rkcps_leaked123" });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? "{}") as Record<string, string>;
    expect(entry).toMatchObject({ level: "warn", event: "test.event", authorization: "[redacted]", "x-api-key": "[redacted]" });
    expect(entry.note).toBe("saw rkcps_[redacted]");
  });

  it("redacts a secret whatever precedes it in a field: a newline, a tab, an underscore", () => {
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => lines.push(line));
    log.error("test.event", { newline: "first line\nrkcps_afterNewline", tab: "col\trk_live_afterTab", underscore: "token_rk_wh_afterUnderscore", url: "dsn_postgres://app:afterUnderscore@db/x" });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/after(Newline|Tab|Underscore)/);
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({
      newline: "first line\nrkcps_[redacted]",
      tab: "col\trk_live_[redacted]",
      underscore: "token_rk_wh_[redacted]",
      url: "dsn_postgres://app:[redacted]@db/x",
    });
  });

  it("redacts nested fields too, by name and by what they hold", () => {
    const lines: string[] = [];
    vi.spyOn(console, "info").mockImplementation((line: string) => lines.push(line));
    log.info("test.event", { request: { headers: { authorization: "Bearer abc", cookie: "a=b" }, notes: ["ok", "x\nrkcps_nested"] } });
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({
      request: { headers: { authorization: "[redacted]", cookie: "[redacted]" }, notes: ["ok", "x\nrkcps_[redacted]"] },
    });
  });

  it("names the request on every line written while serving it, and no request outside one", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "info").mockImplementation((line: string) => lines.push(line));
    await runWithRequestId(async () => {
      log.info("first");
      await Promise.resolve();
      log.info("second");
    }, "3f0c2a9e-5b1d-4c8e-9a7f-1e2d3c4b5a69");
    log.info("outside");
    const ids = lines.map((line) => (JSON.parse(line) as { request_id?: string }).request_id);
    expect(ids).toEqual(["3f0c2a9e-5b1d-4c8e-9a7f-1e2d3c4b5a69", "3f0c2a9e-5b1d-4c8e-9a7f-1e2d3c4b5a69", undefined]);
  });
});
