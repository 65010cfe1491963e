import { describe, expect, it } from "vitest";
import { readBoundedText } from "./bounded-body";

/** A request whose body arrives in `chunks`, counting how many of them were read. */
function streamed(chunks: Uint8Array[], headers: Record<string, string> = {}): { request: Request; pulled: () => number } {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const chunk = chunks[pulled];
        if (chunk === undefined) return controller.close();
        pulled += 1;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request("http://app.test/", { method: "POST", headers, body: stream, duplex: "half" } as RequestInit);
  return { request, pulled: () => pulled };
}

const bytes = (size: number) => new Uint8Array(size).fill(0x61);

describe("readBoundedText", () => {
  it("reads a body of exactly the limit, and refuses one byte more", async () => {
    expect(await readBoundedText(new Request("http://app.test/", { method: "POST", body: "a".repeat(64) }), 64)).toBe("a".repeat(64));
    expect(await readBoundedText(new Request("http://app.test/", { method: "POST", body: "a".repeat(65) }), 64)).toBeNull();
  });

  it("refuses a body whose Content-Length is over the limit without reading any of it", async () => {
    const body = streamed([bytes(10)], { "content-length": "65" });
    expect(await readBoundedText(body.request, 64)).toBeNull();
    expect(body.pulled()).toBe(0);
  });

  it("stops reading a body with no length at the chunk that goes over the limit", async () => {
    const body = streamed([bytes(40), bytes(40), bytes(40), bytes(40)]);
    expect(await readBoundedText(body.request, 64)).toBeNull();
    expect(body.pulled()).toBe(2);
  });

  it("counts what arrives, whatever the Content-Length claims", async () => {
    const body = streamed([bytes(40), bytes(40)], { "content-length": "10" });
    expect(await readBoundedText(body.request, 64)).toBeNull();
  });

  it("decodes UTF-8 split across chunks, and an absent body as empty", async () => {
    const euro = new TextEncoder().encode("€ 12");
    const body = streamed([euro.slice(0, 1), euro.slice(1)]);
    expect(await readBoundedText(body.request, 64)).toBe("€ 12");
    expect(await readBoundedText(new Request("http://app.test/", { method: "POST" }), 64)).toBe("");
  });
});
