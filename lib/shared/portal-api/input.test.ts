import { describe, expect, it } from "vitest";
import { isResourceId, parseListQuery } from "./input";

const id = "0b8f0c1e-7c55-4d0a-9d2e-6a1f3c2b9e10";

describe("isResourceId", () => {
  it("accepts UUIDs only", () => {
    expect(isResourceId(id)).toBe(true);
    expect(isResourceId("not-an-id")).toBe(false);
    expect(isResourceId("../customer")).toBe(false);
  });
});

describe("parseListQuery", () => {
  it("reads limit and one cursor", () => {
    expect(parseListQuery(new URLSearchParams(`limit=10&starting_after=${id}`))).toEqual({ limit: 10, starting_after: id });
    expect(parseListQuery({ ending_before: id })).toEqual({ ending_before: id });
    expect(parseListQuery({})).toEqual({});
  });

  it("refuses an out-of-range limit, a malformed cursor or both cursors", () => {
    expect(parseListQuery({ limit: "0" })).toBeNull();
    expect(parseListQuery({ limit: "101" })).toBeNull();
    expect(parseListQuery({ limit: "ten" })).toBeNull();
    expect(parseListQuery({ starting_after: "abc" })).toBeNull();
    expect(parseListQuery({ starting_after: id, ending_before: id })).toBeNull();
  });

  it("refuses a repeated parameter", () => {
    expect(parseListQuery(new URLSearchParams("limit=10&limit=20"))).toBeNull();
    expect(parseListQuery({ limit: ["10", "20"] })).toBeNull();
  });

  it("ignores parameters it does not know", () => {
    expect(parseListQuery({ limit: "10", utm_source: "mail" })).toEqual({ limit: 10 });
  });
});
