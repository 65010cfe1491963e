// Reading untrusted input: bodies are size-capped before they are buffered, JSON errors
// become 400s, and every value goes through a zod schema whose message the caller sees.
import type { z } from "zod";
import { ApiError } from "./errors";

export const MAX_BODY_BYTES = 64 * 1024;

function tooLarge(): ApiError {
  return new ApiError("invalid_request", `Request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`, { status: 413 });
}

/** The body as text, "" when there is none. Stops reading as soon as the cap is passed. */
export async function readBodyText(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return "";

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError("invalid_request", "Request body is not valid UTF-8.");
  }
}

/**
 * JSON.parse with a 400 instead of a SyntaxError. An empty body is `undefined` when the
 * body is optional (cancel, most controls) and a 400 when it is required.
 */
export function parseJsonBody(text: string, { optional }: { optional: boolean }): unknown {
  if (text.trim() === "") {
    if (optional) return undefined;
    throw new ApiError("invalid_request", "Request body is required: send a JSON object.");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError("invalid_request", "Request body is not valid JSON.");
  }
}

/** Parses with `schema`; a failure names the first offending field and the rule. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown, where: string): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join(".") : where;
  throw new ApiError("invalid_request", `Invalid ${field}: ${issue?.message ?? "not accepted"}.`);
}

/** The named query parameters as a plain object (first value wins; others are ignored). */
export function queryParams(url: URL, names: readonly string[]): Record<string, string | undefined> {
  return Object.fromEntries(names.map((name) => [name, url.searchParams.get(name) ?? undefined]));
}
