// What the cancel form is given by the server: the merchant's choices (portal-options.ts), with
// each reason as it is shown to the customer and as it is sent to RevKeen.
import type { CancelOptions } from "./portal-options";

export type CancelReasonChoice = {
  /** Sent to RevKeen, and checked by the cancel action. */
  value: string;
  /** Shown to the customer, in their language. */
  label: string;
};

export type CancelFormOptions = Pick<CancelOptions, "cancelNow" | "cancelComment"> & { reasons: readonly CancelReasonChoice[] };
