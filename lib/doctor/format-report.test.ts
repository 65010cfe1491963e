import { describe, expect, it } from "vitest";
import { formatJson, formatText, summaryLine } from "./format-report";
import type { DoctorReport } from "./run-doctor";

const report: DoctorReport = {
  mode: "live",
  sections: [
    { title: "Environment", results: [{ name: "REVKEEN_API_KEY", status: "ok", detail: "rk_live_… (set)" }] },
    {
      title: "RevKeen",
      results: [
        { name: "API key accepted", status: "fail", detail: "refused: HTTP 401" },
        { name: "Portal session", status: "skip", detail: "needs an accepted API key" },
      ],
    },
    { title: "Sign-in", results: [{ name: "AUTH_URL / AUTH_TRUST_HOST", status: "warn", detail: "neither set" }] },
  ],
  counts: { ok: 1, warn: 1, fail: 1, skip: 1 },
  exitCode: 1,
};

describe("the printed report", () => {
  it("prints one aligned line per check with ✓ ! ✗ - and a final summary", () => {
    expect(formatText(report, { envFiles: [".env.local", ".env"] })).toBe(
      [
        "RevKeen Portal doctor",
        "Loaded .env.local, .env (variables already in the environment win, as in Next).",
        "",
        "Environment",
        "  ✓ REVKEEN_API_KEY             rk_live_… (set)",
        "",
        "RevKeen",
        "  ✗ API key accepted            refused: HTTP 401",
        "  - Portal session              needs an accepted API key",
        "",
        "Sign-in",
        "  ! AUTH_URL / AUTH_TRUST_HOST  neither set",
        "",
        "✗ Not ready for live mode: 1 failed, 1 ok, 1 warning, 1 skipped.",
        "",
      ].join("\n"),
    );
  });

  it("says ready when nothing failed, warnings or not", () => {
    expect(summaryLine({ ...report, counts: { ok: 9, warn: 2, fail: 0, skip: 0 }, exitCode: 0 })).toBe("✓ Ready for live mode: 9 ok, 2 warnings.");
  });

  it("prints JSON with every check, its section, the counts and the exit code", () => {
    const parsed: unknown = JSON.parse(formatJson(report, { envFiles: [] }));
    expect(parsed).toMatchObject({
      ok: false,
      exitCode: 1,
      mode: "live",
      envFiles: [],
      counts: report.counts,
      checks: [
        { section: "Environment", name: "REVKEEN_API_KEY", status: "ok" },
        { section: "RevKeen", name: "API key accepted", status: "fail" },
        { section: "RevKeen", name: "Portal session", status: "skip" },
        { section: "Sign-in", name: "AUTH_URL / AUTH_TRUST_HOST", status: "warn" },
      ],
    });
  });
});
