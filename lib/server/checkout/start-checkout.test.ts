import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkoutIdempotencyKey, checkoutReturnUrl } from "./start-checkout";

const FORM_KEY = "6f1c0f7e-8d1c-4f7a-9a47-3a0f8d1f2b11";
const INVOICE_A = "0b6b8f4e-7a4b-4c2e-9d71-2f6e0f0d5a11";
const INVOICE_B = "0b6b8f4e-7a4b-4c2e-9d71-2f6e0f0d5a12";

describe("the Idempotency-Key of a press", () => {
  it("is a UUID v4, the same for the same press", () => {
    const key = checkoutIdempotencyKey(FORM_KEY, "github:1", INVOICE_A);
    expect(z.uuidv4().safeParse(key).success).toBe(true);
    expect(checkoutIdempotencyKey(FORM_KEY, "github:1", INVOICE_A)).toBe(key);
  });

  it("differs per invoice, per user and per rendering of the page", () => {
    const keys = new Set([
      checkoutIdempotencyKey(FORM_KEY, "github:1", INVOICE_A),
      checkoutIdempotencyKey(FORM_KEY, "github:1", INVOICE_B),
      checkoutIdempotencyKey(FORM_KEY, "github:2", INVOICE_A),
      checkoutIdempotencyKey("6f1c0f7e-8d1c-4f7a-9a47-3a0f8d1f2b12", "github:1", INVOICE_A),
    ]);
    expect(keys.size).toBe(4);
  });
});

describe("where RevKeen sends the customer back", () => {
  it("is the invoice's page on this site, marked as a return and nothing more", () => {
    expect(checkoutReturnUrl("https://billing.example.com", INVOICE_A)).toBe(`https://billing.example.com/portal/invoices/${INVOICE_A}?checkout=returned`);
  });
});
