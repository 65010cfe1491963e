// Cursor paging as the 2026-05-01 schema describes it (and as Stripe does it): newest
// first, `starting_after` walks to older items, `ending_before` back to newer ones.
import { z } from "zod";
import { ApiError } from "../http/errors";
import { parseInput, queryParams } from "../http/request-input";

const DEFAULT_LIMIT = 20;

const listQuerySchema = z
  .object({
    // Digits only: "1e1", " 5" or "2.0" are mistakes worth a 400, not numbers to guess at.
    limit: z
      .string()
      .regex(/^\d{1,6}$/, "must be a whole number from 1 to 100")
      .transform(Number)
      .pipe(z.number().min(1, "must be at least 1").max(100, "must be at most 100"))
      .optional(),
    starting_after: z.uuid("must be the id (a UUID) of an item of this list").optional(),
    ending_before: z.uuid("must be the id (a UUID) of an item of this list").optional(),
  })
  .refine((query) => !(query.starting_after && query.ending_before), {
    message: "starting_after and ending_before cannot be used together",
    path: ["query"],
  });

export type ListQuery = z.output<typeof listQuerySchema>;

export function parseListQuery(url: URL): ListQuery {
  return parseInput(listQuerySchema, queryParams(url, ["limit", "starting_after", "ending_before"]), "query");
}

export interface Page<Item> {
  data: Item[];
  has_more: boolean;
}

/**
 * One page of `items` (already newest first). A cursor that is not an id of this list
 * (another customer's, or made up) is a 400, as Stripe answers an unknown cursor: it is a
 * bad request parameter, not a missing resource at the request's URL.
 */
export function paginate<Item extends { id: string }>(items: Item[], query: ListQuery): Page<Item> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const cursor = query.starting_after ?? query.ending_before;
  if (cursor === undefined) {
    return { data: items.slice(0, limit), has_more: items.length > limit };
  }
  const index = items.findIndex((item) => item.id === cursor);
  if (index === -1) {
    const name = query.starting_after ? "starting_after" : "ending_before";
    throw new ApiError("invalid_request", `No such cursor: ${name} is not the id of an item in this list.`);
  }
  if (query.starting_after) {
    const start = index + 1;
    return { data: items.slice(start, start + limit), has_more: start + limit < items.length };
  }
  // has_more looks the way the client is travelling: are there still newer items?
  const start = Math.max(0, index - limit);
  return { data: items.slice(start, index), has_more: start > 0 };
}
