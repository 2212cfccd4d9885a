// Placements (docs/product-rules.md#placement-and-support): an accepted proposal becomes a placement with a support thread between
// the employer and the coaching organisation, and a first check-in. The proposal workflow creates
// them; the follow-along support pages read and extend them.
import { currentTime } from "./clock.server.ts";
import type { Phase } from "~/domain/vocab/participants.ts";
import type { DbOrTx } from "./db.server.ts";
import { changePhase } from "./participants.server.ts";
import { createThread } from "./threads.server.ts";
import { notFound } from "./responses.server.ts";
import { addDays, dayKey } from "~/domain/swedish-time.ts";

export type NewPlacement = {
  proposalId: string;
  startDate: Date;
  /** Who confirmed the start: the employer user who accepted, or a coach recording it. */
  actorId: string;
  hoursPerWeek?: number | null;
  endDate?: Date | null;
};

/** The phase a participant moves to when a placement of this kind starts. */
export function phaseForPlacementKind(kind: string): Phase {
  return kind === "job" ? "employed_support" : "practice";
}

/**
 * Creates the placement for an accepted proposal inside the caller's transaction: the placement,
 * its support thread (with a first message from the actor), the proposal marked accepted by the
 * employer, and the participant's phase moved on. Throws a 404 Response for an unknown proposal.
 */
export async function createPlacementFromProposal(tx: DbOrTx, input: NewPlacement) {
  const proposal = await tx.proposal.findUnique({
    where: { id: input.proposalId },
    include: {
      opening: {
        select: {
          id: true,
          title: true,
          kind: true,
          employerId: true,
          hoursMax: true,
          supervisorName: true,
          purpose: true,
          endDate: true,
          lengthWeeks: true,
        },
      },
      participant: { select: { id: true, organizationId: true, pseudonym: true, phase: true } },
    },
  });
  if (!proposal) notFound("Förslaget finns inte.");
  const { opening, participant } = proposal;

  const plannedEnd =
    input.endDate ??
    (opening.kind === "job"
      ? null
      : opening.lengthWeeks
        ? addDays(input.startDate, opening.lengthWeeks * 7)
        : (opening.endDate ?? null));

  const placement = await tx.placement.create({
    data: {
      proposalId: proposal.id,
      participantId: participant.id,
      openingId: opening.id,
      kind: opening.kind,
      startDate: input.startDate,
      endDate: plannedEnd,
      hoursPerWeek: input.hoursPerWeek ?? opening.hoursMax,
      supervisorName: opening.supervisorName,
      purpose: opening.purpose,
      status: "introduction",
      supportIntensity: "weekly",
      nextCheckInAt: addDays(input.startDate, 7),
    },
  });

  const { thread } = await createThread(tx, {
    kind: "placement",
    employerId: opening.employerId,
    organizationId: participant.organizationId,
    placementId: placement.id,
    subject: `${participant.pseudonym} – ${opening.title}`,
    createdById: input.actorId,
    body: `Placeringen börjar ${dayKey(input.startDate)}. Här skriver arbetsgivare och coach till varandra om stödet – före, under och efter starten.`,
  });

  await tx.proposal.update({
    where: { id: proposal.id },
    data: {
      status: "accepted_by_employer",
      employerDecision: "accept",
      employerAnsweredAt: proposal.employerAnsweredAt ?? currentTime(),
      proposedStartDate: input.startDate,
    },
  });

  const nextPhase = phaseForPlacementKind(opening.kind);
  if (participant.phase !== nextPhase && participant.phase !== "exited") {
    await changePhase(tx, participant, nextPhase, input.actorId);
  }
  return { placement, thread };
}
