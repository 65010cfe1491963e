"use client";
// Portal pages render on the server before they show, so a click keeps the current page on
// screen until the next one is ready: no skeleton in between, which React would hold for at
// least 300 ms, and a page that is not found can answer 404 rather than a streamed 200. When
// RevKeen is slow, the page says it is loading.
import Link, { useLinkStatus } from "next/link";
import { usePortalCopy } from "./portal-copy";
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ComponentProps, type ReactNode } from "react";

/** Fast navigations show nothing; slower ones show the loading state after this long. */
const SHOW_AFTER_MS = 400;

const ReportPending = createContext<(change: 1 | -1) => void>(() => {});

/**
 * The portal's frame: knows whether any of its links is still loading, and says so. The count is
 * kept outside React's state: a navigation that ends within SHOW_AFTER_MS renders nothing here.
 */
export function NavigationPending({ children }: { children: ReactNode }) {
  const { loading } = usePortalCopy();
  const [showing, setShowing] = useState(false);
  const pending = useRef<{ links: number; timer?: ReturnType<typeof setTimeout> }>({ links: 0 });
  const report = useCallback((change: 1 | -1) => {
    const state = pending.current;
    state.links = Math.max(0, state.links + change);
    if (state.links > 0) {
      state.timer ??= setTimeout(() => setShowing(true), SHOW_AFTER_MS);
      return;
    }
    clearTimeout(state.timer);
    state.timer = undefined;
    setShowing(false);
  }, []);
  useEffect(() => () => clearTimeout(pending.current.timer), []);

  return (
    <ReportPending value={report}>
      <div className="page portal" data-navigating={showing ? "true" : undefined}>
        <p role="status" className="navigation-status" data-testid="navigation-pending">
          {showing ? loading : ""}
        </p>
        {children}
      </div>
    </ReportPending>
  );
}

function ReportWhilePending() {
  const { pending } = useLinkStatus();
  const report = useContext(ReportPending);
  useEffect(() => {
    if (!pending) return;
    report(1);
    return () => report(-1);
  }, [pending, report]);
  return null;
}

/** A link inside the portal: next/link, plus its share of the loading state. */
export function PortalLink({ children, ...props }: ComponentProps<typeof Link>) {
  return (
    <Link {...props}>
      {children}
      <ReportWhilePending />
    </Link>
  );
}
