// `npm run bench:http` (issue 16 item 5): the production server (compiled, its cluster) over HTTP
// at national scale. Builds (or reuses) the bench dataset (bench/generate.ts, as `npm run bench`),
// signs in a user of each role (sessions created in the database, as the browser tests do), then:
//
//   1. single user: after a warm-up, each route of the mix one request at a time, 100 times by
//      default (p50/p95, server CPU per request);
//   2. an open-loop load of the mix — coach match page 25 %, autocomplete 25 %, opening search 10 %,
//      search with a municipality 10 %, employer home 10 %, participant home 10 %, posting a thread
//      message 5 % — at a rate stepped up until p95 passes 200 ms (or requests fail), then refined
//      between the last good and the first bad rate; the knee is the highest rate with p95 ≤ 200 ms
//      and no errors;
//   3. a step at twice the knee: how much is still served (vs the peak) and whether the excess is
//      refused at once with 503 instead of timing out.
//
// Prints a table per step and writes bench/http-latest.json. Needs `npm run build`.
//
//   npm run bench:http -- [--openings 100000 --participants 30000] [--step-seconds 15]
//                         [--start-rate 5] [--factor 1.5] [--refine 2] [--max-rate 400] [--timeout-ms 5000]
//                         [--warm-up 20] [--single-samples 100]
//
// Where the time goes: `--profile DIR` runs the single-user phase alone (of the routes in `--routes`,
// default all) with the server's processes under V8's CPU profiler, writes their .cpuprofile files to
// DIR and prints self time by part (SQLite, Prisma, React, …) per web process (bench/profile-summary.ts).
import { spawn } from "node:child_process";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import zlib from "node:zlib";
import Database from "better-sqlite3";
import { RUNTIME_ENTRY } from "../scripts/build-check.ts";
import { generateDataset } from "./generate.ts";
import { percentile } from "./stats.ts";

const { values } = parseArgs({
  options: {
    openings: { type: "string", default: "100000" },
    participants: { type: "string", default: "30000" },
    organizations: { type: "string", default: "200" },
    "big-org": { type: "string", default: "2000" },
    seed: { type: "string", default: "brygga-bench-1" },
    "step-seconds": { type: "string", default: "15" },
    "start-rate": { type: "string", default: "5" },
    factor: { type: "string", default: "1.5" },
    refine: { type: "string", default: "2" },
    "max-rate": { type: "string", default: "400" },
    "timeout-ms": { type: "string", default: "5000" },
    "single-samples": { type: "string", default: "100" },
    "warm-up": { type: "string", default: "20" },
    "web-concurrency": { type: "string" },
    profile: { type: "string" },
    routes: { type: "string" },
  },
});
const num = (name: keyof typeof values) => Number(values[name]);
const OPENINGS = num("openings");
const PARTICIPANTS = num("participants");
const STEP_SECONDS = num("step-seconds");
const TIMEOUT_MS = num("timeout-ms");
const P95_LIMIT_MS = 200;

const buildDir = path.resolve(process.env.BUILD_DIR ?? "build");
if (!fs.existsSync(path.join(buildDir, RUNTIME_ENTRY))) {
  console.error(`Ingen produktionsbyggnad i ${buildDir}: kör \`npm run build\` först. (Run \`npm run build\` first.)`);
  process.exit(1);
}
const log = (line: string) => console.error(line);
const loadAtStart = os.loadavg().map((l) => +l.toFixed(2));

