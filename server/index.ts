// Brygga's server entry point. In production it is compiled to build/server/runtime/index.js
// (`npm run build`, scripts/build-server.ts) and run with plain `node` (`npm start`); in
// development it runs through tsx with Vite (`npm run dev`).
//
// Process model (docs/decisions/0016-process-model.md): in production with
// WEB_CONCURRENCY > 1 (default: one per CPU core) this process becomes the cluster primary
// (server/cluster.ts), which forks the web processes and one background process; with
// WEB_CONCURRENCY=1 or in development, this one process serves requests and runs the background
// work. Every process drains gracefully on SIGTERM/SIGINT.
import cluster from "node:cluster";
import { fileURLToPath } from "node:url";
import { databaseFile } from "../app/utils/database-url.ts";
import { getEnv, type Env } from "../app/utils/env.server.ts";
import { runPrimary, webProcessCount, type ClusterMessage, type Role } from "./cluster.ts";
import { checkDatabaseFile } from "./startup-checks.ts";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let env: Env;
try {
  env = getEnv();
} catch (error) {
  fail((error as Error).message);
}

const role = cluster.isWorker ? (process.env.BRYGGA_ROLE as Role) : undefined;

if (role === "web") await runWebProcess();
else if (role === "background") await runBackgroundProcess();
else {
  // The database is checked once, before any process opens it.
  const databaseCheck = checkDatabaseFile(databaseFile(env.DATABASE_URL));
  if (!databaseCheck.ok) fail(databaseCheck.message);
  const count = webProcessCount(env);
  if (count > 1) {
    runPrimary({ webProcesses: count, port: env.PORT, appUrl: env.APP_URL, entry: fileURLToPath(import.meta.url) });
  } else await runSingleProcess();
}

/** Today's single process: requests and the background work. */
async function runSingleProcess() {
  // Listen for signals before anything starts: one that arrives while the background work is
  // still starting is carried out as soon as it has started (never Node's default: exit at once).
  let requested: string | null = null;
  let shutdown = (signal: string) => void (requested ??= signal);
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));

  const { startWebServer, closeDatabase } = await import("./web.ts");
  const { startBackgroundWork } = await import("./background.ts");
  const web = await startWebServer(env, fail);
  const background = await startBackgroundWork(env);
  console.log(`Brygga är igång på ${env.APP_URL} (port ${env.PORT})`);
  let stopping = false;
  shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      await web.drain(signal, (inFlight) =>
        // Logged once the listening socket is closed, so whoever reads it can rely on it.
        console.log(
          `${signal}: stänger av – tar inte emot nya anslutningar, väntar på ${inFlight} pågående förfrågningar …`,
        ),
      );
      await background.stop();
      await web.closeViteServer();
      await closeDatabase();
      console.log(`${signal}: avstängd.`);
      process.exit(0);
    })();
  };
  if (requested) shutdown(requested);
}

function send(message: ClusterMessage) {
  if (process.connected) process.send!(message);
}

/** A web process of the cluster: requests only; kicks go to the background process. */
async function runWebProcess() {
  // Listen for the primary's drain before anything else: one that arrives while this process is
  // still starting is carried out as soon as it listens.
  let requested: string | null = null;
  let shutdown = (signal: string) => void (requested ??= signal);
  process.on("message", (message: ClusterMessage) => {
    if (message.type === "drain") shutdown(message.signal);
  });
  // The primary is gone (killed): drain and leave instead of living on alone.
  process.on("disconnect", () => shutdown("disconnect"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));

  const { startWebServer, closeDatabase } = await import("./web.ts");
  const { forwardKicks } = await import("./background.ts");
  forwardKicks(env.MEILI_URL ? ["emailOutboxWorkers", "searchOutboxWorkers"] : ["emailOutboxWorkers"], (registry) =>
    send({ type: "kick", registry }),
  );
  const web = await startWebServer(env, fail);
  let stopping = false;
  shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    void web
      .drain(signal, (inFlight) => send({ type: "draining", inFlight }))
      .then(closeDatabase)
      .then(() => process.exit(0));
  };
  send({ type: "ready" });
  if (requested) shutdown(requested);
}

/** The cluster's background process: the outboxes, schedules and inbound mail; no HTTP. */
async function runBackgroundProcess() {
  let requested = false;
  let shutdown = () => void (requested = true);
  const { startBackgroundWork, kickRegistry, closeDatabase } = await import("./background.ts");
  process.on("message", (message: ClusterMessage) => {
    if (message.type === "kick") kickRegistry(message.registry);
    else if (message.type === "drain") shutdown();
  });
  process.on("disconnect", () => shutdown());
  process.on("SIGTERM", () => shutdown());
  process.on("SIGINT", () => shutdown());

  const background = await startBackgroundWork(env);
  console.log(`Bakgrundsjobben körs i process ${process.pid}.`);
  let stopping = false;
  shutdown = () => {
    if (stopping) return;
    stopping = true;
    void background
      .stop()
      .then(closeDatabase)
      .then(() => process.exit(0));
  };
  send({ type: "ready" });
  if (requested) shutdown();
}
