// Previous and Next for a cursor-paged, newest-first list. `has_more` looks in the direction of
// travel: after `starting_after` it says whether older items remain, after `ending_before`
// whether newer ones do. The other direction is known to exist because the cursor came from it.
import type { ListQuery } from "@/lib/shared/revkeen-api/wire";

export type PageLinks = { previous: ListQuery | null; next: ListQuery | null };

export function pageLinks(query: ListQuery, page: { data: { id: string }[]; has_more: boolean }): PageLinks {
  const first = page.data[0]?.id;
  const last = page.data.at(-1)?.id;
  const limit = query.limit === undefined ? {} : { limit: query.limit };
  const goingBack = query.ending_before !== undefined;
  const newerExist = goingBack ? page.has_more : query.starting_after !== undefined;
  const olderExist = goingBack ? true : page.has_more;
  return {
    previous: newerExist && first ? { ...limit, ending_before: first } : null,
    next: olderExist && last ? { ...limit, starting_after: last } : null,
  };
}
