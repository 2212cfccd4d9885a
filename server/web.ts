// The HTTP side of Brygga: /healthz first, then the bound on requests in flight
// (server/load-shedding.ts; the client build's files and, in development, Vite's modules are never
// queued), compression, security headers, static files, the request guard and the Remix app; a
// graceful drain on shutdown. The bound comes before the rest so that a refused request costs
// little: under overload the 503s share the cores with the requests being served. Runs as the
// single server process (with the background work) or as one web process of the cluster
// (server/cluster.ts).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import { db } from "../app/utils/db.server.ts";
import type { Env } from "../app/utils/env.server.ts";
import { requestGuard } from "../app/utils/request-guard.server.ts";
import { healthz } from "./healthz.ts";
import { loadShedding } from "./load-shedding.ts";
import { describeListenError } from "./startup-checks.ts";

/** How long a shutdown waits for requests in flight before it closes their connections. */
export const SHUTDOWN_DEADLINE_MS = 10_000;

export type WebServer = {
  /**
   * Drain: stop accepting connections, close idle keep-alive connections, answer every request in
   * flight (and any that still arrives on an open connection) with `Connection: close`, wait for
   * them up to SHUTDOWN_DEADLINE_MS. `onClosed` hears how many were in flight once the listening
   * socket is closed. Resolves when the last one is answered.
   */
  drain(signal: string, onClosed: (inFlight: number) => void): Promise<void>;
  closeViteServer(): Promise<void>;
};

export async function startWebServer(env: Env, fail: (message: string) => never): Promise<WebServer> {
  const isProduction = env.NODE_ENV === "production";
  const buildDir = path.resolve(process.env.BUILD_DIR ?? "build");

  const viteDevServer = isProduction
    ? undefined
    : await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }));

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", process.env.TRUST_PROXY === "true");

  // Requests in flight, so a shutdown can tell them to close their connection when they answer.
  let shuttingDown = false;
  const inFlight = new Set<express.Response>();
  app.use((_req, res, next) => {
    if (shuttingDown) res.setHeader("Connection", "close");
    inFlight.add(res);
    res.on("close", () => inFlight.delete(res));
    next();
  });

  app.get("/healthz", (req, res) => void healthz(req, res));

  // Beyond this, 503 with Retry-After at once (issue 16); only what reaches the Remix app is bounded.
  const clientDir = path.join(buildDir, "client");
  const bound = loadShedding({
    maxInFlight: env.MAX_REQUESTS_IN_FLIGHT,
    maxQueue: env.REQUEST_QUEUE_LENGTH,
    maxQueueWaitMs: env.REQUEST_QUEUE_WAIT_MS,
    retryAfterSeconds: 1,
  });
  if (viteDevServer) {
    app.use(viteDevServer.middlewares);
    app.use(bound);
  } else {
    const isClientFile = clientFileMatcher(clientDir);
    app.use((req, res, next) => (isClientFile(req.path) ? next() : bound(req, res, next)));
  }

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

  if (!viteDevServer) {
    app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(clientDir, { maxAge: "1h" }));
  }

  app.use(requestGuard(env.APP_URL)); // cross-site 403, content type 415, body size 413, no-store when signed in

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

  const server = app.listen(env.PORT);
  await new Promise<void>((resolve) => {
    server.once("listening", resolve);
    server.once("error", (error: NodeJS.ErrnoException) => fail(describeListenError(error, env.PORT)));
  });

  return {
    async drain(signal, onClosed) {
      if (shuttingDown) return;
      shuttingDown = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      onClosed(inFlight.size);
      const deadline = setTimeout(() => {
        console.warn(
          `${signal}: ${inFlight.size} förfrågningar hann inte bli klara på ${SHUTDOWN_DEADLINE_MS} ms – stänger dem.`,
        );
        server.closeAllConnections();
      }, SHUTDOWN_DEADLINE_MS);
      await closed;
      clearTimeout(deadline);
    },
    async closeViteServer() {
      await viteDevServer?.close();
    },
  };
}

/**
 * Whether a path names something express.static serves from the client build (its top-level files,
 * such as /favicon.svg, and anything under its folders, such as /assets/): read once at start.
 */
function clientFileMatcher(clientDir: string): (urlPath: string) => boolean {
  const entries = fs.readdirSync(clientDir, { withFileTypes: true });
  const files = new Set(entries.filter((e) => e.isFile()).map((e) => `/${e.name}`));
  const folders = entries.filter((e) => e.isDirectory()).map((e) => `/${e.name}/`);
  return (urlPath) => files.has(urlPath) || folders.some((folder) => urlPath.startsWith(folder));
}

export async function closeDatabase(): Promise<void> {
  await db.$disconnect();
}
