// The search outbox (docs/product-rules.md#search, #quality-bars): opening writes record SearchOutbox rows in their own
// transaction (engine.ts `syncOpenings`); this worker sends them to Meilisearch in batches. A
// Meilisearch outage delays index updates, never loses them, and never fails a user's request.
//
// One run: claim due rows → collapse them by opening (the last op wins) → load the current
// documents for upserts (an opening that is no longer published becomes a delete) → one
// addDocuments and one deleteDocuments request → wait for both tasks → mark the rows processed.
// On a failure the claimed rows stay unprocessed, with attempts + 1 and a later nextAttemptAt
// (exponential backoff with jitter); there is no "give up": the index must converge. When
// Meilisearch rejects a batch's content (a task ends "failed"), the openings are resent one by one
// so that a single bad document is retried alone.
//
// Claiming: a row is claimed by moving its nextAttemptAt to a unique instant in the future (the
// claim token). Marking it processed or failed only succeeds while the row still carries that
// token, so a row that was re-queued meanwhile (by reindex.ts) is never marked processed by a run
// that sent it to the old index. Sending is idempotent (documents are replaced whole, deletes of
// missing ids are no-ops), so the rare double send after an expired claim is harmless.
//
// No statement lists the claimed ids: Prisma's SQLite driver allows 999 bound parameters per
// statement, and a batch is 1,000 rows. Rows are claimed by id range and addressed by the token.
import { currentTime } from "../../app/utils/clock.server.ts";
import type { Meilisearch } from "meilisearch";
import type { Db, Prisma } from "../../app/utils/db.server.ts";
import { globalRegistry, startPollingWorker, type PollingWorker } from "../../app/utils/polling-worker.server.ts";
import { loadOpeningDocuments } from "../documents.ts";
import { ensureOpeningIndex, MeiliTaskError, TASK_TIMEOUT_MS, waitForTasksOk } from "./client.ts";
import {
  loadTaxonomySynonyms,
  OPENING_INDEX_UID,
  OPENING_PRIMARY_KEY,
  openingIndexSettings,
  toMeiliDocument,
  type MeiliOpeningDocument,
} from "./settings.ts";

export const DEFAULT_BATCH_SIZE = 1000;
export const RETRY_BASE_MS = 5_000;
export const RETRY_MAX_MS = 10 * 60_000;
/** How long a claimed row belongs to the run that claimed it (far above TASK_TIMEOUT_MS). */
export const CLAIM_LOCK_MS = 5 * 60_000;
/** Processed rows are deleted after this long. */
export const PROCESSED_RETENTION_MS = 7 * 24 * 3600_000;
/** Openings per loadOpeningDocuments call: `id IN (…) AND status = ?` must stay below 999 parameters. */
export const LOAD_CHUNK = 400;

type Logger = Pick<Console, "warn" | "error">;

/**
 * Delay before the next attempt after `attempts` failed ones: 5 s × 2^(attempts − 1), capped at
 * 10 minutes, with "equal jitter" (between half and all of it) so retries spread out.
 */
export function searchRetryDelayMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1), RETRY_MAX_MS);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

export type ProcessSearchOutboxOptions = {
  db: Db;
  /** A client with the admin key. */
  client: Meilisearch;
  indexUid?: string;
  batchSize?: number;
  /** The current time; tests move it forward to pass a retry time. */
  now?: Date;
  lockMs?: number;
  taskTimeoutMs?: number;
  logger?: Logger;
  random?: () => number;
};

export type ProcessSearchOutboxResult = {
  /** Rows this run claimed. */
  claimed: number;
  /** Distinct openings sent as documents / as deletions. */
  upserted: number;
  deleted: number;
  /** Rows that failed and wait for a retry. */
  retried: number;
};

function describeError(error: unknown): string {
  return (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 2000);
}

/** Indexes known to exist, per client: checked (and created when missing) once per process. */
const ensuredIndexes = new WeakMap<Meilisearch, Set<string>>();

