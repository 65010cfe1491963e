// What the portal offers. This is the file to edit: the forms and their server actions both read
// it, so a choice taken away here is also refused by the action (a hand-made request cannot end a
// subscription now, or start a payment, when the page does not offer it).
// The session length is an environment variable instead (REVKEEN_PORTAL_TTL_MINUTES), so it can
// differ per deployment without a code change.

export type PortalOptions = {
  /**
   * A signed-in user with no billing account gets a RevKeen customer on their first "Manage
   * billing" (their sign-in's e-mail and name, your user id in its metadata). Off when you create
   * customers elsewhere, at checkout say: link them with the customer.created webhook or in
   * lib/server/billing-account/customer-id-for-user.ts.
   */
  readonly createCustomerOnFirstVisit: boolean;
  /** Offer "Now" beside "At the end of the current period". Off: cancelling only schedules the end. */
  readonly cancelNow: boolean;
  /**
   * Reasons offered as choices, in this order. A built-in id (the "CancelReasons" messages in
   * messages/*.json) is shown in the customer's language and sent to RevKeen in English; any
   * other string is your own words, shown and sent as written. Empty: no choices.
   */
  readonly cancelReasons: readonly string[];
  /** A free-text box for the customer's own words, sent after the chosen reason. */
  readonly cancelComment: boolean;
  /**
   * Name each plan after its product ("Pro"), read with your key from RevKeen's products. Off:
   * the price names the plan, and no product is read.
   */
  readonly planNames: boolean;
  /**
   * On a past-due plan, say that the last payment failed, when RevKeen tries again, how many
   * tries are left and whether access is restricted, with a way to pay. Off: the "Past due"
   * badge alone.
   */
  readonly dunningMessage: boolean;
  /** Show the customer's cards and bank accounts on file on the overview, with a warning when the default card will not last to a plan's next payment. */
  readonly paymentMethods: boolean;
  /**
   * "Pay now" on every open invoice: the customer pays it on RevKeen's hosted checkout page.
   * Off: no button anywhere, and the action refuses a hand-made request.
   */
  readonly payNow: boolean;
  /**
   * "Keep my plan" on a subscription set to end at the period's end: the end is taken back and
   * the plan renews again. Off: not offered, and its action refuses.
   */
  readonly keepPlan: boolean;
  /**
   * Which of your RevKeen products grants which benefit: a feature locked behind a benefit named
   * here offers that product, with "Subscribe" (charged to the customer's default card on file).
   * A benefit not named here offers your pricing page alone. Keys are benefit keys, values
   * RevKeen product ids.
   */
  readonly upgradeOffers: Readonly<Record<string, string>>;
  /**
   * Your pricing page, for a customer who cannot subscribe here (no card on file): an https
   * address, or a path on this site such as "/pricing".
   */
  readonly pricingPage: string;
};

/** What the cancel form and the cancel API read. */
export type CancelOptions = Pick<PortalOptions, "cancelNow" | "cancelReasons" | "cancelComment">;

export const portalOptions: PortalOptions = {
  createCustomerOnFirstVisit: true,
  cancelNow: true,
  cancelReasons: ["tooExpensive", "missingFeature", "notUsedEnough", "notWorking", "switching"],
  cancelComment: true,
  planNames: true,
  dunningMessage: true,
  paymentMethods: true,
  payNow: true,
  keepPlan: true,
  upgradeOffers: {
    // The demo's Pro product (npm run dev without a key). Put your own product's id here.
    "pro-reports": "31b3bca6-ab48-47de-8835-d95cefcca781",
  },
  pricingPage: "/pricing",
};
