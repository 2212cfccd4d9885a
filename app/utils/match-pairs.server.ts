// What the two match lists share (participant → openings and opening → participants): the proposal
// already made for each pair, the coach's shortlist, and the one action on a pair — shortlist it,
// take it off the shortlist, or propose it (which also takes it off the shortlist).
import { latestProposalsBy } from "~/domain/proposals.ts";
import { db } from "./db.server.ts";
import { cachedRead } from "./read-connection.server.ts";
import { createProposal, type Staff } from "./proposals.server.ts";
import { addToShortlist, removeFromShortlist } from "./shortlist.server.ts";

type Pair = { participantId: string; openingId: string };
export type PairIntent = "propose" | "shortlist_add" | "shortlist_remove";
export type PairResult =
  | { ok: true; message: string; proposalId: string | null; cookie: string }
  | { ok: false; status: 400 | 409; message: string };

// Both lists read the proposals through kept statements (read-connection.server.ts): they are on
// every view of a match page, the most requested page of a coach (issue 16).

/** The proposal to show for each of a participant's openings, by opening id. */
export async function latestProposalsForParticipant(participantId: string) {
  const proposals = await cachedRead<{ id: string; openingId: string; status: string }>(
    db,
    `SELECT "id", "openingId", "status" FROM "Proposal" WHERE "participantId" = ? ORDER BY "proposedAt" DESC`,
    [participantId],
  );
  return latestProposalsBy(proposals, "openingId");
}

/** The proposal to show for each of the given participants and one opening, by participant id. */
export async function latestProposalsForOpening(openingId: string, participantIds: string[]) {
  if (participantIds.length === 0) return latestProposalsBy([], "participantId");
  const proposals = await cachedRead<{ id: string; participantId: string; status: string }>(
    db,
    `SELECT "id", "participantId", "status" FROM "Proposal"
      WHERE "openingId" = ? AND "participantId" IN (${participantIds.map(() => "?").join(", ")})
      ORDER BY "proposedAt" DESC`,
    [openingId, ...participantIds],
  );
  return latestProposalsBy(proposals, "participantId");
}

/**
 * Shortlist, unshortlist or propose one pair the caller has already checked is in the coach's scope.
 * `shortlistedMessage` is what the coach reads after adding to the shortlist. The cookie is the
 * shortlist's new Set-Cookie header.
 */
export async function actOnPair(
  request: Request,
  user: Staff,
  intent: PairIntent,
  pair: Pair,
  options: { shortlistedMessage: string; ip?: string; note?: string | null },
): Promise<PairResult> {
  if (intent !== "propose") {
    const add = intent === "shortlist_add";
    const cookie = add
      ? await addToShortlist(request, user.id, pair)
      : await removeFromShortlist(request, user.id, pair);
    return {
      ok: true,
      message: add ? options.shortlistedMessage : "Borttagen från kortlistan.",
      proposalId: null,
      cookie,
    };
  }
  const result = await createProposal(user, { ...pair, note: options.note, ip: options.ip });
  if (!result.ok) return result;
  return {
    ok: true,
    message: result.message,
    proposalId: result.id,
    cookie: await removeFromShortlist(request, user.id, pair),
  };
}

/** The reverse-match list shows participants to a coach: each one shown is an audited read. */
export async function auditReverseMatchViews(
  user: { id: string },
  participantIds: string[],
  openingTitle: string,
  ip?: string,
) {
  if (participantIds.length === 0) return;
  await db.auditEvent.createMany({
    data: participantIds.map((participantId) => ({
      actorId: user.id,
      participantId,
      action: "read",
      entity: "reverse-match",
      detail: `Matchning mot ${openingTitle}`,
      ip,
    })),
  });
}