async function ensureIndexOnce(client: Meilisearch, indexUid: string, timeoutMs: number): Promise<void> {
  const known = ensuredIndexes.get(client) ?? new Set<string>();
  ensuredIndexes.set(client, known);
  if (known.has(indexUid)) return;
  await ensureOpeningIndex(client, indexUid, () => openingIndexSettings(loadTaxonomySynonyms()), timeoutMs);
  known.add(indexUid);
}

/** Forget which indexes exist (after a reindex swapped or deleted indexes, and in tests). */
export function forgetEnsuredIndexes(client: Meilisearch): void {
  ensuredIndexes.delete(client);
}

/**
 * Claim the due rows (unprocessed, nextAttemptAt ≤ now), oldest first, and send them. Errors while
 * loading and sending are recorded on the rows (to be retried), never thrown; only errors of the
 * outbox bookkeeping itself are thrown.
 */
export async function processSearchOutbox(options: ProcessSearchOutboxOptions): Promise<ProcessSearchOutboxResult> {
  const { db, client } = options;
  const indexUid = options.indexUid ?? OPENING_INDEX_UID;
  const now = options.now ?? currentTime();
  const clock = () => options.now ?? currentTime();
  const logger = options.logger ?? console;
  const taskTimeoutMs = options.taskTimeoutMs ?? TASK_TIMEOUT_MS;
  const result: ProcessSearchOutboxResult = { claimed: 0, upserted: 0, deleted: 0, retried: 0 };

  const due = { processedAt: null, nextAttemptAt: { lte: now } };
  const candidates = await db.searchOutbox.findMany({
    where: due,
    orderBy: { id: "asc" },
    take: options.batchSize ?? DEFAULT_BATCH_SIZE,
    select: { id: true },
  });
  const lastCandidate = candidates.at(-1);
  if (!lastCandidate) {
    await db.searchOutbox.deleteMany({
      where: { processedAt: { lt: new Date(now.getTime() - PROCESSED_RETENTION_MS) } },
    });
    return result;
  }

  // The claim token: a future instant no other run uses (up to a minute of jitter on the lock).
  const token = new Date(
    now.getTime() + (options.lockMs ?? CLAIM_LOCK_MS) + Math.floor((options.random ?? Math.random)() * 60_000),
  );
  const claimed = { processedAt: null, nextAttemptAt: token };
  const lastId = lastCandidate.id;
  await db.searchOutbox.updateMany({ where: { ...due, id: { lte: lastId } }, data: { nextAttemptAt: token } });
  const rows = await db.searchOutbox.findMany({ where: claimed, orderBy: { id: "asc" } });
  result.claimed = rows.length;
  if (rows.length === 0) return result;

  // Collapse by opening: rows are in id order, so the last op per opening wins.
  const lastOp = new Map<string, string>();
  for (const row of rows) lastOp.set(row.openingId, row.op);

  const markProcessed = (where: Prisma.SearchOutboxWhereInput) =>
    db.searchOutbox.updateMany({ where: { ...claimed, ...where }, data: { processedAt: clock(), lastError: null } });
  const markFailed = async (where: Prisma.SearchOutboxWhereInput, failedRows: typeof rows, error: unknown) => {
    const lastError = describeError(error);
    // Rows with the same attempt count get the same update; only rows still under our claim.
    for (const previous of new Set(failedRows.map((r) => r.attempts))) {
      const attempts = previous + 1;
      await db.searchOutbox.updateMany({
        where: { ...claimed, ...where, attempts: previous },
        data: {
          attempts,
          lastError,
          nextAttemptAt: new Date(clock().getTime() + searchRetryDelayMs(attempts, options.random)),
        },
      });
    }
    result.retried += failedRows.length;
    const maxAttempts = Math.max(...failedRows.map((r) => r.attempts + 1));
    const line = `[search outbox] sending ${failedRows.length} rows to Meilisearch failed (attempt ${maxAttempts}), will retry: ${lastError}`;
    if (maxAttempts >= 10) logger.error(line);
    else logger.warn(line);
  };

  /** What to send per opening: its document, or null for a delete. */
  const plan = new Map<string, MeiliOpeningDocument | null>();
  const send = async (entries: Array<[string, MeiliOpeningDocument | null]>) => {
    const index = client.index(indexUid);
    const documents = entries.flatMap(([, doc]) => (doc ? [doc] : []));
    const deletions = entries.flatMap(([id, doc]) => (doc ? [] : [id]));
    const tasks = [];
    if (documents.length) tasks.push(await index.addDocuments(documents, { primaryKey: OPENING_PRIMARY_KEY }));
    if (deletions.length) tasks.push(await index.deleteDocuments(deletions));
    await waitForTasksOk(client, tasks, { timeoutMs: taskTimeoutMs });
    for (const [, doc] of entries) {
      if (doc) result.upserted++;
      else result.deleted++;
    }
  };

  try {
    // Current state: an opening queued for upsert that was unpublished or deleted since is removed.
    for (const id of lastOp.keys()) plan.set(id, null);
    const upsertIds = [...lastOp].filter(([, op]) => op === "upsert").map(([id]) => id);
    for (let i = 0; i < upsertIds.length; i += LOAD_CHUNK) {
      const loaded = await loadOpeningDocuments(db, upsertIds.slice(i, i + LOAD_CHUNK));
      for (const doc of loaded.documents) plan.set(doc.id, toMeiliDocument(doc));
    }
    await ensureIndexOnce(client, indexUid, taskTimeoutMs);
    await send([...plan]);
    await markProcessed({});
  } catch (error) {
    if (!(error instanceof MeiliTaskError) || plan.size < 2) {
      await markFailed({}, rows, error);
      return result;
    }
    // Meilisearch accepted the requests but rejected the batch's content: send opening by opening,
    // so one bad document is retried alone instead of holding back every other change.
    result.upserted = 0;
    result.deleted = 0;
    for (const entry of plan) {
      const openingId = entry[0];
      try {
        await send([entry]);
        await markProcessed({ openingId });
      } catch (single) {
        await markFailed(
          { openingId },
          rows.filter((r) => r.openingId === openingId),
          single,
        );
      }
    }
  }
  return result;
}

