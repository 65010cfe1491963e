// The command line of `npm run doctor`, checked before anything runs: a mistyped flag should
// say so rather than be ignored and give a misleadingly clean report.
import { parseArgs } from "node:util";
import { z } from "zod";

export type DoctorArgs =
  | { kind: "run"; customerId: string | undefined; json: boolean }
  | { kind: "help" }
  | { kind: "usage"; message: string };

export const USAGE = `Usage: npm run doctor [-- [--customer <uuid>] [--json]]

Checks the environment (.env, .env.local and the process environment, loaded as Next loads
them) before going live, without printing any secret.

  --customer <uuid>  also mint a 5-minute portal session for this RevKeen customer
  --json             print the report as JSON
  --help             show this help

Exit code: 0 when everything the mode needs holds (warnings allowed), 1 when a check fails,
2 for a usage error.
`;

const argsSchema = z.object({
  customer: z.uuid("--customer must be a RevKeen customer id (a UUID)").optional(),
  json: z.boolean().default(false),
  help: z.boolean().default(false),
});

export function parseDoctorArgs(argv: readonly string[]): DoctorArgs {
  let values: unknown;
  try {
    values = parseArgs({
      args: [...argv],
      options: { customer: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    // parseArgs quotes the offending argument, which could be a key pasted in the wrong place.
    const message = error instanceof Error ? error.message.replace(/'[^']*'/g, "an argument") : "unreadable arguments";
    return { kind: "usage", message };
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) return { kind: "usage", message: parsed.error.issues.map((issue) => issue.message).join("; ") };
  if (parsed.data.help) return { kind: "help" };
  return { kind: "run", customerId: parsed.data.customer, json: parsed.data.json };
}
