// The background work of Brygga: the email outbox, the search outbox (Meilisearch), proposal
// expiry, the daily digest and the inbound SMTP receiver. It runs in exactly one process: the
// single server process, or the cluster's background process (server/cluster.ts) — never in
// several, so schedules and receivers exist once.
import { startOutboxWorker } from "../emails/outbox.server.ts";
import { startInboundServer } from "../emails/inbound.server.ts";
import { startDigestScheduler } from "../app/utils/notifications.server.ts";
import { globalRegistry } from "../app/utils/polling-worker.server.ts";
import { startSearchIndexWorker } from "../search/index.ts";
import { startProposalExpiryWorker } from "../app/utils/proposal-expiry.server.ts";
import { db } from "../app/utils/db.server.ts";
import { optimizeDatabase, startDatabaseOptimizer } from "../app/utils/db-maintenance.server.ts";
import type { Env } from "../app/utils/env.server.ts";

/** The registries of workers a request may kick (emails/outbox.server.ts, search/meilisearch/outbox.ts). */
export const KICKABLE_REGISTRIES = ["emailOutboxWorkers", "searchOutboxWorkers"] as const;
export type KickableRegistry = (typeof KICKABLE_REGISTRIES)[number];

export type BackgroundWork = { stop(): Promise<void> };

export async function startBackgroundWork(env: Env): Promise<BackgroundWork> {
  // Planner statistics (cheap with analysis_limit; `npm run setup` ran it too), then every few hours.
  // The statistics live in the database file, so every process's planner uses them.
  await optimizeDatabase(db);
  const statistics = startDatabaseOptimizer(db);
  const outbox = startOutboxWorker({});
  const searchIndexWorker = startSearchIndexWorker(db); // null with the embedded engine
  const proposalExpiry = startProposalExpiryWorker(); // unanswered proposals expire (also lazily on read)
  const digests = startDigestScheduler(); // the daily digest of new messages (DIGEST_HOUR)
  // Email replies into threads: with INBOUND_SMTP_PORT set, or alone with `npm run mail:inbound`.
  const inbound =
    env.INBOUND_SMTP_PORT && env.INBOUND_DOMAIN ? await startInboundServer({ port: env.INBOUND_SMTP_PORT }) : null;
  return {
    async stop() {
      await inbound?.stop();
      await digests.stop();
      await outbox.stop();
      await searchIndexWorker?.stop();
      await proposalExpiry.stop();
      await statistics.stop();
    },
  };
}

/** Run the workers of a registry now (a kick that arrived from a web process). */
export function kickRegistry(name: KickableRegistry): void {
  for (const worker of globalRegistry(name)) worker.kick();
}

/**
 * In a web process of the cluster: a request's kick (e.g. a sign-in mail was just queued) is
 * forwarded to the background process through the primary, instead of waiting for the next poll.
 */
export function forwardKicks(names: readonly KickableRegistry[], send: (name: KickableRegistry) => void): void {
  for (const name of names) {
    globalRegistry(name).add({ kick: () => send(name), stop: async () => {} });
  }
}

export async function closeDatabase(): Promise<void> {
  await db.$disconnect();
}
