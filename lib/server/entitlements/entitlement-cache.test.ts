import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cachedAnswer, keepAnswer, retireAnswers } from "./entitlement-cache";

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
});
