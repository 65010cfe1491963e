import "server-only";
// How much of an answer from RevKeen the app will hold. The largest answer it asks for is one
// page of at most 100 invoices, far below this even with long lists of lines; the cap leaves
// plenty of room and still bounds what one call can make the server hold, whatever the network
// or a compressed body claims.

/** 4 MiB of body, counted after decompression. */
export const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

/** An answer whose body passed MAX_RESPONSE_BYTES: the call was abandoned and its connection closed. */
export class UpstreamResponseTooLarge extends Error {
  override name = "UpstreamResponseTooLarge";

  constructor() {
    super(`RevKeen's answer is larger than ${MAX_RESPONSE_BYTES} bytes`);
  }
}
