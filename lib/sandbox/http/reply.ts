// Handlers produce plain replies rather than Response objects: a reply can be stored and
// replayed byte for byte (idempotency), logged by status, and turned into a Response once.
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const JSON_HEADERS = { "content-type": "application/json", "cache-control": "no-store" } as const;

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return rawJsonReply(status, JSON.stringify(value), headers);
}

/** For bodies that must not be re-serialised: replays, and deliberately broken JSON. */
export function rawJsonReply(status: number, body: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body };
}

export function toResponse(reply: Reply): Response {
  return new Response(reply.body, { status: reply.status, headers: reply.headers });
}
