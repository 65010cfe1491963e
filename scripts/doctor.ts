// `npm run doctor`: only the wiring (argv, .env files, printing, exit code). Every check lives
// in lib/doctor/ as a plain function so that tests can run it against any server.
import { relative } from "node:path";
// Ships with next (its own dependency), so the doctor reads .env files exactly as Next does.
import { loadEnvConfig } from "@next/env";
import { parseDoctorArgs, USAGE } from "../lib/doctor/doctor-args";
import { formatJson, formatText } from "../lib/doctor/format-report";
import { redactSecrets, secretValues } from "../lib/doctor/redact-secrets";
import { runDoctor } from "../lib/doctor/run-doctor";

async function main(): Promise<number> {
  const args = parseDoctorArgs(process.argv.slice(2));
  if (args.kind === "help") {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.kind === "usage") {
    process.stderr.write(`${args.message}\n\n${USAGE}`);
    return 2;
  }
  const cwd = process.cwd();
  // dev = false: the files `next start` reads (.env.production.local, .env.local, .env.production,
  // .env), since the doctor checks a deployment. Quiet, so `--json` output stays parseable.
  const { loadedEnvFiles } = loadEnvConfig(cwd, false, { info: () => {}, error: (...parts: unknown[]) => console.error(...parts) });
  const report = await runDoctor({ env: process.env, fetch: globalThis.fetch, customerId: args.customerId });
  const context = { envFiles: loadedEnvFiles.map((file) => relative(cwd, file.path) || file.path) };
  process.stdout.write(args.json ? formatJson(report, context) : formatText(report, context));
  return report.exitCode;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // An unexpected crash still must not print a secret, whatever its message quotes.
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`The doctor itself failed: ${redactSecrets(text, secretValues(process.env))}`);
    process.exitCode = 1;
  },
);
