// How RevKeen's answers travel, for every caller: the app's client (lib/server/revkeen/client.ts)
// and the doctor (lib/doctor/upstream-call.ts) pin the same version and read bodies the same way.
import { z } from "zod";

/** Sent as `RevKeen-Version` on every call: the API version the schemas here were written against. */
export const REVKEEN_API_VERSION = "2026-05-01";

/** A body as JSON, or undefined when it is not JSON (an HTML error page, a cut-off answer). */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const errorEnvelope = z.object({
  error: z.object({ code: z.string().optional(), message: z.string().optional() }),
});

/** RevKeen's `{ error: { type, code, message } }`, as far as the body has it; nulls otherwise. */
export function upstreamError(body: unknown): { code: string | null; message: string | null } {
  const parsed = errorEnvelope.safeParse(body);
  return { code: parsed.data?.error.code ?? null, message: parsed.data?.error.message ?? null };
}
