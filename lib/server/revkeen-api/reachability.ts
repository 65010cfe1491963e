import "server-only";
// The readiness check's question to RevKeen (lib/server/health/readiness.ts): the cheapest call the
// merchant's key may make, one product of the catalogue. It mints nothing and changes nothing;
// what the answer holds does not matter, only that RevKeen gave one and took the key.
import { send } from "./send";

export function askRevKeenForOneProduct(): Promise<void> {
  return send({
    operation: "products.list",
    method: "GET",
    path: "/products",
    search: { limit: "1" },
    credential: { kind: "merchant" },
    notFound: "upstream:unavailable",
    parse: () => undefined,
  });
}
