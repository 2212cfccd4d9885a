// GET /healthz, answered before Remix, compression and the request limit (issue 16): liveness and
// readiness for load balancers and monitoring. 200 when the database file can be read and no query
// since start has found it unusable (corrupt, not a database, I/O error, disk full); 503 otherwise.
// The start-up check (PRAGMA quick_check, server/startup-checks.ts) refuses to start on a damaged
// file; this catches damage that appears while running.
//
// The read goes to a read-only connection of its own, outside the transaction gate (probeDatabase): through
// Prisma it queued behind every write transaction of the process, so during a write burst the
// health check took as long as the queue (issue 10, item 2).
import type { Request, Response } from "express";
import { db } from "../app/utils/db.server.ts";
import { probeDatabase } from "../app/utils/read-connection.server.ts";
import { databaseFault, noteDatabaseError } from "../app/utils/sqlite-adapter.server.ts";

export async function healthz(_req: Request, res: Response) {
  res.set("Cache-Control", "no-store");
  try {
    // A client the probe does not know (never in the app) is asked through Prisma.
    if (!probeDatabase(db)) await db.$queryRawUnsafe("SELECT count(*) FROM sqlite_schema");
  } catch (error) {
    noteDatabaseError(error);
    console.error("healthz: database check failed", error);
    res.status(503).json({ status: "error", database: "unavailable" });
    return;
  }
  const fault = databaseFault();
  if (fault) {
    res.status(503).json({ status: "error", database: "damaged", detail: fault });
    return;
  }
  res.json({ status: "ok" });
}
