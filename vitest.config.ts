import os from "node:os";
import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/database-per-file.ts"],
    pool: "threads",
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
