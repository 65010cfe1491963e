import { describe, expect, it } from "vitest";
import { fill } from "@/lib/shared/i18n/slots";
import { directDebitWordsIn } from "@/lib/testing/portal-copy-under-test";

describe("the Direct Debit list's words for its client components", () => {
  it("are the customer's language, with the browser's values filled where the translation puts them", async () => {
    const english = await directDebitWordsIn("en");
    const french = await directDebitWordsIn("fr");
    expect(english.status).toEqual({ active: "Active", settingUp: "Being set up", suspended: "Suspended", failed: "Failed", expired: "Expired", cancelled: "Cancelled", unknown: "Unknown" });
    expect(french.status.settingUp).toBe("En cours de mise en place");
    expect(fill(english.otherStatus, { words: "Under review" })).toBe("Under review");
    expect(fill(english.cancelFailed, { message: "Please try again." })).toBe("We couldn't cancel your Direct Debit. Please try again.");
    expect(fill(french.cancelFailed, { message: "Réessayez." })).toBe("Nous n'avons pas pu annuler votre prélèvement automatique. Réessayez.");
    expect((await directDebitWordsIn("ja")).cancelSummary).not.toBe(english.cancelSummary);
  });
});
