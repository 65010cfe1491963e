// The sandbox over HTTP (`npm run sandbox`, the e2e suite, the bench), for running the app in
// "test" mode against it, or for poking it with curl. It only bridges node:http to the same
// handler the app uses in-process.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { DEFAULT_SANDBOX_PORT } from "@/lib/env/schema.mjs";
import { MAX_BODY_BYTES } from "../http/request-input";
import { SandboxConnectionDrop } from "../controls/faults";
import { createSandbox, type Sandbox } from "./sandbox";

export interface SandboxServerOptions {
  /** 4010 by default; 0 picks a free port (tests). */
  port?: number;
  /** 127.0.0.1 by default: the controls are unauthenticated, so stay on loopback. */
  host?: string;
  sandbox?: Sandbox;
}

export interface SandboxServer {
  /** e.g. "http://127.0.0.1:4010" (the API is under /v2, the controls under /__sandbox). */
  url: string;
  close(): Promise<void>;
  sandbox: Sandbox;
}

const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer", "http2-settings"]);

function requestUrl(origin: string, rawPath: string | undefined): URL {
  // The origin is the server's own, never the Host header: links in session responses
  // must not point wherever a client claims to have connected.
  try {
    if (rawPath?.startsWith("/")) return new URL(origin + rawPath);
    const absolute = new URL(rawPath ?? "/");
    return new URL(origin + absolute.pathname + absolute.search);
  } catch {
    return new URL("/", origin);
  }
}

function requestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] ?? "";
    const value = req.rawHeaders[i + 1] ?? "";
    if (!HOP_BY_HOP.has(name.toLowerCase())) headers.append(name, value);
  }
  return headers;
}

/**
 * The body, read until it passes the handler's cap: past that the bytes read so far are
 * enough for the handler to answer 413, and the rest is drained unread.
 */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    req.on("data", (chunk: Buffer) => {
      if (settled) return;
      chunks.push(chunk);
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        settled = true;
        resolve(Buffer.concat(chunks));
      }
    });
    req.on("end", () => {
      if (!settled) resolve(Buffer.concat(chunks));
    });
    req.on("error", reject);
  });
}

async function toWebRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Promise<Request> {
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  const body = hasBody ? await readBody(req) : null;
  return new Request(requestUrl(origin, req.url), {
    method,
    headers: requestHeaders(req),
    body: body && body.length > 0 ? new Uint8Array(body) : null,
    signal,
  });
}

async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  res.end(body);
}

async function bridge(sandbox: Sandbox, origin: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const controller = new AbortController();
  // A client that hangs up mid-delay aborts the request, so the delay stops waiting.
  res.on("close", () => {
    if (!res.writableFinished) controller.abort(new DOMException("The client closed the connection.", "AbortError"));
  });
  try {
    const response = await sandbox.handle(await toWebRequest(req, origin, controller.signal));
    await writeResponse(res, response);
  } catch (error) {
    if (error instanceof SandboxConnectionDrop) {
      req.socket.destroy();
      return;
    }
    if (controller.signal.aborted) return;
    console.error("[sandbox] could not answer a request:", error);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.writeHead(500, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(JSON.stringify({ error: { type: "api_error", code: "internal_error", message: "The sandbox server failed to answer." } }));
  }
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

export async function startSandboxServer(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const sandbox = options.sandbox ?? createSandbox();
  const host = options.host ?? "127.0.0.1";
  let origin = "";
  const server = createServer((req, res) => {
    void bridge(sandbox, origin, req, res);
  });
  const address = await listen(server, options.port ?? DEFAULT_SANDBOX_PORT, host);
  origin = `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
  return {
    url: origin,
    sandbox,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections (fetch keeps them) would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
