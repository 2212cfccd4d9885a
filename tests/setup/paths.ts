import path from "node:path";

/** All test databases live below here, one folder per test run so parallel runs never collide. */
export const TEST_DB_ROOT = path.resolve("tests/.db");

declare module "vitest" {
  export interface ProvidedContext {
    testRunDir: string;
    /** The npm CLIs compiled for this run (tests/setup/compile-cli.ts). */
    cliDir: string;
  }
}