// ── the dataset: reused when a previous run left it (bench/.data is git-ignored) ──
const dataDir = path.resolve("bench/.data");
fs.mkdirSync(dataDir, { recursive: true });
const dbFile = path.join(dataDir, `http-${OPENINGS}-${PARTICIPANTS}-${values.seed}.db`);
const url = `file:${dbFile}`;
process.env.DATABASE_URL = url;
delete process.env.MEILI_URL;
const { prepareDatabase } = await import("../scripts/prepare-database.ts");
let reindex: boolean;
if (!fs.existsSync(dbFile)) {
  const partial = `${dbFile}.partial`;
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(partial + suffix, { force: true });
  log(`Bygger datamängden (${OPENINGS} uppdrag, ${PARTICIPANTS} deltagare) i ${partial} …`);
  await prepareDatabase(`file:${partial}`, { quiet: true });
  generateDataset(partial, {
    openings: OPENINGS,
    participants: PARTICIPANTS,
    organizations: num("organizations"),
    bigOrganizationSize: num("big-org"),
    seed: values.seed!,
    now: new Date(),
  });
  const sqlite = new Database(partial);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
  fs.renameSync(partial, dbFile);
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(partial + suffix, { force: true });
  reindex = true;
} else {
  log(`Återanvänder datamängden ${dbFile}`);
  // As `npm start` does: migrations and the search tables of this version (a new form is empty).
  reindex = (await prepareDatabase(url, { quiet: true })).openingsReindexRequired;
}
if (reindex) {
  // The search index, through the app's own code.
  log("Bygger sökindexet …");
  const { db } = await import("../app/utils/db.server.ts");
  const { getSearchEngine } = await import("../search/index.ts");
  const { reindexOpenings } = await import("../search/sqlite/engine.ts");
  const engine = getSearchEngine(db);
  if (engine.name === "sqlite") await reindexOpenings(db);
}

// ── users of each role and their sessions ──
const { db } = await import("../app/utils/db.server.ts");
const { startSession } = await import("../app/utils/auth.server.ts");
const { createUser, createWorld, createPlacementWithThread } = await import("../tests/support/factories.ts");
const sqlite = new Database(dbFile, { readonly: true });
const bigOrg = sqlite
  .prepare("SELECT organizationId AS id FROM Participant GROUP BY organizationId ORDER BY COUNT(*) DESC LIMIT 1")
  .get() as { id: string };
const matchParticipants = (
  sqlite
    .prepare("SELECT id FROM Participant WHERE organizationId = ? AND erasedAt IS NULL ORDER BY id LIMIT 50")
    .all(bigOrg.id) as Array<{ id: string }>
).map((r) => r.id);
const employer = sqlite
  .prepare(
    "SELECT employerId AS id FROM Opening GROUP BY employerId HAVING COUNT(*) BETWEEN 5 AND 50 ORDER BY employerId LIMIT 1",
  )
  .get() as { id: string };
sqlite.close();

const cookieFor = async (userId: string) => (await startSession(userId, "bench-http")).split(";")[0]!;
const coach = await createUser("coach", { organizationId: bigOrg.id });
const employerUser = await createUser("employer", { employerId: employer.id });
const participantUser = await createUser("participant");
await db.participant.update({ where: { id: matchParticipants[0]! }, data: { userId: participantUser.id } });
const world = await createWorld();
const { placement } = await createPlacementWithThread(world);
const cookies = {
  coach: await cookieFor(coach.id),
  employer: await cookieFor(employerUser.id),
  participant: await cookieFor(participantUser.id),
  writer: await cookieFor(world.employerUser.id),
};
await db.$disconnect();

// ── the server ──
const port = await new Promise<number>((resolve) => {
  const probe = net.createServer().listen(0, "127.0.0.1", () => {
    const p = (probe.address() as net.AddressInfo).port;
    probe.close(() => resolve(p));
  });
});
const base = `http://127.0.0.1:${port}`;
const profileDir = values.profile ? path.resolve(values.profile) : null;
if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
// The cluster's processes inherit the primary's flags (the profiler's among them).
const profileFlags = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
const server = spawn(process.execPath, [...profileFlags, path.join(buildDir, RUNTIME_ENTRY)], {
  env: {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    APP_URL: `http://localhost:${port}`,
    DATABASE_URL: url,
    SMTP_URL: "",
    MAILBOX_DIR: path.join(dataDir, "mailbox"),
    SESSION_SECRET: "bench-session-secret-0123456789",
    BUILD_DIR: buildDir,
    ...(values["web-concurrency"] ? { WEB_CONCURRENCY: values["web-concurrency"] } : {}),
  },
  stdio: ["ignore", "pipe", "inherit"],
});
process.on("exit", () => server.kill("SIGKILL"));
let serverText = "";
await new Promise<void>((resolve, reject) => {
  server.stdout!.on("data", (chunk: Buffer) => {
    serverText += chunk.toString();
    if (serverText.includes("Brygga är igång")) resolve();
  });
  server.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
});
log(serverText.trim());

