import { describe, expect, it } from "vitest";
import { parseSessionResponse, SessionResponseError, tokenFromUrl } from "./session-response";

const token = "rkcps_AbCdEfGhIjKlMnOpQrStUvWxYz012345";
const now = Date.parse("2026-11-28T12:00:00Z");
const asked = { ttlMinutes: 60, now };
const expires = "2026-11-28T13:00:00Z";
const ids = { id: "5f0c7a52-3f0e-4d7e-9f43-7a1f7c2b9e10", customer: "0b5a7e1c-2d3f-4a5b-8c6d-7e8f9a0b1c2d" };

describe("the session response parser", () => {
  it("reads the reference page's camelCase shape with the token in the url's query", () => {
    const session = parseSessionResponse(
      { data: { id: ids.id, customerId: ids.customer, merchantId: ids.id, url: `https://portal.example/session?token=${token}`, expiresAt: expires, createdAt: expires } },
      asked,
    );
    expect(session).toEqual({ token, expiresAt: new Date(expires), customerId: ids.customer });
  });

  it("reads the SDK's snake_case shape with the token as a path segment", () => {
    const session = parseSessionResponse(
      { data: { id: ids.id, customer_id: ids.customer, merchant_id: ids.id, url: `https://portal.example/s/${token}`, expires_at: expires, created_at: expires } },
      asked,
    );
    expect(session.token).toBe(token);
    expect(session.customerId).toBe(ids.customer);
  });

  it("prefers an explicit token field", () => {
    const session = parseSessionResponse(
      { data: { token, url: "https://portal.example/session", expiresAt: expires, customerId: ids.customer } },
      asked,
    );
    expect(session.token).toBe(token);
  });

  it("finds a token in the url's fragment", () => {
    expect(tokenFromUrl(`https://portal.example/#token=${token}`)).toBe(token);
    expect(tokenFromUrl(`https://portal.example/#${token}`)).toBe(token);
  });

  it("fails clearly when no token is anywhere, without quoting the body", () => {
    const attempt = () =>
      parseSessionResponse({ data: { url: "https://portal.example/session?token=not-a-token", expiresAt: expires } }, asked);
    expect(attempt).toThrow(SessionResponseError);
    expect(attempt).toThrow(/holds no rkcps_ token/);
    expect(attempt).not.toThrow(/not-a-token/);
  });

  it("fails clearly on a body that is not a session at all", () => {
    expect(() => parseSessionResponse(null, asked)).toThrow(/no `data` object/);
    expect(() => parseSessionResponse({ data: "x" }, asked)).toThrow(SessionResponseError);
  });

  it("refuses a session without a future expiry", () => {
    expect(() => parseSessionResponse({ data: { token, expiresAt: "yesterday" } }, asked)).toThrow(/expiry/);
    expect(() => parseSessionResponse({ data: { token, expiresAt: "2026-11-28T11:59:59Z" } }, asked)).toThrow(/expiry/);
  });

  it("bounds the expiry by the lifetime asked for: an answer claiming a later one is brought back to it", () => {
    const claimed = (expiresAt: string) => parseSessionResponse({ data: { token, expiresAt } }, asked).expiresAt;
    expect(claimed("2036-11-28T12:00:00Z")).toEqual(new Date(now + 60 * 60_000));
    expect(claimed("2026-11-28T13:00:01Z")).toEqual(new Date(now + 60 * 60_000));
    expect(claimed("2026-11-28T13:00:00Z")).toEqual(new Date("2026-11-28T13:00:00Z"));
    expect(claimed("2026-11-28T12:30:00Z")).toEqual(new Date("2026-11-28T12:30:00Z"));
    expect(parseSessionResponse({ data: { token, expiresAt: "2036-11-28T12:00:00Z" } }, { ttlMinutes: 5, now }).expiresAt).toEqual(new Date(now + 5 * 60_000));
  });

  it("ignores a url that is not a url", () => {
    expect(tokenFromUrl("not a url")).toBeNull();
  });
});
