import os from "node:os";
import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/database-per-file.ts", "tests/setup/property-seed.ts"],
    // Each file runs in a fresh VM context inside a reused worker thread: the file's modules and
    // globals are its own, as in a new thread, but the thread and Node's built-ins are not started
    // again. The suite takes about a third less CPU than with a new thread per file (decision 0025).
    // process.env is the thread's, so tests/setup/database-per-file.ts resets it for every file.
    pool: "vmThreads",
    poolOptions: {
      vmThreads: {
        // The VM loader cannot require() an ES module, so packages are resolved without Node's
        // "module-sync" condition (get-intrinsic → async-function, under express).
        execArgv: process.allowedNodeEnvironmentFlags.has("--no-experimental-require-module")
          ? ["--no-experimental-require-module"]
          : [],
      },
    },
    // One worker per core: Vitest's default (cores − 1) runs one worker on a 2-core machine, and the
    // suite then takes 1.7 times as long (decision 0024).
    maxWorkers: os.availableParallelism(),
    minWorkers: 1,
    // Timeouts only catch hangs; no test asserts on speed. A loaded 2-core machine (or CI next to
    // other jobs) makes tests that take 2 s on a quiet one take 20 s or more.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