// ───────────────────────────── Worker ─────────────────────────────

export type SearchOutboxWorker = PollingWorker;

export type SearchOutboxWorkerOptions = {
  db: Db;
  client: Meilisearch;
  indexUid?: string;
  intervalMs?: number;
  batchSize?: number;
  logger?: Logger;
};

// On globalThis, like the email outbox: the server starts the worker from its copy of this module,
// request handlers run in the app bundle with another copy; a kick must reach the running worker.
const runningWorkers = globalRegistry("searchOutboxWorkers");

/** Ask running search outbox workers to run now. A no-op when none runs in this process. */
export function kickSearchOutbox(): void {
  for (const worker of runningWorkers) worker.kick();
}

/** Kick shortly, after the caller's transaction has (most likely) committed. */
export function kickSearchOutboxSoon(delayMs = 50): void {
  if (runningWorkers.size === 0) return;
  setTimeout(kickSearchOutbox, delayMs).unref?.();
}

/**
 * Start the sender loop: a run right away, then one every intervalMs (runs never overlap). A full
 * batch that made progress is followed at once by the next run. Errors are logged, never thrown.
 */
export function startSearchOutboxWorker(options: SearchOutboxWorkerOptions): SearchOutboxWorker {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const logger = options.logger ?? console;
  return startPollingWorker({
    name: "search outbox",
    intervalMs: options.intervalMs ?? 1000,
    registry: runningWorkers,
    logger,
    run: async () => {
      const result = await processSearchOutbox({
        db: options.db,
        client: options.client,
        indexUid: options.indexUid,
        batchSize,
        logger,
      });
      return result.claimed >= batchSize && result.retried === 0;
    },
  });
}
