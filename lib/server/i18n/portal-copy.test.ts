import { describe, expect, it } from "vitest";
import { fill } from "@/lib/shared/i18n/slots";
import { PORTAL_ERROR_CODES } from "@/lib/shared/portal-api/error-codes";
import { portalCopyIn } from "@/lib/testing/portal-copy-under-test";

describe("the portal's words for its client components", () => {
  it("are the customer's language, with the browser's values filled where the translation puts them", async () => {
    const english = await portalCopyIn("en");
    const japanese = await portalCopyIn("ja");
    expect(english.nav).toEqual({ label: "Billing", overview: "Overview", subscriptions: "Subscriptions", invoices: "Invoices", directDebit: "Direct Debit" });
    expect(japanese.nav.subscriptions).toBe("サブスクリプション");
    expect(fill(english.subscriptions.cancelsOn, { date: "14 March 2027" })).toBe("Cancels on 14 March 2027");
    expect(fill(japanese.subscriptions.cancelsOn, { date: "2027年3月14日" })).toBe("2027年3月14日に解約予定");
    expect(english.subscriptions.status).toEqual({ active: "Active", trialing: "Trialing", past_due: "Past due", unpaid: "Unpaid", canceled: "Canceled", unknown: "Unknown" });
    expect(fill(english.subscriptions.otherStatus, { words: "Incomplete expired" })).toBe("Incomplete expired");
    expect(fill((await portalCopyIn("fr")).cancel.failed, { message: "Réessayez." })).toBe("Nous n’avons pas pu résilier votre abonnement. Réessayez.");
  });

  it("say every error code", async () => {
    const english = await portalCopyIn("en");
    expect(Object.keys(english.errors).sort()).toEqual([...PORTAL_ERROR_CODES].sort());
    expect(english.errors["upstream:unavailable"]).toBe("Billing is not reachable right now. Please try again.");
  });
});
