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

/** The next billing dates of the plans that still renew, earliest first: a canceled plan or one set to end does not renew. */
export function nextRenewals(subscriptions: readonly { status: string; cancel_at: string | null; current_period_end: string | null }[]): string[] {
  return subscriptions
    .filter((subscription) => subscription.status !== "canceled" && subscription.cancel_at === null && subscription.current_period_end)
    .map((subscription) => ({ iso: subscription.current_period_end as string, at: Date.parse(subscription.current_period_end as string) }))
    .filter((renewal) => !Number.isNaN(renewal.at))
    .sort((a, b) => a.at - b.at)
    .map((renewal) => renewal.iso);
}

/** The first of `renewals` (earliest first) the card will no longer pay, or null when it pays them all. */
export function firstRenewalNotCovered(card: { exp_month: number | null; exp_year: number | null }, renewals: readonly string[]): string | null {
  const stops = cardStopsWorkingAt(card);
  if (stops === null) return null;
  return renewals.find((renewal) => Date.parse(renewal) >= stops) ?? null;
}
