import type { ReactNode } from "react";
import { PageCodeHint } from "./page-code-hint";

/**
 * A portal page whose client code is on its way before its data. A page's output waits for its
 * reads; without a client component ahead of it, the first client reference in the answer comes
 * with that output, so the browser would learn which code the page needs only once the whole
 * answer had arrived and fetch it then: a round trip to the server or CDN between the answer and
 * the page, on the first visit to each page. The hint goes out with the answer's first bytes.
 */
export function codeFirst<Props extends object>(Page: (props: Props) => Promise<ReactNode>): (props: Props) => ReactNode {
  return function CodeFirst(props: Props) {
    return (
      <>
        <PageCodeHint />
        <Page {...props} />
      </>
    );
  };
}
