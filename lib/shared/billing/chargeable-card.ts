// The card an upgrade is charged to: the customer's default payment method, when it is a card
// that is active and not past its expiry month. Anything else (no default, a bank account, an
// expired or inactive card) sends the customer to the pricing page rather than to a charge that
// would fail.
import type { PaymentMethod } from "@/lib/shared/revkeen-api/payment-methods";
import { cardBrand } from "./card-brand";

/** `brand`: null for a card whose brand RevKeen does not give; the page calls it a card in its language. */
export type ChargeableCard = { id: string; brand: string | null; last4: string; expMonth: number; expYear: number };

/** The default card on file that can be charged now (`now` in the customer's calendar, UTC), or null. */
export function chargeableCard(methods: readonly PaymentMethod[], now: Date): ChargeableCard | null {
  const method = methods.find((candidate) => candidate.is_default);
  if (!method || method.type !== "card" || method.status !== "active" || !method.card) return null;
  const { brand, last4, exp_month: expMonth, exp_year: expYear } = method.card;
  if (last4 === null || expMonth === null || expYear === null) return null;
  // A card works until the end of its expiry month.
  const thisMonth = now.getUTCFullYear() * 12 + now.getUTCMonth();
  if (expYear * 12 + (expMonth - 1) < thisMonth) return null;
  return { id: method.id, brand: cardBrand(brand), last4, expMonth, expYear };
}
