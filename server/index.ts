// Brygga's HTTP server: start-up checks, security headers, static assets, the Remix app, the
// background workers, and a graceful drain on SIGTERM/SIGINT. Run with
// `node --import tsx server/index.ts` (npm start / npm run dev).
import crypto from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import { startOutboxWorker } from "../emails/outbox.server.ts";
import { startInboundServer } from "../emails/inbound.server.ts";
import { startDigestScheduler } from "../app/utils/notifications.server.ts";
import { startSearchIndexWorker } from "../search/index.ts";
import { startProposalExpiryWorker } from "../app/utils/proposal-expiry.server.ts";
import { db } from "../app/utils/db.server.ts";
import { optimizeDatabase, startDatabaseOptimizer } from "../app/utils/db-maintenance.server.ts";
import { databaseFile } from "../app/utils/database-url.ts";
import { getEnv, type Env } from "../app/utils/env.server.ts";
import { checkDatabaseFile, describeListenError } from "./startup-checks.ts";
import { requestGuard } from "../app/utils/request-guard.server.ts";

/** How long a shutdown waits for requests in flight before it closes their connections. */
export const SHUTDOWN_DEADLINE_MS = 10_000;

function stop(message: string): never {
  console.error(message);
  process.exit(1);
}

let env: Env;
try {
  env = getEnv();
} catch (error) {
  stop((error as Error).message);
}
const databaseCheck = checkDatabaseFile(databaseFile(env.DATABASE_URL));
if (!databaseCheck.ok) stop(databaseCheck.message);
const isProduction = env.NODE_ENV === "production";
const buildDir = path.resolve(process.env.BUILD_DIR ?? "build");

const viteDevServer = isProduction
  ? undefined
  : await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }));

const app = express();
app.disable("x-powered-by");

// Requests in flight, so a shutdown can tell them to close their connection when they answer.
let shuttingDown = false;
const inFlight = new Set<express.Response>();
app.use((_req, res, next) => {
  if (shuttingDown) res.setHeader("Connection", "close");
  inFlight.add(res);
  res.on("close", () => inFlight.delete(res));
  next();
});
app.set("trust proxy", process.env.TRUST_PROXY === "true");
app.use(compression());

app.use((_req, res, next) => {
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
  next();
});

app.use(
  helmet({
    referrerPolicy: { policy: "same-origin" },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: env.APP_URL.startsWith("https://"),
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: isProduction ? ["'self'"] : ["'self'", "ws:"],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", "data:"],
        objectSrc: ["'none'"],
        scriptSrc: [
          "'strict-dynamic'",
          "'self'",
          (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`,
        ],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        upgradeInsecureRequests: env.APP_URL.startsWith("https://") ? [] : null,
      },
    },
  }),
);

app.use(requestGuard(env.APP_URL)); // cross-site 403, content type 415, body size 413, no-store when signed in

if (viteDevServer) {
  app.use(viteDevServer.middlewares);
} else {
  app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
}

const build = viteDevServer
  ? () => viteDevServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
  : ((await import(pathToFileURL(path.join(buildDir, "server/index.js")).href)) as ServerBuild);

app.all(
  "*",
  createRequestHandler({
    build,
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, clientIp: req.ip ?? "unknown" }),
  }),
);

// Planner statistics before the first request (cheap: analysis_limit); refreshed by the worker below.
await optimizeDatabase(db);

const server = app.listen(env.PORT);
await new Promise<void>((resolve) => {
  server.once("listening", resolve);
  server.once("error", (error: NodeJS.ErrnoException) => stop(describeListenError(error, env.PORT)));
});
console.log(`Brygga är igång på ${env.APP_URL} (port ${env.PORT})`);

// Background workers start once the server listens (this process runs them all).
const outbox = startOutboxWorker({});
const searchIndexWorker = startSearchIndexWorker(db); // null with the embedded engine
const proposalExpiry = startProposalExpiryWorker(); // unanswered proposals expire (also lazily on read)
const digests = startDigestScheduler(); // the daily digest of new messages (DIGEST_HOUR)
const statistics = startDatabaseOptimizer(db); // PRAGMA optimize every few hours (planner statistics)
// Email replies into threads: with INBOUND_SMTP_PORT set, or alone with `npm run mail:inbound`.
const inbound =
  env.INBOUND_SMTP_PORT && env.INBOUND_DOMAIN ? await startInboundServer({ port: env.INBOUND_SMTP_PORT }) : null;

/**
 * Drain: stop accepting connections, close idle keep-alive connections, answer every request in
 * flight (and any that still arrives on an open connection) with `Connection: close`, wait for
 * them up to SHUTDOWN_DEADLINE_MS, then stop the workers, close the database and exit 0.
 */
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // Logged once the listening socket is closed, so whoever reads it can rely on it.
  console.log(
    `${signal}: stänger av – tar inte emot nya anslutningar, väntar på ${inFlight.size} pågående förfrågningar …`,
  );
  const deadline = setTimeout(() => {
    console.warn(
      `${signal}: ${inFlight.size} förfrågningar hann inte bli klara på ${SHUTDOWN_DEADLINE_MS} ms – stänger dem.`,
    );
    server.closeAllConnections();
  }, SHUTDOWN_DEADLINE_MS);
  await closed;
  clearTimeout(deadline);
  await inbound?.stop();
  await digests.stop();
  await outbox.stop();
  await searchIndexWorker?.stop();
  await proposalExpiry.stop();
  await statistics.stop();
  await viteDevServer?.close();
  await db.$disconnect();
  console.log(`${signal}: avstängd.`);
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
