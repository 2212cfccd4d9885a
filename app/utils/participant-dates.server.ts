// A participant's recorded dates for the date-order rule (app/domain/date-order.ts): enrolment, the
// starts of every placement, the milestones recorded during the support (follow-ups that took place,
// employer contacts about the participant) and the exit. Read inside the caller's transaction so the
// check and the write see the same data.
import type { ParticipantDates } from "~/domain/date-order.ts";
import type { DbOrTx } from "./db.server.ts";

export async function participantDates(tx: DbOrTx, participantId: string): Promise<Required<ParticipantDates>> {
  const p = await tx.participant.findUniqueOrThrow({
    where: { id: participantId },
    select: {
      enrolledAt: true,
      exitedAt: true,
      placements: {
        select: {
          startDate: true,
          meetings: { where: { status: "done" }, select: { scheduledAt: true, doneAt: true } },
        },
      },
      contacts: { select: { occurredAt: true } },
    },
  });
  // A meeting marked done before its booked time took place when it was marked.
  const held = (m: { scheduledAt: Date; doneAt: Date | null }) =>
    m.doneAt && m.doneAt < m.scheduledAt ? m.doneAt : m.scheduledAt;
  return {
    enrolledAt: p.enrolledAt,
    exitedAt: p.exitedAt,
    placementStarts: p.placements.map((x) => x.startDate),
    milestones: [...p.placements.flatMap((x) => x.meetings.map(held)), ...p.contacts.map((c) => c.occurredAt)],
  };
}
