// The two ways a report leaves the process: lines a merchant reads, or JSON a CI step reads.
// Both take the already-redacted report; neither adds a value from the environment.
import type { CheckStatus } from "./check-result";
import type { DoctorReport } from "./run-doctor";

const SYMBOL: Record<CheckStatus, string> = { ok: "✓", warn: "!", fail: "✗", skip: "-" };

export type ReportContext = {
  /** The .env files loaded, relative to the working directory, in Next's order. */
  envFiles: string[];
};

export function formatText(report: DoctorReport, context: ReportContext): string {
  const width = Math.max(...report.sections.flatMap((section) => section.results.map((result) => result.name.length)));
  const lines = [
    "RevKeen Portal doctor",
    context.envFiles.length > 0
      ? `Loaded ${context.envFiles.join(", ")} (variables already in the environment win, as in Next).`
      : "No .env files here: checking the process environment only.",
  ];
  for (const section of report.sections) {
    lines.push("", section.title);
    for (const result of section.results) {
      lines.push(`  ${SYMBOL[result.status]} ${result.name.padEnd(width)}  ${result.detail}`);
    }
  }
  lines.push("", summaryLine(report));
  return `${lines.join("\n")}\n`;
}

export function summaryLine(report: DoctorReport): string {
  const { ok, warn, fail, skip } = report.counts;
  const parts = [
    fail > 0 ? `${fail} failed` : null,
    `${ok} ok`,
    warn > 0 ? `${warn} ${warn === 1 ? "warning" : "warnings"}` : null,
    skip > 0 ? `${skip} skipped` : null,
  ].filter((part): part is string => part !== null);
  const mode = report.mode === "unknown" ? "" : ` for ${report.mode} mode`;
  return report.exitCode === 0 ? `✓ Ready${mode}: ${parts.join(", ")}.` : `✗ Not ready${mode}: ${parts.join(", ")}.`;
}

export function formatJson(report: DoctorReport, context: ReportContext): string {
  const checks = report.sections.flatMap((section) => section.results.map((result) => ({ section: section.title, ...result })));
  const output = {
    ok: report.exitCode === 0,
    exitCode: report.exitCode,
    mode: report.mode,
    envFiles: context.envFiles,
    counts: report.counts,
    checks,
    summary: summaryLine(report),
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
