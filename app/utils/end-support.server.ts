// Ending the support of a placement (docs/product-rules.md#placement-and-support, #employer-support-thread): the placement ends, its thread closes, the
// planned meetings are cancelled with calendar cancellations, and the participant's phase follows.
import { currentTime } from "./clock.server.ts";
import { kickOutbox } from "../../emails/outbox.server.ts";
import { isPracticeKind } from "~/domain/support.ts";
import { backdatedDetail, dateOrderProblem, isBackdated } from "~/domain/date-order.ts";
import { fail, ok, type FieldRefusal, type Result } from "~/domain/result.ts";
import { dayKey } from "~/domain/swedish-time.ts";
import { audit } from "./audit.server.ts";
import type { SessionUser } from "./auth.server.ts";
import { db } from "./db.server.ts";
import { cancelMeetingsInTx } from "./meetings.server.ts";
import { recordExit } from "./outcomes.server.ts";
import { participantDates } from "./participant-dates.server.ts";
import { syncPhase, type LoadedPlacement } from "./support.server.ts";
import { setThreadStatus } from "./threads.server.ts";

/**
 * End the support: the placement ends with a reason, its thread closes, planned meetings after the
 * end are cancelled (with calendar cancellations to those invited), and the participant's phase
 * follows: employed without need of support → exited with work (when nothing else goes on);
 * otherwise see syncPhase. The end date goes through the date-order rule (app/domain/date-order.ts)
 * inside the transaction: on or after the placement's start and the enrolment, not after an earlier
 * exit, and — when it records the exit — on or after every placement start and recorded follow-up.
 * A refused date changes nothing. A past end date is audited as back-dated.
 */
export async function endSupport(
  user: SessionUser,
  placement: LoadedPlacement,
  input: { reason: string; endDate: Date },
  options: { ip?: string; now?: Date } = {},
): Promise<Result<{ exited: boolean }, FieldRefusal>> {
  const now = options.now ?? currentTime();
  const result = await db.$transaction(async (tx): Promise<Result<{ exited: boolean }, FieldRefusal>> => {
    const dates = await participantDates(tx, placement.participantId);
    const participant = await tx.participant.findUniqueOrThrow({
      where: { id: placement.participantId },
      select: { id: true, phase: true },
    });
    const others = await tx.placement.count({
      where: { participantId: placement.participantId, status: { not: "ended" }, id: { not: placement.id } },
    });
    // Employed and no more support needed: the participant leaves the programme with work — no
    // longer an open case, and no longer "anställd med efterstöd". The coach checks the exit data
    // (occupation and income at exit) on the outcome page the notice links to.
    const exits = input.reason === "employed_no_support" && others === 0 && participant.phase !== "exited";
    const problem = exits
      ? dateOrderProblem("exit", { ...dates, exitedAt: input.endDate })
      : dateOrderProblem("milestone", {
          enrolledAt: dates.enrolledAt,
          placementStarts: [placement.startDate],
          milestones: [input.endDate],
          exitedAt: dates.exitedAt,
        });
    if (problem || dayKey(input.endDate) > dayKey(now))
      return fail({ errors: { endDate: [problem ?? "Slutdatumet kan inte ligga i framtiden."] } });

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
    if (exits) {
      await recordExit(
        tx,
        participant,
        { exitDate: input.endDate, exitReason: "work", exitOccupation: "employed", exitIncomeSources: ["salary"] },
        user.id,
      );
    } else {
      await syncPhase(tx, placement.participantId, user.id, input.reason);
    }
    await audit(tx, {
      actorId: user.id,
      participantId: placement.participantId,
      action: "update",
      entity: "placement",
      detail: `ended: ${input.reason}`,
      ip: options.ip,
    });
    if (exits && isBackdated(input.endDate, now)) {
      await audit(tx, {
        actorId: user.id,
        participantId: placement.participantId,
        action: "update",
        entity: "exit_date",
        detail: backdatedDetail("Avslutsdatum", input.endDate),
        ip: options.ip,
      });
    }
    return ok({ exited: exits });
  });
  if (result.ok) kickOutbox();
  return result;
}
