// Ending the support of a placement (docs/product-rules.md#placement-and-support, #employer-support-thread): the placement ends, its thread closes, the
// planned meetings are cancelled with calendar cancellations, and the participant's phase follows.
import { currentTime } from "./clock.server.ts";
import { kickOutbox } from "../../emails/outbox.server.ts";
import { isPracticeKind } from "~/domain/support.ts";
import { audit } from "./audit.server.ts";
import type { SessionUser } from "./auth.server.ts";
import { db } from "./db.server.ts";
import { cancelMeetingsInTx } from "./meetings.server.ts";
import { recordExit } from "./outcomes.server.ts";
import { syncPhase, type LoadedPlacement } from "./support.server.ts";
import { setThreadStatus } from "./threads.server.ts";

/**
 * End the support: the placement ends with a reason, its thread closes, planned meetings after the
 * end are cancelled (with calendar cancellations to those invited), and the participant's phase
 * follows: employed without need of support → exited with work (when nothing else goes on);
 * otherwise see syncPhase.
 */
export async function endSupport(
  user: SessionUser,
  placement: LoadedPlacement,
  input: { reason: string; endDate: Date },
  now = currentTime(),
): Promise<{ exited: boolean }> {
  let exited = false;
  await db.$transaction(async (tx) => {
    await tx.placement.update({
      where: { id: placement.id },
      data: {
        status: "ended",
        endedAt: input.endDate,
        endReason: input.reason,
        nextCheckInAt: null,
        ...(isPracticeKind(placement.kind) ? { endDate: input.endDate } : {}),
      },
    });
    if (placement.thread) await setThreadStatus(tx, placement.thread.id, "closed");
    const planned = await tx.meeting.findMany({
      where: { placementId: placement.id, status: "planned", scheduledAt: { gt: now } },
      select: { id: true },
    });
    await cancelMeetingsInTx(
      tx,
      user,
      planned.map((m) => m.id),
    );
    const others = await tx.placement.count({
      where: { participantId: placement.participantId, status: { not: "ended" } },
    });
    if (input.reason === "employed_no_support" && others === 0 && placement.participant.phase !== "exited") {
      // Employed and no more support needed: the participant leaves the programme with work — no
      // longer an open case, and no longer "anställd med efterstöd". The coach checks the exit data
      // (occupation and income at exit) on the outcome page the notice links to.
      await recordExit(
        tx,
        {
          id: placement.participantId,
          phase: (
            await tx.participant.findUniqueOrThrow({ where: { id: placement.participantId }, select: { phase: true } })
          ).phase,
        },
        { exitDate: input.endDate, exitReason: "work", exitOccupation: "employed", exitIncomeSources: ["salary"] },
        user.id,
      );
      exited = true;
    } else {
      await syncPhase(tx, placement.participantId, user.id, input.reason);
    }
    await audit(tx, {
      actorId: user.id,
      participantId: placement.participantId,
      action: "update",
      entity: "placement",
      detail: `ended: ${input.reason}`,
    });
  });
  kickOutbox();
  return { exited };
}
