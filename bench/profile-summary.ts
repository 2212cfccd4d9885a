// Self time by part of the stack in V8 CPU profiles (.cpuprofile, from `node --cpu-prof`), for
// `npm run bench:http -- --profile DIR`: where a request's CPU goes (SQLite, Prisma, React, Remix,
// compression, the app's own code, GC), summed over the server's processes and per request, and the
// functions with the most self time.
import fs from "node:fs";
import path from "node:path";

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };

/** A span of the monotonic clock in microseconds (process.hrtime, which V8's profiler also uses). */
export type Window = { fromUs: number; toUs: number };
export const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

/** better-sqlite3's native methods (they have no script of their own in a profile). */
const SQLITE_NATIVE = new Set(["all", "get", "run", "iterate", "prepare", "exec", "pragma", "raw", "columns"]);

function partOfUrl(url: string): string | null {
  if (!url) return null;
  if (url.startsWith("wasm://")) return "Prisma client"; // its query compiler
  if (url.includes("better-sqlite3")) return "SQLite";
  if (url.includes("@prisma/adapter")) return "Prisma adapter";
  if (url.includes("@prisma/client") || url.includes("prisma/generated")) return "Prisma client";
  if (url.includes("sqlite-adapter")) return "Prisma adapter";
  if (url.includes("react-dom") || url.includes("/react/")) return "React";
  if (url.includes("@remix-run") || url.includes("turbo-stream") || url.includes("react-router")) return "Remix";
  if (/node_modules\/(compression|express|helmet|body-parser|send|serve-static|finalhandler|router)\//.test(url))
    return "Express & compression";
  if (url.includes("node:zlib") || url.includes("zlib")) return "Express & compression";
  if (url.includes("node_modules/zod")) return "zod";
  if (url.includes("node_modules/")) return `other packages`;
  if (url.startsWith("node:")) return "Node";
  return "Brygga";
}

/**
 * Self milliseconds by part and by function over every profile in `dir`, counting only the samples
 * taken within `window` (not the start-up); `requests` divides them.
 */
export function summariseProfiles(dir: string, requests: number, window: Window): string {
  const byPart = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const lines: string[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"))) {
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Profile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const partCache = new Map<number, string>();
    const partOf = (id: number): string => {
      const cached = partCache.get(id);
      if (cached) return cached;
      const { functionName, url } = nodes.get(id)!.callFrame;
      let part: string;
      if (functionName === "(idle)") part = "idle";
      else if (functionName === "(garbage collector)") part = "GC";
      else if (functionName === "(program)") part = "V8 (program)";
      else if (!url && SQLITE_NATIVE.has(functionName)) part = "SQLite";
      else part = partOfUrl(url) ?? (parent.has(id) ? partOf(parent.get(id)!) : "Node");
      partCache.set(id, part);
      return part;
    };
    let busy = 0;
    let at = profile.startTime;
    for (let i = 0; i < profile.samples.length; i++) {
      const id = profile.samples[i]!;
      at += profile.timeDeltas[i] ?? 0;
      if (at < window.fromUs || at > window.toUs) continue;
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      const part = partOf(id);
      if (part === "idle") continue;
      busy += ms;
      byPart.set(part, (byPart.get(part) ?? 0) + ms);
      const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
      const key = `${functionName || "(anonymous)"} ${url ? `${path.basename(url)}:${lineNumber + 1}` : "(native)"} [${part}]`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
    }
    lines.push(`${file}: ${busy.toFixed(0)} ms busy`);
  }
  const total = [...byPart.values()].reduce((a, b) => a + b, 0);
  const perRequest = (ms: number) => (ms / Math.max(1, requests)).toFixed(2);
  const table = [...byPart]
    .sort((a, b) => b[1] - a[1])
    .map(
      ([part, ms]) =>
        `  ${part.padEnd(24)} ${perRequest(ms).padStart(7)} ms/request  ${((ms / total) * 100).toFixed(1)} %`,
    );
  const top = [...byFunction]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([name, ms]) => `  ${perRequest(ms).padStart(7)} ms/request  ${name}`);
  return [
    ...lines,
    `CPU over ${requests} requests: ${perRequest(total)} ms/request`,
    ...table,
    "Most self time:",
    ...top,
  ].join("\n");
}
