import "server-only";
// The cancel form's words (lib/shared/billing/cancel-form-options.ts) in the request's language.
import { getTranslations } from "next-intl/server";
import type { CancelFormWords } from "@/lib/shared/billing/cancel-form-options";
import { slot } from "@/lib/shared/i18n/slots";

export async function cancelFormWords(translations: typeof getTranslations = getTranslations): Promise<CancelFormWords> {
  const t = await translations("CancelPlan");
  return {
    formLabel: t("formLabel"),
    whenLegend: t("whenLegend"),
    atPeriodEnd: t("atPeriodEnd"),
    atPeriodEndOn: t("atPeriodEndOn", { date: slot("date") }),
    now: t("now"),
    eitherWay: t("eitherWay"),
    staysActive: t("staysActive", { date: slot("date") }),
    endsNow: t("endsNow"),
    reasonLegend: t("reasonLegend"),
    commentLabel: t("commentLabel"),
    commentLabelAlone: t("commentLabelAlone"),
    characters: t("characters", { count: slot("count"), limit: slot("limit") }),
    tooMany: t("tooMany", { count: slot("count"), limit: slot("limit") }),
    confirm: t("confirm"),
    confirming: t("confirming"),
    keep: t("keep"),
  };
}
