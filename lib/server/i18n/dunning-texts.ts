import "server-only";
// A plan's dunning message in the customer's language, made with the page where its date and
// count are known (lib/shared/billing/dunning-message.ts chooses the sentences), so the
// subscription cards and page show it without a message formatter in their scripts.
import { getTranslations } from "next-intl/server";
import { dunningLine, dunningMessage, type DunningNextTry } from "@/lib/shared/billing/dunning-message";
import type { PlanDetails } from "@/lib/shared/billing/plan-details";

/** Each plan in dunning with its message in words; the others as they are. */
export async function withDunningTexts(details: PlanDetails, locale: string): Promise<PlanDetails> {
  const t = await getTranslations("Dunning");
  const sayNextTry = (nextTry: DunningNextTry): string => {
    switch (nextTry.key) {
      case "noTriesLeft":
        return t(nextTry.key);
      case "retryOn":
        return t(nextTry.key, nextTry.values);
      case "retryWithCount":
        return t(nextTry.key, nextTry.values);
      case "retryOnWithCount":
        return t(nextTry.key, nextTry.values);
    }
  };
  return Object.fromEntries(
    Object.entries(details).map(([id, detail]) => {
      if (detail.dunning === null) return [id, detail];
      const { headline, nextTry, access } = dunningMessage(detail.dunning, locale);
      const line = dunningLine(detail.dunning, locale);
      const dunningText = {
        headline: t(headline.key),
        nextTry: nextTry === null ? null : sayNextTry(nextTry),
        access: t(access.key),
        line: t(line.key, line.values),
      };
      return [id, { ...detail, dunningText }];
    }),
  );
}
