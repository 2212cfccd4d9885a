// Compiles the npm CLIs (scripts/report.ts, org.ts, import.ts) once per test run to plain
// JavaScript with scripts/compile-for-node.ts, as scripts/build-server.ts compiles the server.
// Most CLI tests then start `node <compiled>.mjs`, which costs about half the CPU of
// `node --import tsx` (tsx's loader, and compiling the app on each start); every CLI test file
// keeps at least one call through tsx, exactly as `npm run` starts it (tests/support/cli.ts).
import path from "node:path";
import { compileForNode } from "../../scripts/compile-for-node.ts";

export const CLI_SCRIPTS = ["report", "org", "import"] as const;
export type CliScript = (typeof CLI_SCRIPTS)[number];

export async function compileClis(outDir: string) {
  await compileForNode({
    entries: Object.fromEntries(CLI_SCRIPTS.map((name) => [name, path.resolve("scripts", `${name}.ts`)])),
    outDir,
    entryFileNames: "[name].mjs",
  });
}
