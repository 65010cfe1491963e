import "server-only";
// The answers of entitlement checks, kept a short while per customer and benefit so that a page
// behind a paid feature does not ask RevKeen on every view. An answer is kept for its lifetime and
// no longer: past it the next check asks RevKeen and waits for the answer, and a check that fails
// is never kept, so an old "yes" never stands in for a check RevKeen cannot answer. A webhook about
// the customer retires every answer checked before it, one still in flight included.
//
// Kept in this process, bounded. With several instances a webhook reaches one of them: the others
// keep an answer until its lifetime ends. This file is the one place a cache shared by every
// instance would replace.
import { processCache } from "@/lib/server/caching/bounded-cache";

/** The longest an answer is used, in seconds: how late a change seen by no webhook shows. */
export const ENTITLEMENT_CACHE_SECONDS = 60;
const LIFETIME_MS = ENTITLEMENT_CACHE_SECONDS * 1000;
/** Answers (customer and benefit) and retired customers held at once; the least recently used go first. */
const CAPACITY = 10_000;

type Answer = { hasAccess: boolean; checkedAt: number };

const answers = () => processCache<Answer>("entitlement-answers", CAPACITY);
/** When a webhook last retired a customer's answers, kept as long as an answer it retired could live. */
const retirements = () => processCache<number>("entitlement-retirements", CAPACITY);

const answerKey = (customerId: string, benefitKey: string) => `${customerId}\u0000${benefitKey}`;

/** The answer kept for `customerId` and `benefitKey`, or undefined: then ask RevKeen. */
export function cachedAnswer(customerId: string, benefitKey: string, now: number = Date.now()): boolean | undefined {
  const answer = answers().get(answerKey(customerId, benefitKey), now);
  if (answer === undefined) return undefined;
  const retiredAt = retirements().get(customerId, now);
  return retiredAt !== undefined && answer.checkedAt <= retiredAt ? undefined : answer.hasAccess;
}

/** Keeps what RevKeen answered to a check that started at `checkedAt` (ms since the epoch). */
export function keepAnswer(customerId: string, benefitKey: string, hasAccess: boolean, checkedAt: number): void {
  answers().set(answerKey(customerId, benefitKey), { hasAccess, checkedAt }, checkedAt + LIFETIME_MS);
}

/** Retires every answer about `customerId` checked until now: the next check asks RevKeen. */
export function retireAnswers(customerId: string, now: number = Date.now()): void {
  retirements().set(customerId, now, now + LIFETIME_MS);
}
