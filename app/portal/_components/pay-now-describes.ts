import type { useTranslations } from "next-intl";
import type { PayNowDescription } from "@/lib/shared/billing/pay-now";

type PayNowWords = ReturnType<typeof useTranslations<"PayNow">>;

/** The hidden end of a "Pay now" button's name, said where the page is made (PayNowForm shows it as it is). */
export function payNowDescribes(t: PayNowWords, description: PayNowDescription): string {
  return t("buttonFor", { describes: t(description.key, description.values) });
}
