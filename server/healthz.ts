// GET /healthz, answered before Remix, compression and the request limit (issue 16): liveness and
// readiness for load balancers and monitoring. 200 when the database answers and no query since
// start has found the file unusable (corrupt, not a database, I/O error, disk full); 503 otherwise.
// The start-up check (PRAGMA quick_check, server/startup-checks.ts) refuses to start on a damaged
// file; this catches damage that appears while running.
import type { Request, Response } from "express";
import { db } from "../app/utils/db.server.ts";
import { databaseFault } from "../app/utils/sqlite-adapter.server.ts";

export async function healthz(_req: Request, res: Response) {
  res.set("Cache-Control", "no-store");
  try {
    await db.$queryRawUnsafe("SELECT 1");
  } catch (error) {
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