/**
 * Resident memory of the server's processes together (MB): all of it (VmRSS), and the private
 * part (RssAnon). The difference is mostly the database file's pages that the processes map
 * (docs/decisions/0028-memory-mapped-reads.md): the operating system's page cache, shared by the
 * processes but counted in each one's VmRSS.
 */
function memoryMb(): { rss: number; private: number } {
  const pids = [server.pid!, ...childPids(server.pid!)];
  let rssKb = 0;
  let privateKb = 0;
  for (const pid of pids) {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      rssKb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      privateKb += Number(/RssAnon:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // the process ended between ps and the read (a restart): nothing to add
    }
  }
  return { rss: Math.round(rssKb / 1024), private: Math.round(privateKb / 1024) };
}
/** CPU seconds (user + system) used so far by the server's processes together. */
function serverCpuSeconds(): number {
  let ticks = 0;
  for (const pid of [server.pid!, ...childPids(server.pid!)]) {
    try {
      // Fields 14 and 15 of /proc/PID/stat (after the command name in parentheses): utime, stime.
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended between ps and the read: its time is lost to this count
    }
  }
  return ticks / CLOCK_TICKS;
}
const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

function childPids(pid: number): number[] {
  try {
    return execFileSync("ps", ["--ppid", String(pid), "-o", "pid="], { encoding: "utf8" })
      .split("\n")
      .filter((l) => l.trim())
      .map(Number);
  } catch {
    return [];
  }
}

// ── the mix ──
type RouteName =
  "match" | "autocomplete" | "search" | "searchMunicipality" | "employerHome" | "participantHome" | "post";
const WORDS = ["lager", "städ", "kock", "butik", "vård", "kund", "trädgård", "bageri", "montering", "reception"];
const PREFIXES = ["lag", "stä", "koc", "but", "vår", "kun", "trä", "bag", "mon", "rec"];
const MUNICIPALITIES = ["0680", "0180", "1480", "1280", "0380", "2480", "1880", "0580"];
let counter = 0;
const pick = <T>(list: readonly T[]) => list[counter++ % list.length]!;
/** One request of the mix: path, headers and, for a post, its form body. */
type MixRequest = { path: string; headers: Record<string, string>; body?: string };
const ROUTES: Record<RouteName, { share: number; request: () => MixRequest }> = {
  match: {
    share: 25,
    request: () => ({
      path: `/coach/deltagare/${pick(matchParticipants)}/matchning`,
      headers: { cookie: cookies.coach },
    }),
  },
  autocomplete: {
    share: 25,
    request: () => ({
      path: `/api/vokabular?typ=yrke&q=${encodeURIComponent(pick(PREFIXES))}`,
      headers: { cookie: cookies.coach },
    }),
  },
  search: {
    share: 10,
    request: () => ({ path: `/uppdrag?q=${encodeURIComponent(pick(WORDS))}`, headers: { cookie: cookies.coach } }),
  },
  searchMunicipality: {
    share: 10,
    request: () => ({
      path: `/uppdrag?q=${encodeURIComponent(pick(WORDS))}&kommun=${pick(MUNICIPALITIES)}`,
      headers: { cookie: cookies.coach },
    }),
  },
  employerHome: { share: 10, request: () => ({ path: "/arbetsgivare", headers: { cookie: cookies.employer } }) },
  participantHome: { share: 10, request: () => ({ path: "/deltagare", headers: { cookie: cookies.participant } }) },
  post: {
    share: 5,
    request: () => ({
      path: `/arbetsgivare/placeringar/${placement.id}`,
      headers: { cookie: cookies.writer, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "message", body: `Mätmeddelande ${counter++}.` }).toString(),
    }),
  },
};
const ROUTE_NAMES = Object.keys(ROUTES) as RouteName[];
const SINGLE_ROUTES = values.routes ? (values.routes.split(",") as RouteName[]) : ROUTE_NAMES;
const unknownRoute = SINGLE_ROUTES.find((r) => !ROUTE_NAMES.includes(r));
if (unknownRoute) {
  console.error(`Okänd väg: ${unknownRoute} (${ROUTE_NAMES.join(", ")})`);
  process.exit(1);
}
// A fixed, interleaved sequence of 20 slots that realises the shares exactly.
const SEQUENCE: RouteName[] = [];
for (let slot = 0; slot < 20; slot++) {
  // Largest remaining deficit first (smooth weighted round-robin).
  const owed = ROUTE_NAMES.map((name) => ({
    name,
    owed: ((slot + 1) * ROUTES[name].share) / 100 - SEQUENCE.filter((n) => n === name).length,
  }));
  owed.sort((a, b) => b.owed - a.owed);
  SEQUENCE.push(owed[0]!.name);
}

