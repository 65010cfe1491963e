import "server-only";
// A request body read no further than a limit. `request.text()` or `.json()` would hold whatever
// was sent in memory first, and nothing in front of a route handler caps it: a few large bodies at
// once could run a server out of memory. The declared length is refused before anything is read;
// a body without one (chunked) is counted as it arrives, as is one that claims less than it sends.

/** The body as text, or null when it is larger than `maxBytes`. */
export async function readBoundedText(request: Request, maxBytes: number): Promise<string | null> {
  if (Number(request.headers.get("content-length")) > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    return null;
  }
  if (request.body === null) return "";
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
}
