import { describe, expect, it } from "vitest";
import { pageLinks } from "./invoice-paging";

const page = (ids: string[], hasMore: boolean) => ({ data: ids.map((id) => ({ id })), has_more: hasMore });

describe("pageLinks", () => {
  it("offers only Next on the first page when more exist", () => {
    expect(pageLinks({ limit: 2 }, page(["a", "b"], true))).toEqual({ previous: null, next: { limit: 2, starting_after: "b" } });
  });

  it("offers nothing when the first page holds everything", () => {
    expect(pageLinks({}, page(["a"], false))).toEqual({ previous: null, next: null });
  });

  it("offers Previous and Next in the middle", () => {
    expect(pageLinks({ limit: 2, starting_after: "b" }, page(["c", "d"], true))).toEqual({
      previous: { limit: 2, ending_before: "c" },
      next: { limit: 2, starting_after: "d" },
    });
  });

  it("offers only Previous on the last page", () => {
    expect(pageLinks({ limit: 2, starting_after: "d" }, page(["e"], false))).toEqual({ previous: { limit: 2, ending_before: "e" }, next: null });
  });

  it("reads has_more as newer items when walking back", () => {
    expect(pageLinks({ limit: 2, ending_before: "e" }, page(["c", "d"], true))).toEqual({
      previous: { limit: 2, ending_before: "c" },
      next: { limit: 2, starting_after: "d" },
    });
    expect(pageLinks({ limit: 2, ending_before: "c" }, page(["a", "b"], false))).toEqual({ previous: null, next: { limit: 2, starting_after: "b" } });
  });

  it("offers nothing for an empty page", () => {
    expect(pageLinks({ starting_after: "z" }, page([], false))).toEqual({ previous: null, next: null });
  });
});
