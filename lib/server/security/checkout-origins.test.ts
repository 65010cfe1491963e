import { describe, expect, it } from "vitest";
import { OPEN_REDIRECT_ATTEMPTS } from "@/lib/testing/open-redirect-attempts";
import { checkoutFormActionSources, isCheckoutDestination } from "./checkout-origins";

const live = { mode: "live", REVKEEN_API_URL: "https://api.revkeen.com/v2" } as const;
const local = { mode: "test", REVKEEN_API_URL: "http://127.0.0.1:4010/v2" } as const;
const sandbox = { mode: "sandbox", REVKEEN_API_URL: "https://api.revkeen.com/v2" } as const;
const SITE = "https://billing.example.com";

describe("where Pay now may send a customer", () => {
  it.each([
    "https://checkout.revkeen.com/c/cs_123",
    "https://revkeen.com/pay/cs_123",
    "https://api.revkeen.com/checkout/cs_123",
    "https://pay.eu.revkeen.com/cs_123",
  ])("allows RevKeen's own https pages (%s)", (url) => {
    expect(isCheckoutDestination(url, live, SITE)).toBe(true);
  });

  it.each([
    ["plain http on RevKeen's domain", "http://checkout.revkeen.com/c/cs_123"],
    ["a look-alike domain", "https://checkout.revkeen.com.evil.example/c"],
    ["a domain that ends in the same letters", "https://evilrevkeen.com/c"],
    ["credentials before the host", "https://checkout.revkeen.com@evil.example/c"],
    ["user info on RevKeen's host", "https://user:pass@checkout.revkeen.com/c"],
    ["this site itself", `${SITE}/__sandbox/checkout/abc`],
    ["a javascript: address", "javascript:alert(1)"],
    ["not an address", "checkout"],
  ])("refuses %s", (_name, url) => {
    expect(isCheckoutDestination(url, live, SITE)).toBe(false);
  });

  it("refuses every open-redirect trick the app is tested against", () => {
    for (const attempt of OPEN_REDIRECT_ATTEMPTS) expect(isCheckoutDestination(attempt, live, SITE)).toBe(false);
  });

  it("gives a RevKeen-compatible server elsewhere its own origin alone: its parent domain may be a host's shared one", () => {
    const hosted = { mode: "live", REVKEEN_API_URL: "https://billing-api.onrender.com/v2" } as const;
    expect(isCheckoutDestination("https://billing-api.onrender.com/checkout/cs_1", hosted, SITE)).toBe(true);
    expect(isCheckoutDestination("https://someone-else.onrender.com/checkout/cs_1", hosted, SITE)).toBe(false);
    expect(isCheckoutDestination("https://api.co.uk/checkout", { mode: "live", REVKEEN_API_URL: "https://api.revkeen.co.uk/v2" }, SITE)).toBe(false);
    expect(checkoutFormActionSources(hosted)).toEqual(["https://billing-api.onrender.com"]);
  });

  it("allows a local RevKeen-compatible server on its own origin only (npm run sandbox)", () => {
    expect(isCheckoutDestination("http://127.0.0.1:4010/__sandbox/checkout/abc", local, SITE)).toBe(true);
    expect(isCheckoutDestination("http://127.0.0.1:4011/__sandbox/checkout/abc", local, SITE)).toBe(false);
    expect(isCheckoutDestination("https://127.0.0.2/checkout", local, SITE)).toBe(false);
  });

  it("in sandbox mode allows this site's own /__sandbox/ pages, nothing else", () => {
    expect(isCheckoutDestination(`${SITE}/__sandbox/checkout/abc`, sandbox, SITE)).toBe(true);
    expect(isCheckoutDestination(`${SITE}/portal`, sandbox, SITE)).toBe(false);
    expect(isCheckoutDestination("https://checkout.revkeen.com/c/cs_123", sandbox, SITE)).toBe(false);
    expect(isCheckoutDestination("https://other.example/__sandbox/checkout/abc", sandbox, SITE)).toBe(false);
  });

  it("names the same origins for the pages' form-action", () => {
    expect(checkoutFormActionSources(live)).toEqual(["https://api.revkeen.com", "https://revkeen.com", "https://*.revkeen.com"]);
    expect(checkoutFormActionSources(local)).toEqual(["http://127.0.0.1:4010"]);
    expect(checkoutFormActionSources(sandbox)).toEqual([]);
  });
});
