// `npm run bench:burst`: a write burst against the real server (production build and its cluster, `npm run build`
// first). N writers (employers posting messages in their support threads over HTTP; each message
// is a transaction that also queues an email to the coach) run for a fixed time while one reader
// asks GET /healthz and another a static CSS file, one request at a time. An SMTP server in this
// process counts the mails that arrive during the burst. Prints medians/p95 and writes
// bench/burst-latest.json.
//
//   npm run bench:burst -- [--writers 16] [--seconds 20]
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { SMTPServer } from "smtp-server";
import { prepareDatabase } from "../scripts/prepare-database.ts";
import { summarize, type Summary } from "./stats.ts";
import { RUNTIME_ENTRY } from "../scripts/build-check.ts";

const { values } = parseArgs({
  options: { writers: { type: "string", default: "16" }, seconds: { type: "string", default: "20" } },
});
const WRITERS = Number(values.writers);
const SECONDS = Number(values.seconds);
const buildDir = path.resolve(process.env.BUILD_DIR ?? "build");
if (!fs.existsSync(path.join(buildDir, RUNTIME_ENTRY))) {
  console.error(`Ingen produktionsbyggnad i ${buildDir}: kör \`npm run build\` först. (Run \`npm run build\` first.)`);
  process.exit(1);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "brygga-burst-"));
const dbUrl = `file:${path.join(dir, "burst.db")}`;
process.env.DATABASE_URL = dbUrl;
console.error(`Databas i ${dir} …`);
await prepareDatabase(dbUrl, { quiet: true });

const { db } = await import("../app/utils/db.server.ts");
const { startSession } = await import("../app/utils/auth.server.ts");
const { createWorld, createPlacementWithThread } = await import("../tests/support/factories.ts");
const writers: Array<{ placementId: string; cookie: string }> = [];
for (let i = 0; i < WRITERS; i++) {
  const world = await createWorld();
  const { placement } = await createPlacementWithThread(world);
  const cookie = (await startSession(world.employerUser.id, "bench")).split(";")[0]!;
  writers.push({ placementId: placement.id, cookie });
}
await db.$disconnect();

// Mail arrives here; each message's arrival time is kept.
const mailArrivals: number[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, _session, callback) {
    stream.on("data", () => {});
    stream.on("end", () => {
      mailArrivals.push(performance.now());
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
const smtpPort = (smtp.server.address() as net.AddressInfo).port;

const port = await new Promise<number>((resolve) => {
  const probe = net.createServer().listen(0, "127.0.0.1", () => {
    const p = (probe.address() as net.AddressInfo).port;
    probe.close(() => resolve(p));
  });
});
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, [path.join(buildDir, RUNTIME_ENTRY)], {
  env: {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    APP_URL: `http://localhost:${port}`,
    DATABASE_URL: dbUrl,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    SESSION_SECRET: "bench-session-secret-0123456789",
    BUILD_DIR: buildDir,
  },
  stdio: ["ignore", "pipe", "inherit"],
});
// Never leave the server behind, whatever happens to this process.
process.on("exit", () => server.kill("SIGKILL"));
await new Promise<void>((resolve, reject) => {
  server.stdout!.on("data", (chunk: Buffer) => {
    if (chunk.toString().includes("Brygga är igång")) resolve();
  });
  server.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
});

const errorKinds = new Set<string>();
const css = fs.readdirSync(path.join(buildDir, "client/assets")).find((f) => f.endsWith(".css"));
async function timedGet(url: string): Promise<number> {
  const start = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return performance.now() - start;
}
for (let i = 0; i < 5; i++) await Promise.all([timedGet(`${base}/healthz`), timedGet(`${base}/assets/${css}`)]);

let readErrors = 0;
async function readLoop(url: string, until: () => boolean): Promise<number[]> {
  const samples: number[] = [];
  while (!until()) {
    try {
      samples.push(await timedGet(url));
    } catch (error) {
      readErrors++;
      errorKinds.add(String((error as { cause?: { code?: string } }).cause?.code ?? error));
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return samples;
}

let writes = 0;
let writeErrors = 0;
const writeMs: number[] = [];
async function writeLoop(writer: (typeof writers)[number], until: () => boolean) {
  let n = 0;
  while (!until()) {
    const start = performance.now();
    try {
      const res = await fetch(`${base}/arbetsgivare/placeringar/${writer.placementId}`, {
        method: "POST",
        redirect: "manual",
        headers: { cookie: writer.cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ intent: "message", body: `Meddelande ${++n} under lasttestet.` }),
      });
      await res.arrayBuffer();
      writeMs.push(performance.now() - start);
      if (res.status === 302) writes++;
      else {
        writeErrors++;
        errorKinds.add(`HTTP ${res.status}`);
      }
    } catch (error) {
      writeErrors++;
      errorKinds.add(String((error as { cause?: { code?: string } }).cause?.code ?? error));
    }
  }
}

console.error(`Skrivskur: ${WRITERS} skribenter i ${SECONDS} s …`);
const burstStart = performance.now();
const burstEnd = burstStart + SECONDS * 1000;
const over = () => performance.now() >= burstEnd;
const [healthz, asset] = await Promise.all([
  readLoop(`${base}/healthz`, over),
  readLoop(`${base}/assets/${css}`, over),
  ...writers.map((w) => writeLoop(w, over)),
]);
const burstMs = performance.now() - burstStart;
const mailsDuringBurst = mailArrivals.filter((t) => t >= burstStart && t <= burstStart + burstMs).length;

if (server.exitCode !== null) console.error(`the server exited during the burst (${server.exitCode})`);
server.kill("SIGTERM");
await new Promise((resolve) => server.on("exit", resolve));
await new Promise<void>((resolve) => smtp.close(() => resolve()));
fs.rmSync(dir, { recursive: true, force: true });

const round = (s: Summary) => ({
  n: s.n,
  median: +s.median.toFixed(1),
  p95: +s.p95.toFixed(1),
  max: +s.max.toFixed(1),
});
const result = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, loadavg: os.loadavg().map((l) => +l.toFixed(2)) },
  writers: WRITERS,
  seconds: +(burstMs / 1000).toFixed(1),
  healthzMs: round(summarize(healthz)),
  cssMs: round(summarize(asset)),
  writeMs: round(summarize(writeMs)),
  writes,
  writeErrors,
  readErrors,
  errorKinds: [...errorKinds],
  mailsQueued: writes,
  mailsSentDuringBurst: mailsDuringBurst,
  mailsPerSecond: +(mailsDuringBurst / (burstMs / 1000)).toFixed(1),
};
fs.writeFileSync(path.resolve("bench/burst-latest.json"), `${JSON.stringify(result, null, 2)}\n`);
console.log(`
| measure (${WRITERS} writers, ${result.seconds} s)      | median | p95 | max |
| ---------------------------------- | -----: | --: | --: |
| GET /healthz                       | ${result.healthzMs.median} ms | ${result.healthzMs.p95} ms | ${result.healthzMs.max} ms |
| GET static CSS                     | ${result.cssMs.median} ms | ${result.cssMs.p95} ms | ${result.cssMs.max} ms |
| POST message (write + queued mail) | ${result.writeMs.median} ms | ${result.writeMs.p95} ms | ${result.writeMs.max} ms |

writes acknowledged: ${writes} (errors: ${writeErrors} writes, ${readErrors} reads ${[...errorKinds].join(", ")}); mails sent during the burst: ${mailsDuringBurst} (${result.mailsPerSecond}/s); load average ${result.machine.loadavg.join(" ")}`);
