// Query-planner statistics (issue 16, docs/decisions/0017-query-plans-and-geo-tokens.md).
// SQLite plans with the statistics in sqlite_stat1, which only ANALYZE writes. `PRAGMA optimize`
// with `analysis_limit` runs an approximate ANALYZE (at most ~400 rows looked at per index) on the
// tables whose statistics are missing or stale: milliseconds, even at national scale. It runs once
// at start (after migrations: `npm run setup` and the server) and every few hours in the process
// that runs the background workers. The hot queries are written so that they keep their plan
// without statistics too (tests/integration/query-plans.test.ts); the statistics are for the rest.
// Relative imports only: the server entry loads this module outside the app bundle.
import type Database from "better-sqlite3";
import type { Db } from "./db.server.ts";
import { startPollingWorker, type PollingWorker } from "./polling-worker.server.ts";

/** Rows ANALYZE looks at per index (approximate statistics, bounded cost). */
export const ANALYSIS_LIMIT = 400;
/** How often the server refreshes the statistics. */
export const OPTIMIZE_INTERVAL_MS = 4 * 60 * 60 * 1000;
/**
 * 0x10000: look at every table, not only those this connection queried (a fresh connection has
 * queried nothing); 0x02: ANALYZE those whose statistics are missing or whose size changed a lot.
 */
const OPTIMIZE = "PRAGMA optimize = 0x10002";

type StatRow = { tbl: string; idx: string; stat: string };

/** The statistics rows of UNIQUE indexes (Prisma's @unique, composite @@unique). */
const UNIQUE_STATS = `SELECT s.tbl, s.idx, s.stat FROM sqlite_stat1 s
  JOIN sqlite_master t ON t.type = 'table' AND t.name = s.tbl
  JOIN pragma_index_list(t.name) il ON il.name = s.idx
  WHERE il."unique" = 1 AND s.stat NOT LIKE '% 1' AND s.stat NOT LIKE '% 1 %'`;
const HAS_STATS = "SELECT 1 AS present FROM sqlite_master WHERE name = 'sqlite_stat1'";

/**
 * ANALYZE counts the NULLs of a mostly-empty optional UNIQUE column (Thread.placementId,
 * Placement.proposalId) as one huge key: "every value matches 2,000 rows". With that statistic a
 * lookup `placementId IN (…)` scans the table. A unique index finds at most one row per value,
 * which is the truth for every non-NULL lookup: say so (the last figure of its stat becomes 1).
 */
function uniqueIndexCorrections(rows: StatRow[]): Array<{ stat: string; tbl: string; idx: string }> {
  return rows.map((r) => {
    const parts = r.stat.split(" ");
    const figures = parts.filter((p) => /^\d+$/.test(p)).length;
    parts[figures - 1] = "1";
    return { stat: parts.join(" "), tbl: r.tbl, idx: r.idx };
  });
}
const UPDATE_STAT = "UPDATE sqlite_stat1 SET stat = ? WHERE tbl = ? AND idx = ?";
/** Reloads the statistics into this connection's planner. */
const RELOAD = "ANALYZE sqlite_schema";

/** Refresh the planner statistics through the app's Prisma client (server start and the periodic run). */
export async function optimizeDatabase(db: Db): Promise<void> {
  // Outside a transaction, through the adapter's gate, like every other statement of the process.
  await db.$queryRawUnsafe(`PRAGMA analysis_limit = ${ANALYSIS_LIMIT}`);
  await db.$executeRawUnsafe(OPTIMIZE);
  if ((await db.$queryRawUnsafe<unknown[]>(HAS_STATS)).length === 0) return;
  const fixes = uniqueIndexCorrections(await db.$queryRawUnsafe<StatRow[]>(UNIQUE_STATS));
  if (fixes.length === 0) return;
  await db.$transaction(fixes.map((f) => db.$executeRawUnsafe(UPDATE_STAT, f.stat, f.tbl, f.idx)));
  await db.$executeRawUnsafe(RELOAD);
}

/** The same for a better-sqlite3 connection (setup, scripts, tests). */
export function optimizeSqlite(sqlite: Database.Database): void {
  sqlite.pragma(`analysis_limit = ${ANALYSIS_LIMIT}`);
  sqlite.exec(OPTIMIZE);
  correctUniqueIndexStatistics(sqlite);
}

/** The unique-index correction alone (after a plain ANALYZE, e.g. in tests). */
export function correctUniqueIndexStatistics(sqlite: Database.Database): void {
  if (!sqlite.prepare(HAS_STATS).get()) return;
  const fixes = uniqueIndexCorrections(sqlite.prepare(UNIQUE_STATS).all() as StatRow[]);
  if (fixes.length === 0) return;
  const update = sqlite.prepare(UPDATE_STAT);
  sqlite.transaction(() => {
    for (const f of fixes) update.run(f.stat, f.tbl, f.idx);
  })();
  sqlite.exec(RELOAD);
}

/** The periodic refresh (the first run right away); stop() it on shutdown. */
export function startDatabaseOptimizer(
  db: Db,
  options: { intervalMs?: number; logger?: Pick<Console, "error"> } = {},
): PollingWorker {
  return startPollingWorker({
    name: "database statistics",
    intervalMs: options.intervalMs ?? OPTIMIZE_INTERVAL_MS,
    logger: options.logger,
    run: async () => {
      await optimizeDatabase(db);
      return false;
    },
  });
}
