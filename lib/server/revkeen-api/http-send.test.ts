// The transport to RevKeen over node:http, against a local server: what fetch did for the client
// (no redirects followed, the signal honoured at every step, compressed bodies decoded) it does too.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendOverHttp } from "./http-send";
import { MAX_RESPONSE_BYTES, UpstreamResponseTooLarge } from "./response-size-limit";

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;
const routes = new Map<string, Handler>();
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => routes.get(request.url ?? "")?.(request, Buffer.concat(chunks).toString("utf8"), response));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const init = (overrides: Partial<Parameters<typeof sendOverHttp>[1]> = {}) => ({
  method: "GET" as const,
  headers: new Headers({ accept: "application/json", authorization: "Bearer rkcps_test" }),
  signal: AbortSignal.timeout(5_000),
  ...overrides,
});

describe("sendOverHttp", () => {
  it("sends the method, headers and body, and gives back the status, headers and text", async () => {
    let seen: { method?: string; authorization?: string; type?: string; length?: string; body?: string } = {};
    routes.set("/echo?limit=5", (request, body, response) => {
      seen = {
        method: request.method,
        authorization: request.headers.authorization,
        type: request.headers["content-type"],
        length: request.headers["content-length"],
        body,
      };
      response.writeHead(201, { "content-type": "application/json", "x-request-id": "req_1" }).end('{"ok":"é"}');
    });
    const body = JSON.stringify({ reason: "too dear: £" });
    const answer = await sendOverHttp(new URL(`${base}/echo?limit=5`), init({ method: "POST", body, headers: new Headers({ authorization: "Bearer rkcps_test", "content-type": "application/json" }) }));
    expect(seen).toEqual({ method: "POST", authorization: "Bearer rkcps_test", type: "application/json", length: String(Buffer.byteLength(body)), body });
    expect(answer.status).toBe(201);
    expect(answer.ok).toBe(true);
    expect(answer.headers.get("X-Request-Id")).toBe("req_1");
    expect(answer.headers.get("retry-after")).toBeNull();
    expect(await answer.text()).toBe('{"ok":"é"}');
  });

  it("never follows a redirect", async () => {
    routes.set("/moved", (_request, _body, response) => response.writeHead(302, { location: `${base}/elsewhere` }).end());
    routes.set("/elsewhere", () => {
      throw new Error("followed");
    });
    const answer = await sendOverHttp(new URL(`${base}/moved`), init());
    expect(answer.status).toBe(302);
    expect(answer.ok).toBe(false);
  });

  it("decodes gzip and brotli bodies, and drops a byte-order mark as fetch did", async () => {
    routes.set("/gzip", (_request, _body, response) => response.writeHead(200, { "content-encoding": "gzip" }).end(gzipSync('{"z":"gzip"}')));
    routes.set("/br", (_request, _body, response) => response.writeHead(200, { "content-encoding": "br" }).end(brotliCompressSync('{"z":"br"}')));
    routes.set("/bom", (_request, _body, response) => response.writeHead(200).end(Buffer.from('\uFEFF{"z":1}', "utf8")));
    expect(await (await sendOverHttp(new URL(`${base}/gzip`), init())).text()).toBe('{"z":"gzip"}');
    expect(await (await sendOverHttp(new URL(`${base}/br`), init())).text()).toBe('{"z":"br"}');
    expect(await (await sendOverHttp(new URL(`${base}/bom`), init())).text()).toBe('{"z":1}');
  });

  it("rejects with the signal's reason when it fires before the answer or while the body arrives", async () => {
    routes.set("/silent", () => undefined);
    const before = await sendOverHttp(new URL(`${base}/silent`), init({ signal: AbortSignal.timeout(100) })).catch((error: unknown) => error);
    expect(before).toBeInstanceOf(DOMException);
    expect((before as DOMException).name).toBe("TimeoutError");

    routes.set("/trickle", (_request, _body, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"data":[');
    });
    const during = await sendOverHttp(new URL(`${base}/trickle`), init({ signal: AbortSignal.timeout(150) })).catch((error: unknown) => error);
    expect((during as DOMException).name).toBe("TimeoutError");

    const aborted = AbortSignal.abort(new DOMException("gone", "TimeoutError"));
    expect(((await sendOverHttp(new URL(`${base}/echo`), init({ signal: aborted })).catch((error: unknown) => error)) as DOMException).name).toBe("TimeoutError");
  });

  it("rejects, as a network failure and not a timeout, when the body is cut off or nobody listens", async () => {
    routes.set("/cut", (_request, _body, response) => {
      response.writeHead(200, { "content-length": "100" });
      response.write('{"data":');
      setTimeout(() => response.socket?.destroy(), 20);
    });
    const cut = await sendOverHttp(new URL(`${base}/cut`), init()).catch((error: unknown) => error);
    expect(cut).toBeInstanceOf(Error);
    expect(cut).not.toBeInstanceOf(DOMException);

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await sendOverHttp(new URL(`http://127.0.0.1:${port}/`), init()).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Error);
    expect(refused).not.toBeInstanceOf(DOMException);
  });

  it("refuses anything but http and https", async () => {
    await expect(sendOverHttp(new URL("file:///etc/passwd"), init())).rejects.toThrow(TypeError);
  });
});

