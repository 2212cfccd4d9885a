// The second half of `npm run build` (after the Remix build): compiles the server entry
// (server/index.ts and what it imports outside the Remix bundle: the outboxes, search workers,
// the Prisma client) to plain JavaScript in build/server/runtime/, so production runs `node`
// without tsx. Packages in node_modules stay external (Vite's SSR default).
import path from "node:path";
import { RUNTIME_ENTRY } from "./build-check.ts";
import { compileForNode } from "./compile-for-node.ts";

const buildDir = path.resolve(process.env.BUILD_DIR ?? "build");
const outFile = path.join(buildDir, RUNTIME_ENTRY);

await compileForNode({
  entries: { [path.basename(outFile, ".js")]: "server/index.ts" },
  outDir: path.dirname(outFile),
  entryFileNames: path.basename(outFile),
  sourcemap: true,
});
console.log(`Servern kompilerad: ${path.relative(process.cwd(), outFile)}`);
