import "server-only";
// The answers of entitlement checks, kept a short while per customer and benefit so that a page
// behind a paid feature does not ask RevKeen on every view. An answer is kept for its lifetime and
// no longer: past it the next check asks RevKeen and waits for the answer, and a check that fails
// is never kept, so an old "yes" never stands in for a check RevKeen cannot answer. A webhook about
// the customer retires every answer checked before it, one still in flight included.
//
// Kept in this process, bounded. With several instances on one PostgreSQL a webhook reaches one of
// them and the others hear of it (lib/server/caching/cross-instance-retirement.ts); while they
// cannot hear, an answer lives its lifetime and no longer, and every answer kept meanwhile is
// retired once they hear again.
import { processCache } from "@/lib/server/caching/bounded-cache";
import { processSingleton } from "@/lib/server/caching/process-singleton";

/** The longest an answer is used, in seconds: how late a change seen by no webhook shows. */
export const ENTITLEMENT_CACHE_SECONDS = 60;
const LIFETIME_MS = ENTITLEMENT_CACHE_SECONDS * 1000;
/** Customers held at once; the least recently used go first. */
const CAPACITY = 10_000;

type Answer = { hasAccess: boolean; checkedAt: number };
/**
 * One entry per customer: their answers and when a webhook last retired them, together, so that
 * the cache cannot forget a retirement and keep an answer it retired.
 */
type Customer = { answers: Readonly<Record<string, Answer>>; retiredAt: number | null };

const customers = () => processCache<Customer>("entitlement-answers", CAPACITY);
/** When every answer was last retired at once (ms since the epoch), for answers still in flight then. */
const allRetired = () => processSingleton("entitlement-answers.all-retired", () => ({ at: 0 }));

function entry(customerId: string, now: number): Customer {
  return customers().get(customerId, now) ?? { answers: {}, retiredAt: null };
}

/** Kept until its last answer ends, and a retirement as long as an answer it retired could live. */
function keep(customerId: string, customer: Customer): void {
  const ends = [...Object.values(customer.answers).map((answer) => answer.checkedAt), customer.retiredAt ?? 0];
  customers().set(customerId, customer, Math.max(...ends) + LIFETIME_MS);
}

/** The answer kept for `customerId` and `benefitKey`, or undefined: then ask RevKeen. */
export function cachedAnswer(customerId: string, benefitKey: string, now: number = Date.now()): boolean | undefined {
  const { answers, retiredAt } = entry(customerId, now);
  const answer = Object.hasOwn(answers, benefitKey) ? answers[benefitKey] : undefined;
  if (answer === undefined || now >= answer.checkedAt + LIFETIME_MS || answer.checkedAt <= allRetired().at) return undefined;
  return retiredAt !== null && answer.checkedAt <= retiredAt ? undefined : answer.hasAccess;
}

/** Keeps what RevKeen answered to a check that started at `checkedAt` (ms since the epoch). */
export function keepAnswer(customerId: string, benefitKey: string, hasAccess: boolean, checkedAt: number): void {
  const customer = entry(customerId, checkedAt);
  keep(customerId, { ...customer, answers: { ...customer.answers, [benefitKey]: { hasAccess, checkedAt } } });
}

/** Retires every answer about `customerId` checked until now: the next check asks RevKeen. */
export function retireAnswers(customerId: string, now: number = Date.now()): void {
  keep(customerId, { ...entry(customerId, now), retiredAt: now });
}

/** Retires every answer about every customer checked until now, one still in flight included. */
export function retireAllAnswers(now: number = Date.now()): void {
  allRetired().at = Math.max(allRetired().at, now);
  customers().clear();
}
