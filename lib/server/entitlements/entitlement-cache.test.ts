import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cachedAnswer, keepAnswer, retireAllAnswers, retireAnswers } from "./entitlement-cache";

describe("the entitlement answers", () => {
  it("never forget a retirement while keeping the answer it retired, however many customers come after", () => {
    const now = Date.now();
    const customer = randomUUID();
    keepAnswer(customer, "pro-reports", true, now - 10);
    retireAnswers(customer, now);
    // Webhooks about many other customers within the same minute.
    for (let other = 0; other < 10_001; other += 1) retireAnswers(randomUUID(), now);
    expect(cachedAnswer(customer, "pro-reports", now + 1)).toBeUndefined();
  });

  it("keep an answer checked after the retirement, and only for its lifetime", () => {
    const now = Date.now();
    const customer = randomUUID();
    retireAnswers(customer, now);
    keepAnswer(customer, "pro-reports", false, now + 1);
    expect(cachedAnswer(customer, "pro-reports", now + 2)).toBe(false);
    expect(cachedAnswer(customer, "pro-reports", now + 1 + 60_000)).toBeUndefined();
  });

  it("retired all at once, lose every answer checked until then, one in flight included, and keep one checked after", () => {
    const now = Date.now();
    const kept = randomUUID();
    const inFlight = randomUUID();
    const after = randomUUID();
    keepAnswer(kept, "pro-reports", true, now - 10);
    retireAllAnswers(now);
    // A check that started before the retirement and is answered after it.
    keepAnswer(inFlight, "pro-reports", true, now - 5);
    keepAnswer(after, "pro-reports", true, now + 1);
    expect([cachedAnswer(kept, "pro-reports", now + 2), cachedAnswer(inFlight, "pro-reports", now + 2), cachedAnswer(after, "pro-reports", now + 2)]).toEqual([undefined, undefined, true]);
  });
});
