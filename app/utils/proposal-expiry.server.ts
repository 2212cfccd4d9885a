// Unanswered proposals expire (docs/product-rules.md#proposal): a proposal waiting for the participant's answer
// (proposed, more_info) whose expiresAt has passed becomes `expired`. It happens lazily — every page
// that shows proposals expires the ones it is about to show — and in the background, where the
// server runs expireProposals every PROPOSAL_EXPIRY_INTERVAL_MS (server/index.ts).
// Relative imports only: the server entry loads this module outside the app bundle.
import { currentTime } from "./clock.server.ts";
import { EXPIRING_STATUSES, PROPOSAL_EXPIRY_INTERVAL_MS } from "../domain/proposals.ts";
import { db, type DbOrTx, type Prisma } from "./db.server.ts";
import { startPollingWorker, type PollingWorker } from "./polling-worker.server.ts";
import { cachedRead } from "./read-connection.server.ts";
import { toSqlDate } from "./raw-values.ts";

/** Expire every overdue unanswered proposal (optionally only those matching `where`); returns how many. */
export async function expireProposals(
  now: Date = currentTime(),
  where: Prisma.ProposalWhereInput = {},
  tx: DbOrTx = db,
): Promise<number> {
  const { count } = await tx.proposal.updateMany({
    where: { ...where, status: { in: [...EXPIRING_STATUSES] }, expiresAt: { lt: now } },
    data: { status: "expired" },
  });
  return count;
}

/**
 * Expire one participant's overdue unanswered proposals, for the pages that show them. Looks first
 * (a read through a kept statement) and writes only when one is overdue: the participant's start
 * page no longer takes the database's write lock on every view (issue 16).
 */
export async function expireProposalsOfParticipant(participantId: string, now: Date = currentTime()): Promise<number> {
  const overdue = await cachedRead<{ one: number }>(
    db,
    `SELECT 1 AS "one" FROM "Proposal"
      WHERE "participantId" = ? AND "status" IN (${EXPIRING_STATUSES.map(() => "?").join(", ")}) AND "expiresAt" < ?
      LIMIT 1`,
    [participantId, ...EXPIRING_STATUSES, toSqlDate(now)],
  );
  return overdue.length > 0 ? expireProposals(now, { participantId }) : 0;
}

/** The background expiry loop; stop() it on shutdown. */
export function startProposalExpiryWorker(
  options: { intervalMs?: number; logger?: Pick<Console, "error"> } = {},
): PollingWorker {
  return startPollingWorker({
    name: "proposal expiry",
    intervalMs: options.intervalMs ?? PROPOSAL_EXPIRY_INTERVAL_MS,
    logger: options.logger,
    run: async () => {
      await expireProposals(currentTime());
      return false;
    },
  });
}
