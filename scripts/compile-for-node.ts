// Compiles TypeScript entry points to plain ESM JavaScript that `node` runs without tsx: the app's
// modules are bundled, packages in node_modules stay external (Vite's SSR default). The production
// server (scripts/build-server.ts) and the CLIs of a Vitest run (tests/setup/compile-cli.ts) use it.
import { build } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

export async function compileForNode(options: {
  /** Output name (without extension) → entry file. */
  entries: Record<string, string>;
  outDir: string;
  /** Rollup's pattern for entry file names, e.g. "[name].mjs". */
  entryFileNames: string;
  sourcemap?: boolean;
}) {
  await build({
    configFile: false,
    logLevel: "warn",
    publicDir: false,
    plugins: [tsconfigPaths()],
    build: {
      ssr: true,
      outDir: options.outDir,
      emptyOutDir: true,
      target: "node20",
      minify: false,
      sourcemap: options.sourcemap ?? false,
      rollupOptions: {
        input: options.entries,
        output: { format: "esm", entryFileNames: options.entryFileNames, chunkFileNames: "[name]-[hash].mjs" },
      },
    },
  });
}
