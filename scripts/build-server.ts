// The second half of `npm run build` (after the Remix build): compiles the server entry
// (server/index.ts and what it imports outside the Remix bundle: the outboxes, search workers,
// the Prisma client) to plain JavaScript in build/server/runtime/, so production runs `node`
// without tsx. Packages in node_modules stay external (Vite's SSR default).
import path from "node:path";
import { build } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import { RUNTIME_ENTRY } from "./build-check.ts";

const buildDir = path.resolve(process.env.BUILD_DIR ?? "build");
const outFile = path.join(buildDir, RUNTIME_ENTRY);

await build({
  configFile: false,
  logLevel: "warn",
  publicDir: false,
  plugins: [tsconfigPaths()],
  build: {
    ssr: "server/index.ts",
    outDir: path.dirname(outFile),
    emptyOutDir: true,
    target: "node20",
    minify: false,
    sourcemap: true,
    rollupOptions: { output: { format: "esm", entryFileNames: path.basename(outFile) } },
  },
});
console.log(`Servern kompilerad: ${path.relative(process.cwd(), outFile)}`);