/** Bytes of the answers (as decoded) by route, for the profile's report; counted only while set. */
const bodyBytes = new Map<RouteName, number>();
let countBodyBytes = false;
type Outcome = { route: RouteName; ms: number; kind: "ok" | "503" | "error" | "timeout"; status?: number };
// node:http with kept-alive connections rather than fetch: the load generator shares the server's
// two cores, and fetch (undici, its web streams and its decompression) cost ~6.6 ms of CPU per
// request. Answers are asked for gzipped, as a browser does, and are not unpacked (except for the
// profile's page sizes).
const agent = new http.Agent({ keepAlive: true });
function once(route: RouteName): Promise<Outcome> {
  const { path: requestPath, headers, body } = ROUTES[route].request();
  const start = performance.now();
  return new Promise((resolve) => {
    const request = http.request(
      base + requestPath,
      {
        method: body === undefined ? "GET" : "POST",
        headers: { ...headers, "accept-encoding": "gzip" },
        agent,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", () => resolve({ route, ms: performance.now() - start, kind: "error" }));
        res.on("end", () => {
          const ms = performance.now() - start;
          const status = res.statusCode ?? 0;
          if (countBodyBytes) {
            const raw = Buffer.concat(chunks);
            const decoded = res.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(raw) : raw;
            bodyBytes.set(route, (bodyBytes.get(route) ?? 0) + decoded.byteLength);
          }
          if (status === 503) return resolve({ route, ms, kind: "503", status });
          const ok = status < 300 || (route === "post" && status === 302);
          resolve({ route, ms, kind: ok ? "ok" : "error", status });
        });
      },
    );
    request.on("error", (error) => {
      const name = error.name;
      const kind = name === "TimeoutError" || name === "AbortError" ? "timeout" : "error";
      resolve({ route, ms: performance.now() - start, kind });
    });
    request.end(body);
  });
}

const round = (n: number) => +n.toFixed(1);
function summary(outcomes: Outcome[]) {
  const ok = (r?: RouteName) =>
    outcomes
      .filter((o) => o.kind === "ok" && (!r || o.route === r))
      .map((o) => o.ms)
      .sort((a, b) => a - b);
  const stat = (list: number[]) => ({
    n: list.length,
    p50: round(percentile(list, 50)),
    p95: round(percentile(list, 95)),
    p99: round(percentile(list, 99)),
  });
  return {
    all: stat(ok()),
    routes: Object.fromEntries(ROUTE_NAMES.map((r) => [r, stat(ok(r))])),
    refused503: outcomes.filter((o) => o.kind === "503").length,
    errors: outcomes.filter((o) => o.kind === "error").length,
    errorStatuses: [...new Set(outcomes.filter((o) => o.kind === "error").map((o) => o.status ?? "network"))],
    timeouts: outcomes.filter((o) => o.kind === "timeout").length,
  };
}

/**
 * Waits (up to 30 s) until the server's processes use under 3 % of a core over a second: the
 * background process's start-up work (statistics, catching up the outboxes) would otherwise be
 * counted in the first route's CPU per request.
 */
async function settled(): Promise<void> {
  for (let second = 0; second < 30; second++) {
    const before = serverCpuSeconds();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (serverCpuSeconds() - before < 0.03) return;
  }
}

