import { describe, expect, it } from "vitest";
import { formatterCache } from "./formatter-cache";

describe("the formatter cache", () => {
  it("builds a formatter once per key, a refusal (null) included, and starts over when full", () => {
    const built: string[] = [];
    const cached = formatterCache((key) => {
      built.push(key);
      return key === "refused" ? null : { key };
    });
    const first = cached("en-GB");
    expect(cached("en-GB")).toBe(first);
    expect(cached("refused")).toBeNull();
    expect(cached("refused")).toBeNull();
    expect(built).toEqual(["en-GB", "refused"]);
    for (let i = 0; i < 64; i += 1) cached(`k${i}`);
    expect(cached("en-GB")).not.toBe(first);
  });
});
