// The participant's own start page ("Min sida"): who they are in Brygga, their coach, their
// interests, the proposals waiting for their answer and their placements. Every view is audited.
// Reads go through kept prepared statements (read-connection.server.ts): the page is one of the
// most visited, and Prisma's nested selects took about twenty statements per view (issue 16).
import { audit } from "./audit.server.ts";
import { db, parseJson } from "./db.server.ts";
import { listParticipantProposals } from "./proposals.server.ts";
import { cachedRead } from "./read-connection.server.ts";
import { notFound } from "./responses.server.ts";
import { participantPlacements } from "./support.server.ts";

type HomeRow = {
  id: string;
  pseudonym: string;
  coachId: string | null;
  coachName: string | null;
  coachPhone: string | null;
  coachEmail: string | null;
  interests: string | null;
};

/** What the start page shows the signed-in participant (`viewer`: their user id, and the request's IP for the audit trail). */
export async function loadParticipantHome(participantId: string, viewer: { id: string; ip: string }) {
  const [participant] = await cachedRead<HomeRow>(
    db,
    `SELECT p."id", p."pseudonym", c."id" AS "coachId", c."name" AS "coachName", c."phone" AS "coachPhone",
        c."email" AS "coachEmail", pr."interests"
      FROM "Participant" p
      LEFT JOIN "User" c ON c."id" = p."coachId"
      LEFT JOIN "Profile" pr ON pr."participantId" = p."id"
      WHERE p."id" = ?`,
    [participantId],
  );
  if (!participant) notFound("Deltagaren finns inte.");
  const interestIds = parseJson<{ occupationIds?: string[] }>(participant.interests, {}).occupationIds ?? [];
  const interests = interestIds.length
    ? await cachedRead<{ id: string; label: string }>(
        db,
        `SELECT "id", "label" FROM "Occupation" WHERE "id" IN (${interestIds.map(() => "?").join(", ")})`,
        interestIds,
      )
    : [];
  await audit(db, {
    actorId: viewer.id,
    participantId: participant.id,
    action: "read",
    entity: "participant-home",
    ip: viewer.ip,
  });
  const proposals = await listParticipantProposals(participant.id);
  const placements = await participantPlacements(participant.id, viewer.id);
  return {
    placements,
    pseudonym: participant.pseudonym,
    coach:
      participant.coachId !== null
        ? { name: participant.coachName ?? "", phone: participant.coachPhone, email: participant.coachEmail }
        : null,
    interests,
    waitingProposals: proposals.filter((p) => p.waiting),
    proposalCount: proposals.length,
  };
}
