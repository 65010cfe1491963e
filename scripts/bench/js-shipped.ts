// 4. JavaScript shipped: gzip bytes of every script a page makes the browser fetch, for each
// portal page and for an empty page built by the same Next (the framework's floor).
import { gzipSync } from "node:zlib";
import type { Browser, Response } from "@playwright/test";
import { newContext, portalHydrated, trackNetwork, type StorageState } from "./browser";

export interface ScriptsLoaded {
  page: string;
  url: string;
  scripts: number;
  rawBytes: number;
  gzipBytes: number;
  files: { path: string; rawBytes: number; gzipBytes: number }[];
}

/** Loads `url` in a fresh context (empty cache) and sums the script bodies it fetched. */
export async function scriptsLoaded(
  browser: Browser,
  page: string,
  url: string,
  options: { storageState?: StorageState; portal: boolean },
): Promise<ScriptsLoaded> {
  const context = await newContext(browser, { storageState: options.storageState });
  try {
    const tab = await context.newPage();
    const bodies: Promise<{ path: string; body: Buffer } | null>[] = [];
    tab.on("response", (response: Response) => {
      if (response.request().resourceType() !== "script") return;
      bodies.push(
        response.body().then(
          (body) => ({ path: new URL(response.url()).pathname, body }),
          () => null,
        ),
      );
    });
    const network = trackNetwork(tab);
    await tab.goto(url);
    if (options.portal) await portalHydrated(tab);
    await network.quiet(750);
    network.stop();
    const files = (await Promise.all(bodies))
      .filter((entry): entry is { path: string; body: Buffer } => entry !== null)
      .map(({ path, body }) => ({ path, rawBytes: body.length, gzipBytes: gzipSync(body).length }));
    return {
      page,
      url,
      scripts: files.length,
      rawBytes: files.reduce((sum, file) => sum + file.rawBytes, 0),
      gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0),
      files,
    };
  } finally {
    await context.close();
  }
}
