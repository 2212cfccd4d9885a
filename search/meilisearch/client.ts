// Small helpers around the official `meilisearch` client shared by the engine, the outbox worker
// and reindexing: clients per key, waiting for tasks (and failing on failed ones), creating the
// openings index with its settings, and finding the search-only key.
import { currentTime } from "../../app/utils/clock.server.ts";
import {
  Meilisearch,
  MeilisearchApiError,
  type EnqueuedTask,
  type EnqueuedTaskPromise,
  type Key,
  type Settings,
  type Task,
} from "meilisearch";
import { OPENING_PRIMARY_KEY } from "./settings.ts";

/** Per-request timeout: a hung server must not hang a request handler or the outbox loop. */
export const REQUEST_TIMEOUT_MS = 10_000;
/** How long the outbox waits for one indexing task before it counts as failed (and is retried). */
export const TASK_TIMEOUT_MS = 60_000;

export const DEFAULT_SEARCH_KEY_NAME = "Default Search API Key";

export function createMeiliClient(
  url: string,
  apiKey: string | undefined,
  o: { timeoutMs?: number } = {},
): Meilisearch {
  return new Meilisearch({
    host: url,
    apiKey,
    timeout: o.timeoutMs ?? REQUEST_TIMEOUT_MS,
    clientAgents: ["Brygga"],
    defaultWaitOptions: { timeout: TASK_TIMEOUT_MS, interval: 50 },
  });
}

/** A task that ended in another state than "succeeded" (failed or canceled). */
export class MeiliTaskError extends Error {
  override name = "MeiliTaskError";
  constructor(readonly task: Task) {
    super(
      `Meilisearch task ${task.uid} (${task.type}${task.indexUid ? ` on ${task.indexUid}` : ""}) ${task.status}` +
        (task.error ? `: ${task.error.code}: ${task.error.message}` : ""),
    );
  }
}

export function isIndexNotFound(error: unknown): boolean {
  return (
    error instanceof MeilisearchApiError && (error.cause?.code === "index_not_found" || error.response?.status === 404)
  );
}

/** Wait for tasks (in order) and throw MeiliTaskError for the first one that did not succeed. */
export async function waitForTasksOk(
  client: Meilisearch,
  tasks: Array<EnqueuedTask | number>,
  o: { timeoutMs?: number; onTask?: (task: Task, done: number) => void } = {},
): Promise<Task[]> {
  const done: Task[] = [];
  for (const t of tasks) {
    const task = await client.tasks.waitForTask(t, { timeout: o.timeoutMs ?? TASK_TIMEOUT_MS });
    if (task.status !== "succeeded") throw new MeiliTaskError(task);
    done.push(task);
    o.onTask?.(task, done.length);
  }
  return done;
}

/** Await an enqueued-task promise of the client and its task; throw when the task fails. */
export async function runTask(client: Meilisearch, enqueued: EnqueuedTaskPromise, timeoutMs?: number): Promise<Task> {
  const [task] = await waitForTasksOk(client, [await enqueued], { timeoutMs });
  if (!task) throw new Error("Meilisearch returned no task");
  return task;
}

/** Create an index with the openings primary key and apply `settings`; waits for both tasks. */
export async function createOpeningIndex(
  client: Meilisearch,
  uid: string,
  settings: Settings,
  timeoutMs?: number,
): Promise<void> {
  await runTask(client, client.createIndex(uid, { primaryKey: OPENING_PRIMARY_KEY }), timeoutMs);
  await runTask(client, client.index(uid).updateSettings(settings), timeoutMs);
}

/**
 * Make sure the index exists; when it does not, create it with `settings` (lazily computed).
 * Settings of an existing index are left alone: `npm run search:reindex` applies new settings.
 * Returns true when the index was created.
 */
export async function ensureOpeningIndex(
  client: Meilisearch,
  uid: string,
  settings: () => Settings,
  timeoutMs?: number,
): Promise<boolean> {
  try {
    await client.getRawIndex(uid);
    return false;
  } catch (error) {
    if (!isIndexNotFound(error)) throw error;
  }
  await createOpeningIndex(client, uid, settings(), timeoutMs);
  return true;
}

function isExpired(key: Key, now: Date): boolean {
  return key.expiresAt !== null && key.expiresAt !== undefined && new Date(key.expiresAt).getTime() <= now.getTime();
}

/**
 * The search-only key to query with, read with the admin key from GET /keys: the default
 * "Default Search API Key", else any unexpired key whose only action is "search" on all indexes
 * (or on `indexUid`). Never returns a key that can do more than search.
 */
export async function findSearchKey(admin: Meilisearch, indexUid: string, now = currentTime()): Promise<string> {
  const { results } = await admin.getKeys({ limit: 1000 });
  const searchOnly = results.filter(
    (k) =>
      !isExpired(k, now) &&
      k.actions.length === 1 &&
      k.actions[0] === "search" &&
      (k.indexes.includes("*") || k.indexes.includes(indexUid)),
  );
  const key = searchOnly.find((k) => k.name === DEFAULT_SEARCH_KEY_NAME) ?? searchOnly[0];
  if (!key) {
    throw new Error(
      `Meilisearch: ingen sök-nyckel (endast "search") hittades via GET /keys. Sätt MEILI_SEARCH_KEY eller skapa en nyckel med actions ["search"].`,
    );
  }
  return key.key;
}
