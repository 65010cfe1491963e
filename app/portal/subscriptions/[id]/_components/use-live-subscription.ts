"use client";
// The subscription on its own page: as the server read it with the page (again after a write
// that came back with the page), asked for again when the tab regains focus (focus-refresh.ts),
// and shown as the page's own writes left it. Not SWR, which is a third of the page's script
// budget on its own (docs/speed.md); what SWR holds for the other pages hears of a write
// (tell-subscription-lists.ts).
import { useCallback, useEffect, useRef, useState } from "react";
import { PortalFetchError } from "@/lib/browser/portal-fetch-error";
import { portalRequest } from "@/lib/browser/portal-fetcher";
import { portalKeys } from "@/lib/shared/portal-api/keys";
import type { DataBody } from "@/lib/shared/portal-api/payloads";
import type { PortalSubscription } from "@/lib/shared/revkeen-api/customer-portal";
import { focusRefresh, type FocusRefresh } from "./focus-refresh";

type Live = { served: PortalSubscription; data: PortalSubscription; error: PortalFetchError | undefined };

export function useLiveSubscription(served: PortalSubscription) {
  const [live, setLive] = useState<Live>({ served, data: served, error: undefined });
  const refresher = useRef<FocusRefresh | null>(null);
  if (live.served !== served) setLive({ served, data: served, error: undefined });

  useEffect(() => {
    const refresh = focusRefresh({
      now: () => Date.now(),
      hidden: () => document.visibilityState === "hidden",
      read: () => portalRequest<DataBody<PortalSubscription>>(portalKeys.subscription(served.id)).then((body) => body.data),
      answered: (data) => setLive((current) => ({ ...current, data, error: undefined })),
      failed: (error) => {
        const failure = error instanceof PortalFetchError ? error : new PortalFetchError("server:error", 0, "");
        setLive((current) => ({ ...current, error: failure }));
      },
    });
    refresher.current = refresh;
    window.addEventListener("focus", refresh.focused);
    document.addEventListener("visibilitychange", refresh.focused);
    return () => {
      window.removeEventListener("focus", refresh.focused);
      document.removeEventListener("visibilitychange", refresh.focused);
      refresher.current = null;
    };
  }, [served.id]);

  /** What a write on the page shows now: its answer, or the state it is waiting for. */
  const show = useCallback((subscription: PortalSubscription): void => {
    refresher.current?.wrote();
    setLive((current) => ({ ...current, data: subscription }));
  }, []);

  return { data: live.data, error: live.error, show };
}
