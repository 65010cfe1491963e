import "server-only";
// The shape of one call to RevKeen, shared by ./send.ts, which makes it, and the transports that
// carry it (node:http for a real upstream, the in-process sandbox in sandbox mode).

/**
 * One call to RevKeen. `init.signal` (the caller's timeout) must reach the call itself. A signal read
 * back from `new Request(…, { signal })` only follows the original through a weak reference in
 * undici: once that Request object is garbage collected, which can happen while fetch is still
 * waiting, the timeout no longer aborts anything (nodejs/node#55428, nodejs/undici#3644).
 */
export type UpstreamInit = { method: "GET" | "POST" | "PATCH"; headers: Headers; body?: string; signal: AbortSignal };
/** What ./send.ts reads of an answer; a fetch Response is one. */
export type UpstreamResponse = { status: number; ok: boolean; headers: { get(name: string): string | null }; text(): Promise<string> };
export type Transport = (url: URL, init: UpstreamInit) => Promise<UpstreamResponse>;
