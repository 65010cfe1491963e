// Input checks that run before any upstream call, shared by the portal's pages and API routes.
import { listQuerySchema, uuidSchema, type ListQuery } from "@/lib/shared/revkeen-api/wire";

export function isResourceId(id: string): boolean {
  return uuidSchema.safeParse(id).success;
}

type SearchInput = URLSearchParams | Record<string, string | string[] | undefined>;

/**
 * limit 1–100 and UUID cursors, not both cursors at once; null when the query is not valid.
 * A repeated parameter is invalid rather than silently picking one.
 */
export function parseListQuery(search: SearchInput): ListQuery | null {
  const fields: Record<string, unknown> = {};
  for (const name of ["limit", "starting_after", "ending_before"] as const) {
    const values = search instanceof URLSearchParams ? search.getAll(name) : [search[name] ?? []].flat();
    if (values.length > 1) return null;
    if (values[0] !== undefined) fields[name] = values[0];
  }
  const parsed = listQuerySchema.safeParse(fields);
  return parsed.success ? parsed.data : null;
}
