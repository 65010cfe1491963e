import { readdirSync } from "node:fs";
import { join } from "node:path";

// For tests that hold every file of a kind to a rule: the files under `dir`, at any depth, whose name passes `keep`.
export function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, keep);
    return keep(entry.name) ? [path] : [];
  });
}
