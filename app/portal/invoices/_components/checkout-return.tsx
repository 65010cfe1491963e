"use client";

import { useEffect, useRef } from "react";
import { useMessages } from "next-intl";
import type { CheckoutOutcome } from "@/lib/shared/billing/pay-now";
import { OutcomeStatus } from "../../_components/outcome-status";
import { useHydrated } from "../../_components/use-hydrated";

type CheckoutReturnProps = {
  /** How the payment went when the page was made (lib/server/checkout/checkout-return.ts). */
  outcome: CheckoutOutcome | "unchecked";
  /** Whether the invoice, as the page shows it now, is paid: a payment being confirmed becomes "paid" here. */
  paid: boolean;
  /** The page's own address: without JavaScript, the way to check again. */
  checkAgainHref: string;
};

/**
 * What the customer is told on coming back from RevKeen's checkout page: announced, and focused
 * so keyboard and screen-reader users start there. While a payment is being confirmed the page
 * refreshes the invoice (InvoiceDetails), and this follows it to "paid".
 */
export function CheckoutReturn({ outcome, paid, checkAgainHref }: CheckoutReturnProps) {
  // Plain messages read as they are: the page's scripts carry no message formatter (docs/speed.md).
  const words = useMessages().PayNow;
  const hydrated = useHydrated();
  const status = useRef<HTMLDivElement>(null);
  const shown = paid ? "paid" : outcome;

  useEffect(() => {
    status.current?.focus();
  }, [shown]);

  const waiting = shown === "confirming" || shown === "unchecked";
  return (
    <OutcomeStatus ref={status} testId="checkout-outcome" tone={shown === "unchecked" ? "error" : "info"}>
      <span>{words.outcome[shown]}</span>
      {waiting && hydrated && shown === "confirming" && <span> {words.updatesByItself}</span>}
      {waiting && (!hydrated || shown === "unchecked") && (
        <>
          {" "}
          <a href={checkAgainHref}>{words.checkAgain}</a>
        </>
      )}
    </OutcomeStatus>
  );
}
