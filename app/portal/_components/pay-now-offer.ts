import "server-only";
// "Pay now" as a page offers it: one intent key for the page's rendering, the page to come back to
// with a refusal, and the refusal its address brings back (lib/shared/portal-api/form-answer.ts).
import { randomUUID } from "node:crypto";
import { portalOptions } from "@/lib/shared/billing/portal-options";
import { formAnswer, type FormAnswer } from "@/lib/shared/portal-api/form-answer";

export type PayNowOffer = {
  /** One "Pay now" intent per invoice for this rendering (lib/server/checkout/start-checkout.ts). */
  key: string;
  /** The page the buttons are on, where a refusal comes back to. */
  page: string;
  answer: FormAnswer | null;
};

/** Null where the merchant does not offer Pay now. */
export function payNowOffer(page: string, search: Record<string, string | string[] | undefined> = {}): PayNowOffer | null {
  return portalOptions.payNow ? { key: randomUUID(), page, answer: formAnswer(search) } : null;
}
