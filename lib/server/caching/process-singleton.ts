import "server-only";
// One value per server process, whichever bundle asks. Next bundles each route handler and page
// apart (and reloads modules in development), so a module-level variable would be one per bundle:
// each with its own database connection, rate-limit counts, caches or demo data. The value is kept
// on globalThis under a registered symbol, which every copy of this module finds alike.

type Holder = { [key: symbol]: unknown };

function symbolFor(name: string): symbol {
  return Symbol.for(`revkeen-portal-starter.${name}`);
}

/** The process's one value called `name`, made by `create` on first use. */
export function processSingleton<T>(name: string, create: () => T): T {
  const holder = globalThis as Holder;
  const key = symbolFor(name);
  if (!(key in holder)) holder[key] = create();
  return holder[key] as T;
}

/** Drops the value called `name`: the next processSingleton(name, …) makes a new one. */
export function forgetProcessSingleton(name: string): void {
  delete (globalThis as Holder)[symbolFor(name)];
}
