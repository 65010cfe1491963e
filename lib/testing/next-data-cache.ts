// For unit tests of code a page runs: the page's work store with Next's own data cache (the one
// `unstable_cache` reads in `next start`), kept in memory. Code run through it is served what a
// page would be served, stale entries and background refreshes included, so a test can hold a
// read to its freshness whatever cache it uses. These are Next's internal modules: a Next upgrade
// that moves them fails these tests first.
import { AsyncLocalStorage } from "node:async_hooks";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Next's server sets this before any of its modules load; they refuse to load without it.
(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;

const { IncrementalCache } = await import("next/dist/server/lib/incremental-cache");
const { nodeFs } = await import("next/dist/server/lib/node-fs-methods");
const { workAsyncStorage } = await import("next/dist/server/app-render/work-async-storage.external");

type WorkStore = Parameters<typeof workAsyncStorage.run>[0];

const PREVIEW = { previewModeId: "test", previewModeEncryptionKey: "test", previewModeSigningKey: "test" };

/** A data cache of its own, as a fresh `next start` has. */
export function nextDataCache(): { asAPage<T>(run: () => Promise<T>): Promise<T> } {
  const incrementalCache = new IncrementalCache({
    fs: nodeFs,
    dev: false,
    flushToDisk: false,
    minimalMode: false,
    serverDistDir: mkdtempSync(join(tmpdir(), "next-data-cache-")),
    requestHeaders: {},
    maxMemoryCacheSize: 10_000_000,
    previewProps: PREVIEW,
    // A build's manifest of prerendered pages: none here.
    prerenderManifest: { version: 4, routes: {}, dynamicRoutes: {}, notFoundRoutes: [], preview: PREVIEW },
  });
  return {
    asAPage(run) {
      // The fields the data cache reads of a page's work store; the rest of it is the render's.
      const store = { route: "/test", incrementalCache, isDraftMode: false, isOnDemandRevalidate: false, nextFetchId: 1, pendingRevalidates: {} };
      return workAsyncStorage.run(store as unknown as WorkStore, run);
    },
  };
}
