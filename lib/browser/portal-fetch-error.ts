// How a failed call to the app's portal API reaches the page: the API's stable code, the HTTP
// status (0 when the server could not be reached) and the API's message. Pages show the code's
// own message in the page's language (PortalCopy's errors): the API words
// its messages in the browser's language, and an answer it cannot read has none.

export class PortalFetchError extends Error {
  readonly code: string;
  readonly status: number;
  readonly retryAfter: number | undefined;

  constructor(code: string, status: number, message: string, retryAfter?: number) {
    super(message);
    this.name = "PortalFetchError";
    this.code = code;
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

export const OFFLINE_MESSAGE = "We couldn't reach the server. Check your connection and try again.";
