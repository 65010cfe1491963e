import { describe, expect, it } from "vitest";
import { portalOptions } from "@/lib/shared/billing/portal-options";
import { commentLimit } from "@/lib/shared/billing/cancel-policy";
import { reasonsAsSent } from "./cancel-reasons";

describe("the cancel reasons RevKeen is told", () => {
  it("are the English words of a built-in reason, and the merchant's own words as written", () => {
    expect(reasonsAsSent(["tooExpensive", "Le prix", "switching"])).toEqual(["It costs too much", "Le prix", "I'm switching to another service"]);
  });

  it("are, for the shipped reasons, distinct English words that leave room for the customer's own", () => {
    const sent = reasonsAsSent(portalOptions.cancelReasons);
    expect(sent).toEqual(["It costs too much", "It's missing something I need", "I don't use it enough", "Something isn't working", "I'm switching to another service"]);
    expect(new Set(sent).size).toBe(sent.length);
    for (const reason of sent) expect(commentLimit(reason)).toBeGreaterThanOrEqual(100);
  });
});
