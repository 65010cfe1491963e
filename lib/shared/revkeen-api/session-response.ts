// RevKeen's documents disagree on the session response: the reference page and OpenAPI write it
// in camelCase with no token field (the token travels inside `url`), the August 2026 SDK types it
// in snake_case, and the prose promises a token "returned only once". Accept every one of them.
import { z } from "zod";

const TOKEN = /^rkcps_[A-Za-z0-9_-]{16,}$/;

const sessionFields = z
  .object({
    id: z.string().optional(),
    token: z.string().optional(),
    url: z.string().optional(),
    customerId: z.string().optional(),
    customer_id: z.string().optional(),
    expiresAt: z.string().optional(),
    expires_at: z.string().optional(),
  })
  .loose();

const envelope = z.object({ data: sessionFields });

export type MintedSession = {
  token: string;
  expiresAt: Date;
  customerId: string | null;
};

export class SessionResponseError extends Error {
  override name = "SessionResponseError";
}

/** Finds an `rkcps_` token in a URL: a `token` query parameter, the fragment, or a path segment. */
export function tokenFromUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ""));
  const candidates = [
    url.searchParams.get("token"),
    fragment.get("token"),
    url.hash.replace(/^#/, ""),
    ...url.pathname.split("/").map((segment) => decodeSegment(segment)),
  ];
  return candidates.find((value): value is string => value !== null && TOKEN.test(value)) ?? null;
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * Parses a 201 body of `POST /customer-portal/sessions` that asked for `ttlMinutes`. Error
 * messages never include the body: it may hold a token.
 *
 * An expiry later than the lifetime asked for is brought back to it rather than refused: the app
 * then stops using the token when the merchant said it should, whatever the answer claims, and a
 * clock a little ahead of this server's does not stop customers opening their billing.
 */
export function parseSessionResponse(body: unknown, { ttlMinutes, now = Date.now() }: { ttlMinutes: number; now?: number }): MintedSession {
  const parsed = envelope.safeParse(body);
  if (!parsed.success) {
    throw new SessionResponseError("RevKeen's session response has no `data` object.");
  }
  const data = parsed.data.data;
  const token =
    (data.token !== undefined && TOKEN.test(data.token) ? data.token : null) ??
    (data.url === undefined ? null : tokenFromUrl(data.url));
  if (token === null) {
    throw new SessionResponseError(
      "RevKeen's session response holds no rkcps_ token (neither a `token` field nor one inside `url`).",
    );
  }
  const expiresRaw = data.expiresAt ?? data.expires_at;
  const expires = expiresRaw === undefined ? Number.NaN : Date.parse(expiresRaw);
  if (Number.isNaN(expires) || expires <= now) {
    throw new SessionResponseError("RevKeen's session response has no valid future expiry.");
  }
  const latest = now + ttlMinutes * 60_000;
  return { token, expiresAt: new Date(Math.min(expires, latest)), customerId: data.customerId ?? data.customer_id ?? null };
}
