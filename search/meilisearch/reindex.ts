// Full reindex for Meilisearch (docs/product-rules.md#search): build a fresh index `openings_<timestamp>` with the
// current settings, stream every published opening into it in batches, wait until Meilisearch has
// indexed everything, then swap it with the live index in one atomic step and delete the old one.
// Searches keep working on the old index until the swap; no search ever sees a half-built index.
//
// Writes during the rebuild: the outbox worker keeps sending to the live (old) index meanwhile. Rows
// written after the rebuild started (id above the watermark) are re-queued after the swap, so
// every change made during the rebuild reaches the new index as well.
import { currentTime } from "../../app/utils/clock.server.ts";
import type { IndexSwap, Meilisearch, Settings } from "meilisearch";
import type { Db } from "../../app/utils/db.server.ts";
import { loadOpeningDocuments } from "../documents.ts";
import { createOpeningIndex, ensureOpeningIndex, runTask, waitForTasksOk } from "./client.ts";
import { forgetEnsuredIndexes, LOAD_CHUNK } from "./outbox.ts";
import {
  loadTaxonomySynonyms,
  OPENING_INDEX_UID,
  OPENING_PRIMARY_KEY,
  openingIndexSettings,
  toMeiliDocument,
} from "./settings.ts";

export const REINDEX_BATCH_SIZE = 1000;
/** Indexing 100,000 openings takes a while: each task may take up to this long. */
export const REINDEX_TASK_TIMEOUT_MS = 15 * 60_000;

export type ReindexPhase = "send" | "index" | "swap" | "done";
export type ReindexProgress = { phase: ReindexPhase; done: number; total: number };

export type ReindexMeilisearchOptions = {
  db: Db;
  /** A client with the admin key. */
  client: Meilisearch;
  indexUid?: string;
  batchSize?: number;
  /** Defaults to the settings of settings.ts with the taxonomy synonyms. */
  settings?: Settings;
  taskTimeoutMs?: number;
  now?: () => Date;
  progress?: (p: ReindexProgress) => void;
  logger?: Pick<Console, "warn">;
};

export type ReindexMeilisearchResult = {
  indexUid: string;
  /** The index that was built and swapped in (its uid now holds the old documents, and is deleted). */
  builtUid: string;
  documents: number;
  /** Outbox rows written during the rebuild and re-queued for the new index. */
  requeued: number;
};

/** `openings_20251123081900123`: the index uid of a rebuild started at `date` (UTC). */
export function rebuildIndexUid(indexUid: string, date: Date): string {
  return `${indexUid}_${date.toISOString().replace(/\D/g, "")}`;
}

