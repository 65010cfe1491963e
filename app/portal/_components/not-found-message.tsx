import { PortalLink } from "./navigation-pending";
import type { Route } from "next";

/** What every portal 404 says: what was not found, and the way back. */
export function NotFoundMessage({ title, body, back, backLabel }: { title: string; body: string; back: Route; backLabel: string }) {
  return (
    <section className="card stack" data-testid="portal-not-found" aria-labelledby="not-found-heading">
      <h1 id="not-found-heading">{title}</h1>
      <p>{body}</p>
      <p>
        <PortalLink href={back} className="button">
          {backLabel}
        </PortalLink>
      </p>
    </section>
  );
}