describe("sendOverHttp and the size of an answer", () => {
  const MiB = 1024 * 1024;
  const send = (path: string) => sendOverHttp(new URL(`${base}${path}`), init());
  const failure = (path: string) => send(path).then(() => "answered", (error: unknown) => error);

  it("takes an answer of exactly the cap", async () => {
    routes.set("/at-cap", (_request, _body, response) => response.writeHead(200).end(Buffer.alloc(MAX_RESPONSE_BYTES, "a")));
    expect((await (await send("/at-cap")).text()).length).toBe(MAX_RESPONSE_BYTES);
  });

  it.each([
    ["plain", {}, (body: Buffer) => body],
    ["gzip", { "content-encoding": "gzip" }, gzipSync],
    ["deflate", { "content-encoding": "deflate" }, deflateSync],
    ["brotli", { "content-encoding": "br" }, brotliCompressSync],
  ])("refuses a %s answer one byte over the cap, counted after decompression", async (name, headers, encode) => {
    const body = encode(Buffer.alloc(MAX_RESPONSE_BYTES + 1, "a"));
    routes.set(`/over-${name}`, (_request, _body, response) => response.writeHead(200, headers).end(body));
    expect(await failure(`/over-${name}`)).toBeInstanceOf(UpstreamResponseTooLarge);
  });

  it("refuses a chunked answer with no length as it passes the cap, and closes the connection", async () => {
    let closed: (outcome: { finished: boolean; sent: number }) => void = () => undefined;
    const serverSide = new Promise<{ finished: boolean; sent: number }>((resolve) => {
      closed = resolve;
    });
    routes.set("/chunked", (_request, _body, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, "a");
      let sent = 0;
      const pump = () => {
        while (sent < 64 * MAX_RESPONSE_BYTES) {
          sent += chunk.byteLength;
          if (!response.write(chunk)) return void response.once("drain", pump);
        }
        response.end();
      };
      response.once("close", () => closed({ finished: response.writableFinished, sent }));
      pump();
    });
    expect(await failure("/chunked")).toBeInstanceOf(UpstreamResponseTooLarge);
    const { finished, sent } = await serverSide;
    expect(finished).toBe(false);
    expect(sent).toBeLessThan(64 * MAX_RESPONSE_BYTES);
  });

  it("rejects a gzip bomb (1 MiB inflating to 1 GiB) as too large, holding little more than the cap", async () => {
    // Gzip members may follow one another; each inflates on its own.
    const member = gzipSync(Buffer.alloc(16 * MiB));
    const bomb = Buffer.concat(Array.from({ length: 64 }, () => member));
    expect(bomb.byteLength).toBeLessThan(1.1 * MiB);
    routes.set("/bomb", (_request, _body, response) => response.writeHead(200, { "content-encoding": "gzip" }).end(bomb));

    const before = process.memoryUsage().arrayBuffers;
    let peak = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().arrayBuffers - before);
    }, 1);
    try {
      expect(await failure("/bomb")).toBeInstanceOf(UpstreamResponseTooLarge);
    } finally {
      clearInterval(sampler);
    }
    expect(peak).toBeLessThan(64 * MiB);
  });
});
