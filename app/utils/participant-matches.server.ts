// The coach's match page for one participant (app/routes/coach/participant-matches.tsx): the
// "varför inte?" lookup, the shortlisted openings still published, and the audit of each view.
// The route parses and authorizes; this module reads and records.
import { db } from "./db.server.ts";
import { audit } from "./audit.server.ts";
import { whyNot, type WhyNot } from "./matching.server.ts";
import { resolveOpeningReference, type OpeningChoice } from "./proposals.server.ts";

export type WhyNotView =
  | { state: "choices"; query: string; choices: OpeningChoice[] }
  | { state: "message"; query: string; message: string; unknown: boolean }
  | { state: "result"; query: string; opening: { id: string; title: string; employerName: string }; result: WhyNot };

/** "Varför inte?" for the opening the coach named (title, link or id), within the organisation. */
export async function explainWhyNot(query: string, participantId: string, organizationId: string): Promise<WhyNotView> {
  const ref = await resolveOpeningReference(query, organizationId);
  if (ref.kind === "choices") return { state: "choices", query, choices: ref.choices };
  if (ref.kind !== "found") return { state: "message", query, message: ref.message, unknown: ref.kind === "unknown" };
  const opening = await db.opening.findUniqueOrThrow({
    where: { id: ref.openingId },
    select: { id: true, title: true, employer: { select: { name: true } } },
  });
  const result = await whyNot(participantId, opening.id, { organizationId });
  return {
    state: "result",
    query,
    opening: { id: opening.id, title: opening.title, employerName: opening.employer.name },
    result,
  };
}

/** The shortlisted openings that are still published, with their employers' names. */
export async function publishedShortlistOpenings(openingIds: string[]) {
  if (openingIds.length === 0) return [];
  // By primary key only, the status checked here (issue 16: a planner without statistics would
  // otherwise walk the status index through every published opening).
  const openings = await db.opening.findMany({
    where: { id: { in: openingIds } },
    select: { id: true, status: true, title: true, employer: { select: { name: true } } },
  });
  return openings
    .filter((o) => o.status === "published")
    .map((o) => ({ id: o.id, title: o.title, employerName: o.employer.name }));
}

/** The title of a published opening, or null (for the shortlist's confirmation message). */
export async function publishedOpeningTitle(openingId: string): Promise<string | null> {
  const opening = await db.opening.findFirst({
    where: { id: openingId, status: "published" },
    select: { title: true },
  });
  return opening?.title ?? null;
}

/** Records that the coach looked at the participant's matches (and which opening "varför inte?" explained). */
export async function auditMatchView(input: {
  actorId: string;
  participantId: string;
  matchCount: number | null;
  whyNotTitle: string | null;
  ip: string;
}) {
  const detail = [
    input.matchCount === null ? "ogiltiga filter" : `${input.matchCount} träffar`,
    input.whyNotTitle ? `varför inte: ${input.whyNotTitle}` : null,
  ]
    .filter(Boolean)
    .join("; ");
  await audit(db, {
    actorId: input.actorId,
    participantId: input.participantId,
    action: "read",
    entity: "matches",
    detail,
    ip: input.ip,
  });
}
