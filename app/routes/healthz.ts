// Liveness and readiness for load balancers and monitoring: 200 when the database answers and no
// query since start has found the file unusable (corrupt, not a database, I/O error, disk full);
// 503 otherwise. The start-up check (PRAGMA quick_check, server/startup-checks.ts) refuses to start
// on a damaged file; this catches damage that appears while running.
import { db } from "~/utils/db.server.ts";
import { databaseFault } from "~/utils/sqlite-adapter.server.ts";

const headers = { "Cache-Control": "no-store" };

export async function loader() {
  try {
    await db.$queryRawUnsafe("SELECT 1");
  } catch (error) {
    console.error("healthz: database check failed", error);
    return Response.json({ status: "error", database: "unavailable" }, { status: 503, headers });
  }
  const fault = databaseFault();
  if (fault) return Response.json({ status: "error", database: "damaged", detail: fault }, { status: 503, headers });
  return Response.json({ status: "ok" }, { headers });
}
