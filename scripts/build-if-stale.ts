// Part of `npm start`: runs `npm run build` only when the production build is missing or older
// than the sources (scripts/build-check.ts), so a restart does not rebuild for a minute.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildState } from "./build-check.ts";

const state = buildState(process.cwd(), path.resolve(process.env.BUILD_DIR ?? "build"));
if (state.current) {
  console.log("Produktionsbyggnaden är aktuell – bygger inte om. (The build is current.)");
} else {
  console.log(`Bygger (${state.reason}) …`);
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  process.exit(result.status ?? 1);
}