// ── 1. single user ──
log("Enskild användare …");
// Warm-up: each route `--warm-up` times, so the single-user figures are those of optimised code,
// not of V8's first runs of each route.
for (let i = 0; i < num("warm-up"); i++) for (const route of ROUTE_NAMES) await once(route);
await settled();
const single: Outcome[] = [];
countBodyBytes = true; // the warm-up's answers are not counted
const { monotonicUs } = await import("./profile-summary.ts");
const singleWindow = { fromUs: monotonicUs(), toUs: 0 };
// Server CPU (all its processes, every thread) per request of each route, one at a time: what
// the profile's main-thread samples miss (GC helper threads, compression, the background process).
const singleCpuMs: Partial<Record<RouteName, number>> = {};
for (const route of SINGLE_ROUTES) {
  const cpuBefore = serverCpuSeconds();
  for (let i = 0; i < num("single-samples"); i++) single.push(await once(route));
  singleCpuMs[route] = round(((serverCpuSeconds() - cpuBefore) * 1000) / num("single-samples"));
}
const singleSummary = summary(single);
singleWindow.toUs = monotonicUs();
countBodyBytes = false;
if (profileDir) {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.on("exit", resolve));
  for (const r of SINGLE_ROUTES) {
    const s = singleSummary.routes[r]!;
    const kb = ((bodyBytes.get(r) ?? 0) / Math.max(1, s.n) / 1024).toFixed(1);
    console.log(
      `${r.padEnd(18)} ${s.n} requests, p50 ${s.p50} ms, p95 ${s.p95} ms, ${kb} kB a page (decoded), server CPU ${singleCpuMs[r]} ms/request`,
    );
  }
  const { summariseProfiles } = await import("./profile-summary.ts");
  console.log(summariseProfiles(profileDir, single.filter((o) => o.kind === "ok").length, singleWindow));
  process.exit(0);
}

// ── 2. open-loop steps ──
type Step = ReturnType<typeof summary> & {
  offeredRate: number;
  sent: number;
  servedPerSecond: number;
  seconds: number;
  rssMb: number;
  privateMb: number;
  serverCpuMsPerRequest: number;
  benchCpuMsPerRequest: number;
  loadavg: number[];
};
async function step(rate: number): Promise<Step> {
  const outcomes: Promise<Outcome>[] = [];
  const started = performance.now();
  const total = Math.round(rate * STEP_SECONDS);
  const peak = { rss: 0, private: 0 };
  const notePeak = () => {
    const now = memoryMb();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.private = Math.max(peak.private, now.private);
  };
  const cpuBefore = { server: serverCpuSeconds(), bench: process.cpuUsage() };
  const rssTimer = setInterval(notePeak, 1000);
  // Open loop: request i leaves at started + i/rate, whether or not earlier ones were answered.
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    outcomes.push(once(SEQUENCE[i % SEQUENCE.length]!));
  }
  const sendEnd = performance.now();
  const done = await Promise.all(outcomes);
  clearInterval(rssTimer);
  notePeak();
  const seconds = (sendEnd - started) / 1000;
  const s = summary(done);
  return {
    offeredRate: rate,
    sent: total,
    seconds: round(seconds),
    servedPerSecond: round(s.all.n / Math.max(seconds, (performance.now() - started) / 1000)),
    rssMb: peak.rss,
    privateMb: peak.private,
    // CPU per answered request: the server's processes, and this load generator on the same cores.
    serverCpuMsPerRequest: round(
      ((serverCpuSeconds() - cpuBefore.server) * 1000) / Math.max(1, s.all.n + s.refused503),
    ),
    benchCpuMsPerRequest: round(
      ((u) => u.user + u.system)(process.cpuUsage(cpuBefore.bench)) / 1000 / Math.max(1, s.all.n + s.refused503),
    ),
    loadavg: os.loadavg().map((l) => +l.toFixed(2)),
    ...s,
  };
}
const describeStep = (s: Step) =>
  `${String(s.offeredRate).padStart(6)} req/s offered → ${String(s.servedPerSecond).padStart(6)} served/s; p50 ${s.all.p50} ms, p95 ${s.all.p95} ms, p99 ${s.all.p99} ms; 503 ${s.refused503}, errors ${s.errors}, timeouts ${s.timeouts}; RSS ${s.rssMb} MB (private ${s.privateMb}); CPU/request ${s.serverCpuMsPerRequest} ms server, ${s.benchCpuMsPerRequest} ms load generator`;

