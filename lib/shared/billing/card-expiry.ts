// When a card on file stops working: it is good through the last day of its expiry month, so a
// payment taken on the first day of the next month (UTC, like every billing date here) or later
// fails.

/** The first instant the card no longer pays, ms since the epoch; null without a whole expiry. */
export function cardStopsWorkingAt(card: { exp_month: number | null; exp_year: number | null }): number | null {
  if (card.exp_month === null || card.exp_year === null) return null;
  // Month is 1-based here and 0-based in Date.UTC: this is the month after the expiry month.
  return Date.UTC(card.exp_year, card.exp_month, 1);
}

export function cardHasExpired(card: { exp_month: number | null; exp_year: number | null }, now: number): boolean {
  const stops = cardStopsWorkingAt(card);
  return stops !== null && now >= stops;
}

/** The earliest date a plan that still renews is billed next: a canceled plan or one set to end does not renew. */
export function nextRenewal(subscriptions: readonly { status: string; cancel_at: string | null; current_period_end: string | null }[]): string | null {
  let earliest: { iso: string; at: number } | null = null;
  for (const subscription of subscriptions) {
    if (subscription.status === "canceled" || subscription.cancel_at !== null || !subscription.current_period_end) continue;
    const at = Date.parse(subscription.current_period_end);
    if (Number.isNaN(at)) continue;
    if (earliest === null || at < earliest.at) earliest = { iso: subscription.current_period_end, at };
  }
  return earliest?.iso ?? null;
}

/** True when the card will not pay the renewal on `renewal`. */
export function expiresBefore(card: { exp_month: number | null; exp_year: number | null }, renewal: string | null): boolean {
  const stops = cardStopsWorkingAt(card);
  if (stops === null || renewal === null) return false;
  const at = Date.parse(renewal);
  return !Number.isNaN(at) && at >= stops;
}
