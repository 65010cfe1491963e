// The writes of the app's API as a browser or a script reaches them: the real route handlers with
// real requests. Only the sign-in is stood in for, and nothing here gets as far as RevKeen: each
// request is refused before it could.
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

const signedIn = vi.hoisted(() => ({ id: "" }));
vi.mock("@/lib/server/auth/current-user", () => ({ currentUser: async () => ({ id: signedIn.id }) }));

const SITE = "http://app.test";
const ID = "0b5a7e1c-2d3f-4a5b-8c6d-7e8f9a0b1c2d";
const CAP = 16 * 1024;

type Handler = (request: NextRequest, context: { params: Promise<{ id: string }> }) => Promise<Response>;
type Write = { path: string; takesKey: boolean; body: string; load: () => Promise<Handler> };

const WRITES: Write[] = [
  {
    path: `subscriptions/${ID}/cancel`,
    takesKey: true,
    body: JSON.stringify({ cancel_at_period_end: true }),
    load: async () => (await import("./subscriptions/[id]/cancel/route")).POST,
  },
  { path: `mandates/${ID}/cancel`, takesKey: true, body: "{}", load: async () => (await import("./mandates/[id]/cancel/route")).POST },
  {
    path: `mandates/${ID}/re-authorize`,
    takesKey: true,
    body: JSON.stringify({ account_holder_name: "Ada King", sort_code: "20-71-64", account_number: "55779911", acceptance: { accountHolder: true, soleSignatory: true } }),
    load: async () => (await import("./mandates/[id]/re-authorize/route")).POST,
  },
  { path: `mandates/${ID}/re-authorize/send-otp`, takesKey: false, body: "", load: async () => (await import("./mandates/[id]/re-authorize/send-otp/route")).POST },
  {
    path: `mandates/${ID}/re-authorize/verify-otp`,
    takesKey: false,
    body: JSON.stringify({ code: "123456" }),
    load: async () => (await import("./mandates/[id]/re-authorize/verify-otp/route")).POST,
  },
];

/** A body of `total` bytes that counts how many of them were read. */
function countedBody(total: number): { stream: ReadableStream<Uint8Array>; read: () => number } {
  const chunk = new Uint8Array(1024).fill(0x20);
  let read = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (read >= total) return controller.close();
        controller.enqueue(chunk);
        read += chunk.byteLength;
      },
    },
    // Nothing is pulled ahead of the reader: `read` is what the handler asked for.
    { highWaterMark: 0 },
  );
  return { stream, read: () => read };
}

function request(write: Write, body: BodyInit, headers: Record<string, string> = {}): NextRequest {
  // Built as Next builds a route handler's request: the body handed over as it arrives, not copied.
  return new NextRequest(`${SITE}/api/portal/${write.path}`, {
    method: "POST",
    headers: { origin: SITE, "content-type": "application/json", "idempotency-key": randomUUID(), ...headers },
    body,
    duplex: "half",
  });
}

async function send(write: Write, body: BodyInit, headers?: Record<string, string>): Promise<{ status: number; code: string | undefined; message: string | undefined }> {
  const handler = await write.load();
  const response = await handler(request(write, body, headers), { params: Promise.resolve({ id: ID }) });
  const answer = (await response.json()) as { error?: { code?: string; message?: string } };
  return { status: response.status, code: answer.error?.code, message: answer.error?.message };
}

/** A user of their own for each test, so no test spends another's write allowance. */
let users = 0;
function newUser(): void {
  users += 1;
  signedIn.id = `github:${users}`;
}

beforeAll(() => {
  vi.stubEnv("AUTH_SECRET", "a-unit-test-secret-that-is-long-enough-123");
  vi.stubEnv("AUTH_URL", SITE);
  vi.stubEnv("REVKEEN_API_KEY", "");
  vi.stubEnv("DATABASE_URL", "");
  vi.stubEnv("PORTAL_WRITES_PER_MINUTE_PER_USER", "2");
});

afterAll(() => {
  vi.unstubAllEnvs();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(WRITES.map((write) => [write.path, write] as const))("POST /api/portal/%s", (_path, write) => {
  it("refuses a body whose Content-Length is over 16 KiB with 413, reading none of it", async () => {
    newUser();
    const body = countedBody(1024 * 1024);
    const answer = await send(write, body.stream, { "content-length": String(1024 * 1024) });
    expect(answer).toEqual({ status: 413, code: "request:too_large", message: "That request is too large." });
    expect(body.read()).toBe(0);
  });

  it("refuses a body sent without a length as soon as more than 16 KiB of it has arrived", async () => {
    newUser();
    const body = countedBody(1024 * 1024);
    const answer = await send(write, body.stream);
    expect(answer.status).toBe(413);
    expect(answer.code).toBe("request:too_large");
    expect(body.read()).toBeLessThanOrEqual(CAP + 1024);
  });

  it("checks the write limit first: past it, a body is not read at all", async () => {
    newUser();
    // The allowance is two writes a minute, spent here by two bodies that are too large.
    expect((await send(write, countedBody(CAP * 2).stream)).status).toBe(413);
    expect((await send(write, countedBody(CAP * 2).stream)).status).toBe(413);
    const body = countedBody(1024 * 1024);
    const answer = await send(write, body.stream);
    expect(answer.status).toBe(429);
    expect(answer.code).toBe("portal:rate_limited");
    expect(body.read()).toBe(0);
  });
});

describe.each(WRITES.filter((write) => write.takesKey).map((write) => [write.path, write] as const))("POST /api/portal/%s", (_path, write) => {
  it.each([
    ["a word", "not-a-uuid"],
    ["255 characters", "a".repeat(255)],
    ["300 characters", "a".repeat(300)],
    ["a UUID with a tab and more after it", `${randomUUID()}\tforged=1`],
  ])("refuses an Idempotency-Key that is not a UUID (%s) with 400, before it reaches a log line", async (_name, key) => {
    newUser();
    const lines: string[] = [];
    for (const level of ["info", "warn", "error"] as const) vi.spyOn(console, level).mockImplementation((...args: unknown[]) => lines.push(args.join(" ")));
    const answer = await send(write, write.body, { "idempotency-key": key });
    expect(answer).toEqual({ status: 400, code: "request:invalid", message: "That request is not valid." });
    expect(lines.filter((line) => line.includes(key.trim()))).toEqual([]);
  });
});
