"use client";
// The subscription on its own page: as the server read it with the page (again after a write
// that came back with the page), asked for again when the tab regains focus, and shown as the
// page's own writes left it. Not SWR, which is a third of the page's script budget on its own
// (docs/speed.md); what SWR holds for the other pages hears of a write (tell-subscription-lists.ts).
import { useCallback, useEffect, useRef, useState } from "react";
import { PortalFetchError } from "@/lib/browser/portal-fetch-error";
import { portalRequest } from "@/lib/browser/portal-fetcher";
import { portalKeys } from "@/lib/shared/portal-api/keys";
import type { DataBody } from "@/lib/shared/portal-api/payloads";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";

/** No sooner than this after the last read: as SWR's focus throttle, so a page just loaded asks nothing. */
export const FOCUS_REFRESH_AFTER_MS = 5_000;

type Live = { served: PortalSubscription; data: PortalSubscription; error: PortalFetchError | undefined };

export function useLiveSubscription(served: PortalSubscription) {
  const [live, setLive] = useState<Live>({ served, data: served, error: undefined });
  // A write since a read was sent makes its answer older than what is shown.
  const writes = useRef(0);
  if (live.served !== served) setLive({ served, data: served, error: undefined });

  useEffect(() => {
    let last = Date.now();
    let sending = false;
    const refresh = () => {
      if (sending || document.visibilityState === "hidden" || Date.now() - last < FOCUS_REFRESH_AFTER_MS) return;
      sending = true;
      last = Date.now();
      const since = writes.current;
      portalRequest<DataBody<PortalSubscription>>(portalKeys.subscription(served.id))
        .then(
          (body) => {
            if (writes.current === since) setLive((current) => ({ ...current, data: body.data, error: undefined }));
          },
          (error: unknown) => {
            const failure = error instanceof PortalFetchError ? error : new PortalFetchError("server:error", 0, "");
            setLive((current) => ({ ...current, error: failure }));
          },
        )
        .finally(() => {
          sending = false;
        });
    };
    window.addEventListener("focus", refresh);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      window.removeEventListener("focus", refresh);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [served.id]);

  /** What a write on the page shows now: its answer, or the state it is waiting for. */
  const show = useCallback((subscription: PortalSubscription): void => {
    writes.current += 1;
    setLive((current) => ({ ...current, data: subscription }));
  }, []);

  return { data: live.data, error: live.error, show };
}
