import "server-only";
// Calls to RevKeen over node:http(s) rather than fetch. Every portal API request makes one, and
// fetch costs it CPU that a plain request does not (docs/speed.md): undici's web streams and Request
// machinery, plus Next's patch around fetch (tracing, its request memo), none of which the client
// uses; it wants a status, two headers and the body as text. What fetch did that matters is kept:
// redirects are never followed, the caller's signal aborts the call at any point (before an answer
// and while the body arrives), connections are kept alive, and compressed bodies are decoded. What
// fetch did not do is added: the decoded body is capped (./response-size-limit.ts).
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { MAX_RESPONSE_BYTES, UpstreamResponseTooLarge } from "./response-size-limit";
import type { UpstreamInit, UpstreamResponse } from "./transport-types";

/**
 * Idle connections are closed after 4 s, before a server's usual keep-alive limit (5 s for Node,
 * more for most proxies), so a request is rarely sent on a socket the server is closing.
 */
const AGENT_OPTIONS = { keepAlive: true, scheduling: "lifo" as const, timeout: 4_000 };
const httpAgent = new HttpAgent(AGENT_OPTIONS);
const httpsAgent = new HttpsAgent(AGENT_OPTIONS);

/** What fetch asked for, and the encodings it decoded. */
const ACCEPT_ENCODING = "gzip, deflate, br";

function decoded(response: IncomingMessage): Readable {
  switch (response.headers["content-encoding"]?.trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return response.pipe(createGunzip());
    case "deflate":
      return response.pipe(createInflate());
    case "br":
      return response.pipe(createBrotliDecompress());
    default:
      return response;
  }
}

function headerReader(headers: IncomingHttpHeaders): UpstreamResponse["headers"] {
  return {
    get(name) {
      const value = headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(", ") : value;
    },
  };
}

/**
 * The decoded body, up to MAX_RESPONSE_BYTES. Past it the call is rejected and the connection
 * destroyed, so neither a long answer nor a small compressed one that inflates to a large one is
 * held, or even received, in full.
 */
function readBody(response: IncomingMessage, request: ClientRequest): Promise<UpstreamResponse> {
  return new Promise((resolve, reject) => {
    const status = response.statusCode ?? 0;
    const chunks: Buffer[] = [];
    let received = 0;
    const stream = decoded(response);
    stream.on("data", (chunk: Buffer) => {
      received += chunk.byteLength;
      if (received <= MAX_RESPONSE_BYTES) return void chunks.push(chunk);
      chunks.length = 0;
      reject(new UpstreamResponseTooLarge());
      stream.destroy();
      request.destroy();
    });
    stream.once("error", reject);
    if (stream !== response) response.once("error", reject);
    // A connection closed before the body ended (reset, or the signal destroying the request).
    response.once("close", () => {
      if (!response.complete) reject(new Error("RevKeen's answer was cut off"));
    });
    stream.once("end", () => {
      // Inside the promise: a throw in an event handler would escape it and crash the process.
      try {
        // As fetch's text(): UTF-8, a byte-order mark dropped, invalid bytes replaced.
        const text = new TextDecoder().decode(Buffer.concat(chunks));
        resolve({ status, ok: status >= 200 && status < 300, headers: headerReader(response.headers), text: async () => text });
      } catch (error) {
        reject(error);
      }
    });
  });
}

/**
 * One call to RevKeen; resolves once the whole body has arrived, rejects with the signal's reason
 * when it aborts and with UpstreamResponseTooLarge past the cap.
 */
export function sendOverHttp(url: URL, init: UpstreamInit): Promise<UpstreamResponse> {
  const { signal } = init;
  return new Promise((resolve, reject) => {
    // Whatever breaks once the signal has fired is the signal's doing (a TimeoutError for the client).
    const fail = (error: unknown) => reject(signal.aborted ? signal.reason : error);
    if (signal.aborted) return fail(signal.reason);
    const secure = url.protocol === "https:";
    if (!secure && url.protocol !== "http:") return fail(new TypeError(`RevKeen cannot be reached over ${url.protocol}`));

    const headers: Record<string, string> = { "accept-encoding": ACCEPT_ENCODING, "user-agent": "node" };
    init.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const body = init.body === undefined ? undefined : Buffer.from(init.body, "utf8");
    if (body !== undefined) headers["content-length"] = String(body.byteLength);

    const request = (secure ? httpsRequest : httpRequest)(url, { method: init.method, headers, agent: secure ? httpsAgent : httpAgent, signal });
    request.once("error", fail);
    request.once("response", (response) => {
      readBody(response, request).then(resolve, fail);
    });
    request.end(body);
  });
}