export async function reindexMeilisearch(options: ReindexMeilisearchOptions): Promise<ReindexMeilisearchResult> {
  const { db, client } = options;
  const indexUid = options.indexUid ?? OPENING_INDEX_UID;
  const batchSize = options.batchSize ?? REINDEX_BATCH_SIZE;
  const timeoutMs = options.taskTimeoutMs ?? REINDEX_TASK_TIMEOUT_MS;
  const now = options.now ?? (() => currentTime());
  const progress = options.progress ?? (() => {});
  const settings = options.settings ?? openingIndexSettings(loadTaxonomySynonyms());
  const builtUid = rebuildIndexUid(indexUid, now());

  // Everything written to the outbox after this point is re-queued once the new index is live.
  const watermark = (await db.searchOutbox.aggregate({ _max: { id: true } }))._max.id ?? 0;

  await createOpeningIndex(client, builtUid, settings, timeoutMs);
  try {
    const total = await db.opening.count({ where: { status: "published" } });
    progress({ phase: "send", done: 0, total });
    const index = client.index(builtUid);
    const tasks = [];
    let sent = 0;
    let cursor: string | undefined;
    for (;;) {
      const page = await db.opening.findMany({
        where: { status: "published", ...(cursor === undefined ? {} : { id: { gt: cursor } }) },
        orderBy: { id: "asc" },
        take: batchSize,
        select: { id: true },
      });
      const last = page.at(-1);
      if (!last) break;
      cursor = last.id;
      const documents = [];
      for (let i = 0; i < page.length; i += LOAD_CHUNK) {
        documents.push(
          ...(
            await loadOpeningDocuments(
              db,
              page.slice(i, i + LOAD_CHUNK).map((p) => p.id),
            )
          ).documents,
        );
      }
      if (documents.length) {
        tasks.push(await index.addDocuments(documents.map(toMeiliDocument), { primaryKey: OPENING_PRIMARY_KEY }));
      }
      sent += documents.length;
      progress({ phase: "send", done: sent, total: Math.max(total, sent) });
    }

    progress({ phase: "index", done: 0, total: tasks.length });
    await waitForTasksOk(client, tasks, {
      timeoutMs,
      onTask: (_task, done) => progress({ phase: "index", done, total: tasks.length }),
    });

    progress({ phase: "swap", done: 0, total: 1 });
    // Swapping needs both indexes: on a first run, create an empty live index to swap with.
    await ensureOpeningIndex(client, indexUid, () => settings, timeoutMs);
    // Only `indexes`: the optional `rename` field (Meilisearch ≥ 1.18) is rejected by older servers.
    const swap: IndexSwap = { indexes: [indexUid, builtUid] } as IndexSwap;
    await runTask(client, client.swapIndexes([swap]), timeoutMs);
    forgetEnsuredIndexes(client);
    progress({ phase: "swap", done: 1, total: 1 });

    const requeued = await db.searchOutbox.updateMany({
      where: { id: { gt: watermark } },
      data: { processedAt: null, nextAttemptAt: now() },
    });

    // After the swap, builtUid holds the old documents.
    try {
      await runTask(client, client.deleteIndex(builtUid), timeoutMs);
    } catch (error) {
      (options.logger ?? console).warn(`[search] could not delete the old index ${builtUid}: ${String(error)}`);
    }
    progress({ phase: "done", done: sent, total: sent });
    return { indexUid, builtUid, documents: sent, requeued: requeued.count };
  } catch (error) {
    // A failed rebuild leaves the live index untouched; drop the half-built one.
    await runTask(client, client.deleteIndex(builtUid), timeoutMs).catch(() => undefined);
    throw error;
  }
}

// ───────────────────────────── Progress bar ─────────────────────────────

const nf = new Intl.NumberFormat("sv-SE");

/** "[##########----------]  50 %  500/1 000 label" — plain text, no dependency. */
export function renderProgressBar(done: number, total: number, label: string, width = 30): string {
  const ratio = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
  const filled = Math.round(ratio * width);
  const percent = String(Math.floor(ratio * 100)).padStart(3);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${percent} %  ${nf.format(done)}/${nf.format(total)} ${label}`;
}

/**
 * A progress printer for a stream (stderr): redraws one line on a terminal, and prints a line per
 * 10 % step otherwise (logs, CI), so the output stays readable in both.
 */
export function createProgressPrinter(stream: NodeJS.WriteStream & { isTTY?: boolean }) {
  let lastLabel = "";
  let lastStep = -1;
  let lineOpen = false;
  return {
    update(done: number, total: number, label: string) {
      const line = renderProgressBar(done, total, label);
      if (stream.isTTY) {
        if (lineOpen && label !== lastLabel) stream.write("\n");
        stream.write(`\r${line}\x1b[K`);
        lineOpen = true;
        lastLabel = label;
        return;
      }
      const step = total > 0 ? Math.floor((Math.min(done, total) / total) * 10) : 10;
      if (label !== lastLabel || step !== lastStep) stream.write(`${line}\n`);
      lastLabel = label;
      lastStep = step;
    },
    /** End the current terminal line. */
    end() {
      if (lineOpen) stream.write("\n");
      lineOpen = false;
    },
  };
}
