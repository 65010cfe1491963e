import { describe, expect, it } from "vitest";
import { scrubText } from "./scrub-text";

describe("scrubbing a span's text", () => {
  it.each([
    ["/api/auth/callback/github?code=abc123&state=xyz", "/api/auth/callback/github?[redacted]"],
    ["https://app.example.com/portal/session?next=/portal#top", "https://app.example.com/portal/session?[redacted]#top"],
    ["GET /__sandbox/checkout/cst_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG", "GET /__sandbox/checkout/cst_[redacted]"],
    ["Bearer rkcps_abcDEF123_-x", "Bearer rkcps_[redacted]"],
    ["key rk_live_abc and rk_wh_def", "key rk_live_[redacted] and rk_wh_[redacted]"],
    ["postgres://portal:hunter2@db.internal:5432/portal", "postgres://portal:[redacted]@db.internal:5432/portal"],
    ["sent to ada.lovelace+billing@example.co.uk today", "sent to [email] today"],
    ["iban GB33BUKB20201555555555 and GB33 BUKB 2020 1555 5555 55", "iban [iban] and [iban]"],
  ])("turns %j into %j", (text, expected) => {
    expect(scrubText(text)).toBe(expected);
  });

  it.each(["GET /portal/subscriptions/[id]", "revkeen.webhook", "RevKeen customer.get", "7e9551bf-ad22-48d2-9022-2bdb9eda6359", "req_2d0dfccecf324680862b8452055b7795"])("leaves %j as it is", (text) => {
    expect(scrubText(text)).toBe(text);
  });
});
