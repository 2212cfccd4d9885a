// Compiles the npm CLIs (scripts/report.ts, org.ts, import.ts) once per test run to plain
// JavaScript, the way scripts/build-server.ts compiles the server: packages stay external, the
// app's modules are bundled. Most CLI tests then start `node <compiled>.mjs`, which costs about
// half the CPU of `node --import tsx` (tsx's loader, and compiling the app on each start); every
// CLI test file keeps at least one call through tsx, exactly as `npm run` starts it
// (tests/support/cli.ts).
import path from "node:path";
import { build } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

export const CLI_SCRIPTS = ["report", "org", "import"] as const;
export type CliScript = (typeof CLI_SCRIPTS)[number];

export async function compileClis(outDir: string) {
  await build({
    configFile: false,
    logLevel: "warn",
    publicDir: false,
    plugins: [tsconfigPaths()],
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: "node20",
      minify: false,
      rollupOptions: {
        input: Object.fromEntries(CLI_SCRIPTS.map((name) => [name, path.resolve("scripts", `${name}.ts`)])),
        output: { format: "esm", entryFileNames: "[name].mjs", chunkFileNames: "[name]-[hash].mjs" },
      },
    },
  });
}
