// RevKeen's documents disagree on the session response (camelCase vs snake_case; token in a
// field, in the URL, or nowhere). The sandbox can answer in each shape so the app's parser
// is exercised against all of them.
import { toIso } from "../data/calendar";
import type { IssuedSession } from "../data/tokens";

export const SESSION_SHAPES = ["reference", "sdk", "token", "tokenless"] as const;
export type SessionShape = (typeof SESSION_SHAPES)[number];

interface SessionView {
  session: IssuedSession;
  token: string;
  merchantId: string;
  /** Origin the request came to: the portal link points back at the same host. */
  origin: string;
}

export function renderSession(shape: SessionShape, view: SessionView): Record<string, string> {
  const { session, token, merchantId, origin } = view;
  const camel = {
    id: session.id,
    customerId: session.customerId,
    merchantId,
    url: `${origin}/portal/session`,
    expiresAt: toIso(session.expiresAt),
    createdAt: toIso(session.createdAt),
  };
  switch (shape) {
    case "reference":
      // The 2026-05-01 reference: no token field, the token rides in the link.
      return { ...camel, url: `${camel.url}?token=${token}` };
    case "sdk":
      // The August 2026 SDK types: snake_case, token as a path segment.
      return {
        id: session.id,
        customer_id: session.customerId,
        merchant_id: merchantId,
        url: `${origin}/portal/s/${token}`,
        expires_at: camel.expiresAt,
        created_at: camel.createdAt,
      };
    case "token":
      return { ...camel, token };
    case "tokenless":
      return camel;
  }
}
