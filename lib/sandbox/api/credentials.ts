// The two credentials of the customer-portal API and the rule that keeps them apart: the
// merchant key only mints sessions; portal calls take only the customer's bearer token.
// Messages never repeat what was sent: it may be a real secret pasted in the wrong place.
import { createHash, timingSafeEqual } from "node:crypto";
import { ApiError } from "../http/errors";

const PORTAL_TOKEN_PATTERN = /^rkcps_[A-Za-z0-9_-]{43}$/;

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

function unauthenticated(message: string): ApiError {
  return new ApiError("unauthenticated", message);
}

/** Checks `x-api-key` against the sandbox key; returns the idempotency scope of the key. */
export function requireMerchantKey(request: Request, expectedKey: string): string {
  const key = request.headers.get("x-api-key")?.trim();
  if (!key) {
    throw unauthenticated("Missing API key: send the merchant's secret key in the x-api-key header.");
  }
  if (key.startsWith("rk_live_")) {
    throw unauthenticated("Live keys (rk_live_…) do not work against the sandbox: use an rk_sandbox_ key.");
  }
  // Compared as digests so that neither length nor content leaks through timing.
  if (!timingSafeEqual(digest(key), digest(expectedKey))) {
    throw unauthenticated("Invalid API key: this is not the sandbox's merchant key.");
  }
  return `merchant:${digest(key).toString("hex")}`;
}

/** The `rkcps_` token of `Authorization: Bearer …`, refusing a merchant key outright. */
export function requirePortalToken(request: Request): string {
  if (request.headers.has("x-api-key")) {
    throw unauthenticated(
      "Portal calls take the customer's portal session token (Authorization: Bearer rkcps_…), not the merchant API key.",
    );
  }
  const header = request.headers.get("authorization");
  if (!header) {
    throw unauthenticated("Missing portal session token: send Authorization: Bearer rkcps_… (mint one with POST /v2/customer-portal/sessions).");
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  const token = match?.[1];
  if (!token || !PORTAL_TOKEN_PATTERN.test(token)) {
    throw unauthenticated("Malformed Authorization header: expected Bearer rkcps_… (a customer-portal session token).");
  }
  return token;
}