const steps: Step[] = [];
let knee: Step | null = null;
const isGood = (s: Step) => s.all.p95 <= P95_LIMIT_MS && s.errors === 0 && s.timeouts === 0 && s.refused503 === 0;
let failedRate: number | null = null;
for (let rate = num("start-rate"); rate <= num("max-rate"); rate = Math.round(rate * num("factor") * 10) / 10) {
  const s = await step(rate);
  steps.push(s);
  log(describeStep(s));
  if (!isGood(s)) {
    failedRate = rate;
    break;
  }
  knee = s;
}
// The steps are ×1.5 apart, too coarse to see a change of a fifth: `--refine N` more steps halve
// the gap between the last good rate and the first bad one (geometrically), each time.
for (let i = 0; knee && failedRate !== null && i < num("refine"); i++) {
  const rate = Math.round(Math.sqrt(knee.offeredRate * failedRate) * 10) / 10;
  const s = await step(rate);
  steps.push(s);
  log(`${describeStep(s)} (förfining mellan stegen)`);
  if (isGood(s)) knee = s;
  else failedRate = rate;
}
const kneeRate = knee?.offeredRate ?? num("start-rate");
log(`Knä: ${knee ? `${kneeRate} req/s` : "inte nått (redan första steget över gränsen)"}; steg med 2 × knät …`);
const overload = await step(kneeRate * 2);
log(describeStep(overload));
const peakServed = Math.max(...steps.map((s) => s.servedPerSecond), overload.servedPerSecond);

server.kill("SIGTERM");
await new Promise((resolve) => server.on("exit", resolve));

const result = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    loadavgAtStart: loadAtStart,
    loadavgAtEnd: os.loadavg().map((l) => +l.toFixed(2)),
  },
  dataset: { openings: OPENINGS, participants: PARTICIPANTS, file: path.relative(process.cwd(), dbFile) },
  server: serverText.trim(),
  stepSeconds: STEP_SECONDS,
  timeoutMs: TIMEOUT_MS,
  mix: Object.fromEntries(ROUTE_NAMES.map((r) => [r, ROUTES[r].share])),
  singleUser: { ...singleSummary, serverCpuMsPerRequest: singleCpuMs },
  steps,
  knee: knee ? { rate: kneeRate, p95: knee.all.p95, servedPerSecond: knee.servedPerSecond } : null,
  overload: {
    offeredRate: overload.offeredRate,
    servedPerSecond: overload.servedPerSecond,
    peakServedPerSecond: peakServed,
    servedVsPeak: round((overload.servedPerSecond / peakServed) * 100) / 100,
    refused503: overload.refused503,
    timeouts: overload.timeouts,
    errors: overload.errors,
  },
};
fs.writeFileSync(path.resolve("bench/http-latest.json"), `${JSON.stringify(result, null, 2)}\n`);

const rows = ROUTE_NAMES.map((r) => {
  const one = singleSummary.routes[r]!;
  const atKnee = knee?.routes[r];
  return `| ${r.padEnd(18)} | ${one.p50} / ${one.p95} ms | ${String(singleCpuMs[r] ?? "–").padStart(6)} ms | ${atKnee ? `${atKnee.p50} / ${atKnee.p95} / ${atKnee.p99} ms` : "–"} |`;
});
console.log(`
HTTP, ${OPENINGS} openings / ${PARTICIPANTS} participants, ${serverText.match(/\(port [^)]*\)/)?.[0] ?? ""}; load average ${loadAtStart.join(" ")} at start

| route              | single user p50 / p95 | server CPU | at the knee p50 / p95 / p99 |
| ------------------ | --------------------- | ---------- | --------------------------- |
${rows.join("\n")}

knee: ${knee ? `${kneeRate} req/s (p95 ${knee.all.p95} ms, 0 errors)` : "not reached"}; peak served ${peakServed} req/s
2 × knee (${overload.offeredRate} req/s): served ${overload.servedPerSecond} req/s = ${Math.round(result.overload.servedVsPeak * 100)} % of peak; 503 ${overload.refused503}, timeouts ${overload.timeouts}, errors ${overload.errors}`);
