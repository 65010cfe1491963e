// Vitest's global setup: one embedded PostgreSQL cluster made by initdb for the whole run, kept
// as a data-directory image that every in-memory PGlite of the unit tests starts from
// (embedded-cluster.setup.ts). initdb is most of the time a new PGlite takes, and it would
// otherwise run again in every test file that opens a database. The image holds no table: each
// database still applies the committed migrations itself, as the app does.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The file holding the initdb'd cluster's data directory. */
    embeddedClusterImage: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const folder = mkdtempSync(join(tmpdir(), "embedded-cluster-"));
  const file = join(folder, "cluster.tar");
  const cluster = new PGlite();
  await cluster.waitReady;
  const image = await cluster.dumpDataDir("none");
  await cluster.close();
  writeFileSync(file, Buffer.from(await image.arrayBuffer()));
  project.provide("embeddedClusterImage", file);
  return () => rmSync(folder, { recursive: true, force: true });
}
