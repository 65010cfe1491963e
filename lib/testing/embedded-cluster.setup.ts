// Every unit-test file: an in-memory PGlite (the app's embedded database where DATABASE_DIR says
// memory, and openTestDatabase's) starts from the cluster the global setup made with initdb
// (embedded-cluster.global-setup.ts) instead of running initdb again. A PGlite given a folder or
// options of its own is left as it is.
import { readFileSync } from "node:fs";
import type { PGliteOptions } from "@electric-sql/pglite";
import { inject, vi } from "vitest";

vi.mock("@electric-sql/pglite", async (importOriginal) => {
  const original = await importOriginal<typeof import("@electric-sql/pglite")>();
  let image: Blob | undefined;
  class PGliteFromImage extends original.PGlite {
    constructor(dataDirOrOptions?: string | PGliteOptions, options?: PGliteOptions) {
      if (dataDirOrOptions === undefined && options === undefined) {
        image ??= new Blob([readFileSync(inject("embeddedClusterImage"))]);
        super({ loadDataDir: image });
      } else if (typeof dataDirOrOptions === "object") {
        super(dataDirOrOptions);
      } else {
        super(dataDirOrOptions, options);
      }
    }
  }
  return { ...original, PGlite: PGliteFromImage };
});
