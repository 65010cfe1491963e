// When a page that keeps itself current asks again: on focus or on becoming visible, not while
// hidden, not sooner than FOCUS_REFRESH_AFTER_MS after the last read, never twice at once, and an
// answer sent before a write on the page is older than what the write left on screen.

/** No sooner than this after the last read: as SWR's focus throttle, so a page just loaded asks nothing. */
export const FOCUS_REFRESH_AFTER_MS = 5_000;

export type FocusRefreshDeps<T> = {
  now: () => number;
  hidden: () => boolean;
  read: () => Promise<T>;
  /** A fresh answer, unless a write happened while it was on its way. */
  answered: (data: T) => void;
  failed: (error: unknown) => void;
};

export type FocusRefresh = {
  /** The tab regained focus or became visible. */
  focused: () => void;
  /** A write on the page: an answer to a read already sent is now out of date. */
  wrote: () => void;
};

export function focusRefresh<T>({ now, hidden, read, answered, failed }: FocusRefreshDeps<T>): FocusRefresh {
  // The page was read by the server as it was drawn.
  let last = now();
  let sending = false;
  let writes = 0;
  return {
    focused() {
      if (sending || hidden() || now() - last < FOCUS_REFRESH_AFTER_MS) return;
      sending = true;
      last = now();
      const since = writes;
      read()
        .then(
          (data) => {
            if (writes === since) answered(data);
          },
          failed,
        )
        .finally(() => {
          sending = false;
        });
    },
    wrote() {
      writes += 1;
    },
  };
}
