import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";
import { fill, slot } from "./slots";

describe("a sentence with slots", () => {
  it("puts each value where the translation placed it", () => {
    const english = createTranslator({ locale: "en", messages: en, namespace: "Subscriptions" });
    const japanese = createTranslator({ locale: "ja", messages: ja, namespace: "Subscriptions" });
    expect(fill(english("cancelsOn", { date: slot("date") }), { date: "14 March 2027" })).toBe("Cancels on 14 March 2027");
    expect(fill(japanese("cancelsOn", { date: slot("date") }), { date: "2027年3月14日" })).toBe("2027年3月14日に解約予定");
    expect(fill(english("period", { start: slot("start"), end: slot("end") }), { start: "1 May", end: "1 June" })).toBe("1 May – 1 June");
  });

  it("leaves text without slots as it is, and a slot without a value visible rather than empty", () => {
    expect(fill("Nothing to fill", { date: "x" })).toBe("Nothing to fill");
    expect(fill(`On ${slot("date")}`, {})).toBe(`On ${slot("date")}`);
  });
});
