// A tiny path router shared by the API and the controls, so both answer 404 for an
// unknown path and 405 (with Allow) for a known path with the wrong method.
export interface Route<Handler> {
  pattern: RegExp;
  methods: Partial<Record<string, Handler>>;
}

export type RouteMatch<Handler> =
  | { kind: "found"; handler: Handler; params: string[] }
  | { kind: "method_not_allowed"; allow: string[] }
  | { kind: "not_found" };

export function matchRoute<Handler>(routes: readonly Route<Handler>[], method: string, pathname: string): RouteMatch<Handler> {
  for (const route of routes) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    const handler = route.methods[method];
    if (handler === undefined) return { kind: "method_not_allowed", allow: Object.keys(route.methods) };
    return { kind: "found", handler, params: match.slice(1).map((param) => param ?? "") };
  }
  return { kind: "not_found" };
}
