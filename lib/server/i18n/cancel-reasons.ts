import "server-only";
// The cancel form's reasons. One of the built-in ids (the "CancelReasons" messages) is shown in
// the customer's language and sent to RevKeen in English, so the merchant reads every reason in
// one language; any other string in portalOptions.cancelReasons is the merchant's own words,
// shown and sent as written (docs/customizing.md).
import { getTranslations } from "next-intl/server";
import type { CancelReasonChoice } from "@/lib/shared/billing/cancel-form-options";
import en from "@/messages/en.json";

type BuiltInReason = keyof typeof en.CancelReasons;

function isBuiltIn(reason: string): reason is BuiltInReason {
  return Object.hasOwn(en.CancelReasons, reason);
}

/** What RevKeen is told for each reason offered. */
export function reasonsAsSent(reasons: readonly string[]): string[] {
  return reasons.map((reason) => (isBuiltIn(reason) ? en.CancelReasons[reason] : reason));
}

/** Each reason offered, as sent and as the customer reads it. */
export async function cancelReasonChoices(reasons: readonly string[]): Promise<CancelReasonChoice[]> {
  const t = await getTranslations("CancelReasons");
  return reasons.map((reason) => (isBuiltIn(reason) ? { value: en.CancelReasons[reason], label: t(reason) } : { value: reason, label: reason }));
}
