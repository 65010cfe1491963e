import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // `server-only` throws outside React's server build; unit tests run lib/ code directly.
      "server-only": fileURLToPath(new URL("./lib/testing/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    // Every core: a file's time is mostly importing and transforming its modules, not waiting,
    // and Vitest's default leaves one core idle (all of one on a two-core machine).
    maxWorkers: availableParallelism(),
    include: ["lib/**/*.test.ts", "app/**/*.test.{ts,tsx}", "scripts/**/*.test.ts", "proxy.test.ts", "instrumentation.test.ts", "eslint.config.test.ts"],
    environment: "node",
    // initdb once for the run, not once per file that opens an embedded database.
    globalSetup: ["lib/testing/embedded-cluster.global-setup.ts"],
    setupFiles: ["lib/testing/embedded-cluster.setup.ts"],
    // next-auth imports "next/server" without the extension Node's ESM loader needs; bundled by
    // Vite instead, its imports resolve as they do in Next (and tests can run Auth.js's endpoints).
    server: { deps: { inline: ["next-auth"] } },
  },
});
