import { describe, expect, it } from "vitest";
import { formatDate } from "./format-date";

describe("formatDate", () => {
  it("writes the day in the customer's locale", () => {
    expect(formatDate("2027-03-14T10:00:00.000Z", "en-GB")).toBe("14 March 2027");
    expect(formatDate("2027-03-14T10:00:00.000Z", "en-US")).toBe("March 14, 2027");
    expect(formatDate("2027-03-14T10:00:00.000Z", "ja-JP")).toBe("2027年3月14日");
  });

  it("uses the UTC calendar day, whatever the machine's time zone", () => {
    expect(formatDate("2027-03-14T23:30:00.000Z", "en-GB")).toBe("14 March 2027");
    expect(formatDate("2027-03-14T00:10:00.000Z", "en-GB")).toBe("14 March 2027");
  });

  it("accepts RevKeen's space-separated timestamps", () => {
    expect(formatDate("2027-03-14 10:00:00Z", "en-GB")).toBe("14 March 2027");
  });

  it("answers null for a missing or unreadable date", () => {
    expect(formatDate(null, "en-GB")).toBeNull();
    expect(formatDate(undefined, "en-GB")).toBeNull();
    expect(formatDate("soon", "en-GB")).toBeNull();
  });
});
