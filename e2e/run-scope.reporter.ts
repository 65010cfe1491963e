// Writes down which spec files a run holds, before any test starts: the log audit runs after
// every run, a run of one spec included, and asks only that the failures the run's own specs
// provoke show up in the logs (e2e/server-output.audit.ts). With the runner's process id: the
// workers are its children, and a list an earlier run left behind (one whose reporters were
// replaced on the command line) is not taken for this run's.
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import type { FullConfig, Reporter, Suite } from "@playwright/test/reporter";
import { RUN_SCOPE } from "./urls";

export default class RunScopeReporter implements Reporter {
  onBegin(_config: FullConfig, suite: Suite): void {
    const files = [...new Set(suite.allTests().map((test) => basename(test.location.file)))].sort();
    mkdirSync(dirname(RUN_SCOPE), { recursive: true });
    writeFileSync(RUN_SCOPE, JSON.stringify({ runner: process.pid, files }));
  }

  printsToStdio(): boolean {
    return false;
  }
}
