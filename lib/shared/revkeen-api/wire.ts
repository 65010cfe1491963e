// RevKeen's wire format, common to every operation and every caller: the version pin, ids,
// timestamps and amounts, the envelopes answers come in (one object, a page of a list, an error)
// and the list query. The app's calls (lib/server/revkeen-api/send.ts) and the doctor
// (lib/doctor/upstream-call.ts) pin the same version and read bodies the same way.
// Every object schema in this folder drops unknown fields, so a newer API that adds fields does
// not break the portal.
import { z } from "zod";

/** Sent as `RevKeen-Version` on every call: the API version the schemas here were written against. */
export const REVKEEN_API_VERSION = "2026-05-01";

/** RevKeen's timestamps are ISO 8601; some examples use a space instead of the "T". */
export const timestampSchema = z.string().refine((value) => !Number.isNaN(Date.parse(value)), "not a date");
/** An amount in the currency's minor unit (pence, cents). */
export const minorAmountSchema = z.number().int();

export const uuidSchema = z.uuid();

export function listSchema<Item extends z.ZodType>(item: Item) {
  return z.object({
    object: z.literal("list"),
    data: z.array(item),
    has_more: z.boolean(),
    url: z.string(),
  });
}

export function dataSchema<Item extends z.ZodType>(item: Item) {
  return z.object({ data: item });
}

/** Query of every list operation: cursor paging, newest first. */
export const listQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).optional(),
    starting_after: z.uuid().optional(),
    ending_before: z.uuid().optional(),
  })
  .refine((query) => !(query.starting_after && query.ending_before), {
    message: "starting_after and ending_before cannot be used together",
  });

export type PortalList<Item> = { object: "list"; data: Item[]; has_more: boolean; url: string };
export type ListQuery = z.infer<typeof listQuerySchema>;

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
