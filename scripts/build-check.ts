// Whether the production build is current: `npm start` rebuilds only when a source file is newer
// than the compiled server (the last file `npm run build` writes), or the build is missing.
import fs from "node:fs";
import path from "node:path";

/** The compiled server entry inside the build folder (scripts/build-server.ts writes it last). */
export const RUNTIME_ENTRY = "server/runtime/index.js";

/** What goes into the build: app, server code, public files, the toolchain's configuration. */
export const BUILD_SOURCES = [
  "app",
  "server",
  "emails",
  "search",
  "public",
  "prisma/generated",
  "prisma/schema.prisma",
  "scripts/build-server.ts",
  "scripts/compile-for-node.ts",
  "package.json",
  "package-lock.json",
  "vite.config.ts",
  "tsconfig.json",
];

/** The newest modification time (ms) among the files under the given paths; 0 when none exist. */
export function newestMtime(root: string, entries: readonly string[]): number {
  let newest = 0;
  const visit = (file: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return; // a source that does not exist (yet) changes nothing
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(file)) if (name !== "node_modules") visit(path.join(file, name));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of entries) visit(path.join(root, entry));
  return newest;
}

export type BuildState = { current: true } | { current: false; reason: string };

/** Is `<buildDir>/server/runtime/index.js` there and newer than every source under `root`? */
export function buildState(root: string, buildDir: string, sources: readonly string[] = BUILD_SOURCES): BuildState {
  const stamp = path.join(buildDir, RUNTIME_ENTRY);
  let built: number;
  try {
    built = fs.statSync(stamp).mtimeMs;
  } catch {
    return { current: false, reason: "ingen produktionsbyggnad" };
  }
  if (!fs.existsSync(path.join(buildDir, "server/index.js"))) {
    return { current: false, reason: "Remix-byggnaden saknas" };
  }
  const newest = newestMtime(root, sources);
  return newest > built ? { current: false, reason: "källkoden har ändrats sedan förra bygget" } : { current: true };
}
