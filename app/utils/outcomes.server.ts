// A participant's outcome record: milestones derived from events (contacts, presented proposals,
// placements) and kept in OutcomeRecord, the exit, and retention checks after employment.
// Callers (app/routes/coach/outcome.tsx) scope the participant to the organisation; saveExit and
// saveRetention audit the change in the same transaction.
import { RETENTION_MONTHS } from "~/domain/reports/config.ts";
import { addMonthsToDay, dayOf, isoOfDay } from "~/domain/reports/days.ts";
import {
  deriveMilestones,
  parseRetention,
  type MilestoneEvents,
  type RetentionCheck,
} from "~/domain/reports/milestones.ts";
import { dayKey } from "~/domain/swedish-time.ts";
import type { ExitInput, RetentionInput } from "~/domain/outcomes.ts";
import { exitReasons } from "~/domain/vocab/outcomes.ts";
import { backdatedDetail, dateOrderProblem, isBackdated } from "~/domain/date-order.ts";
import { fail, ok, type FieldRefusal, type Result } from "~/domain/result.ts";
import { audit } from "./audit.server.ts";
import { currentTime } from "./clock.server.ts";
import { db, parseJson, type DbOrTx } from "./db.server.ts";
import { participantDates } from "./participant-dates.server.ts";
import { changePhase } from "./participants.server.ts";

/** Everything the outcome page shows for one participant. */
export async function loadOutcome(participantId: string, tx: DbOrTx = db) {
  const p = await tx.participant.findUniqueOrThrow({
    where: { id: participantId },
    select: {
      id: true,
      pseudonym: true,
      phase: true,
      enrolledAt: true,
      exitedAt: true,
      notCountedReason: true,
      startOccupation: true,
      startIncomeSources: true,
      contacts: { select: { occurredAt: true } },
      proposals: { select: { presentedAt: true } },
      placements: {
        orderBy: { startDate: "asc" },
        select: {
          id: true,
          startDate: true,
          endDate: true,
          kind: true,
          hoursPerWeek: true,
          opening: {
            select: { title: true, kind: true, employmentSupport: true, employer: { select: { name: true } } },
          },
        },
      },
      outcome: true,
    },
  });
  const events: MilestoneEvents = {
    enrolledAt: p.enrolledAt,
    exitedAt: p.exitedAt,
    employerContactsAt: p.contacts.map((c) => c.occurredAt),
    presentedAt: p.proposals.flatMap((x) => (x.presentedAt ? [x.presentedAt] : [])),
    placements: p.placements.map((x) => ({
      startDate: x.startDate,
      endDate: x.endDate,
      kind: x.opening?.kind ?? x.kind,
      employmentSupport: x.opening?.employmentSupport ?? null,
      hoursPerWeek: x.hoursPerWeek,
    })),
    stored: p.outcome,
  };
  const milestones = deriveMilestones(events);
  const retention = parseRetention(parseJson<unknown>(p.outcome?.retention, []));
  return { participant: p, milestones, retention };
}

/** The retention checkpoints after the first employment: due date and the recorded check, if any. */
export function retentionPlan(firstEmploymentAt: Date | null, checks: readonly RetentionCheck[]) {
  if (!firstEmploymentAt) return [];
  const start = dayOf(firstEmploymentAt);
  return RETENTION_MONTHS.map((months) => ({
    months,
    dueDate: isoOfDay(addMonthsToDay(start, months)),
    check: checks.find((c) => c.months === months) ?? null,
  }));
}

/**
 * The outcome page's data for staff (app/routes/coach/outcome.tsx): milestones, the start and exit
 * data, the employment and the retention plan from the real employment start. Reading it is audited.
 */
export async function loadOutcomePage(
  user: { id: string },
  participantId: string,
  options: { ip?: string; now?: Date } = {},
) {
  const now = options.now ?? currentTime();
  const { participant: p, milestones, retention } = await loadOutcome(participantId);
  await audit(db, { actorId: user.id, participantId: p.id, action: "read", entity: "outcome", ip: options.ip });
  const employmentPlacement = milestones.firstEmploymentAt
    ? p.placements.find((x) => (x.opening?.kind ?? x.kind) === "job")
    : undefined;
  return {
    today: dayKey(now),
    participant: {
      id: p.id,
      pseudonym: p.pseudonym,
      phase: p.phase,
      enrolledAt: p.enrolledAt,
      exitedAt: p.exitedAt,
      notCountedReason: p.notCountedReason,
      startOccupation: p.startOccupation,
      startIncomeSources: parseJson<string[]>(p.startIncomeSources, []),
    },
    milestones,
    employment: employmentPlacement
      ? {
          title: employmentPlacement.opening?.title ?? null,
          employer: employmentPlacement.opening?.employer.name ?? null,
          hoursPerWeek: employmentPlacement.hoursPerWeek,
        }
      : null,
    exit: {
      exitReason: p.outcome?.exitReason ?? null,
      exitOccupation: p.outcome?.exitOccupation ?? null,
      exitIncomeSources: parseJson<string[]>(p.outcome?.exitIncomeSources, []),
    },
    retention: retentionPlan(milestones.firstEmploymentAt, retention),
  };
}
export type OutcomePageData = Awaited<ReturnType<typeof loadOutcomePage>>;

/** Writes the derived milestones into the outcome record (creating it when missing). */
export async function syncMilestones(tx: DbOrTx, participantId: string) {
  const { milestones } = await loadOutcome(participantId, tx);
  const data = {
    firstEmployerContactAt: milestones.firstEmployerContactAt,
    firstPlacementAt: milestones.firstPlacementAt,
    firstEmploymentAt: milestones.firstEmploymentAt,
    employmentForm: milestones.employmentForm,
    competitive: milestones.competitive,
  };
  await tx.outcomeRecord.upsert({ where: { participantId }, create: { participantId, ...data }, update: data });
  return milestones;
}

/** Records the exit: outcome fields, milestones, and the phase "avslutad" from the exit date. */
export async function recordExit(
  tx: DbOrTx,
  participant: { id: string; phase: string },
  input: ExitInput,
  byId: string,
) {
  const exit = {
    exitReason: input.exitReason,
    exitOccupation: input.exitOccupation,
    exitIncomeSources: JSON.stringify([...new Set(input.exitIncomeSources)]),
  };
  await tx.outcomeRecord.upsert({
    where: { participantId: participant.id },
    create: { participantId: participant.id, ...exit },
    update: exit,
  });
  if (participant.phase !== "exited") await changePhase(tx, participant, "exited", byId, input.exitDate);
  else await tx.participant.update({ where: { id: participant.id }, data: { exitedAt: input.exitDate } });
  await syncMilestones(tx, participant.id);
}

/** Records (or replaces) one retention check. */
export async function recordRetention(tx: DbOrTx, participantId: string, input: RetentionInput) {
  const record = await tx.outcomeRecord.findUnique({ where: { participantId } });
  const checks = parseRetention(parseJson<unknown>(record?.retention, [])).filter((c) => c.months !== input.months);
  const check: RetentionCheck = {
    months: input.months,
    employed: input.employed,
    hours: input.hours,
    checkedAt: input.checkedAt.toISOString(),
  };
  const retention = JSON.stringify([...checks, check].sort((a, b) => a.months - b.months));
  await tx.outcomeRecord.upsert({
    where: { participantId },
    create: { participantId, retention },
    update: { retention },
  });
  await syncMilestones(tx, participantId);
}

/**
 * The coach records the exit from the outcome page (audited). The exit may lie in the past but not
 * before the enrolment or a placement's start; a past exit is audited as back-dated.
 */
export async function saveExit(
  user: { id: string },
  participant: { id: string; phase: string },
  input: ExitInput,
  options: { ip?: string; now?: Date } = {},
): Promise<Result<object, FieldRefusal>> {
  const { ip, now = currentTime() } = options;
  return db.$transaction(async (tx) => {
    const dates = await participantDates(tx, participant.id);
    const problem = dateOrderProblem("exit", { ...dates, exitedAt: input.exitDate });
    if (problem) return fail({ errors: { exitDate: [problem] } });
    await recordExit(tx, participant, input, user.id);
    await audit(tx, {
      actorId: user.id,
      participantId: participant.id,
      action: "update",
      entity: "outcome",
      detail: `Avslut ${dayKey(input.exitDate)}: ${exitReasons.label(input.exitReason)}`,
      ip,
    });
    if (isBackdated(input.exitDate, now)) {
      await audit(tx, {
        actorId: user.id,
        participantId: participant.id,
        action: "update",
        entity: "exit_date",
        detail: backdatedDetail("Avslutsdatum", input.exitDate),
        ip,
      });
    }
    return ok();
  });
}

/**
 * The coach records a retention check from the outcome page (audited). The check needs an employment
 * and its day goes through the date-order rule: on or after the enrolment and the first employment's
 * start (it may lie after the exit: the 12-month check often comes after the participant has left).
 * A past day is audited as back-dated; a refused one changes nothing.
 */
export async function saveRetention(
  user: { id: string },
  participantId: string,
  input: RetentionInput,
  options: { ip?: string; now?: Date } = {},
): Promise<Result<object, FieldRefusal>> {
  const now = options.now ?? currentTime();
  return db.$transaction(async (tx) => {
    const { participant, milestones } = await loadOutcome(participantId, tx);
    if (!milestones.firstEmploymentAt) {
      return fail({
        errors: {
          months: ["Uppföljning efter anställning kan registreras först när deltagaren har fått en anställning."],
        },
      });
    }
    const problem = dateOrderProblem(
      "milestone",
      {
        enrolledAt: participant.enrolledAt,
        placementStarts: [milestones.firstEmploymentAt],
        milestones: [input.checkedAt],
      },
      "anställningens start",
    );
    if (problem) return fail({ errors: { checkedAt: [problem] } });
    await recordRetention(tx, participantId, input);
    await audit(tx, {
      actorId: user.id,
      participantId,
      action: "update",
      entity: "outcome",
      detail: `Uppföljning efter ${input.months} månader: ${input.employed ? `anställd, ${input.hours} tim/v` : "inte anställd"}`,
      ip: options.ip,
    });
    if (isBackdated(input.checkedAt, now)) {
      await audit(tx, {
        actorId: user.id,
        participantId,
        action: "update",
        entity: "retention_date",
        detail: backdatedDetail(`Uppföljningsdatum (efter ${input.months} månader)`, input.checkedAt),
        ip: options.ip,
      });
    }
    return ok();
  });
}

/**
 * "Räknas inte i resultaten" (issue 12): the participant stays counted as enrolled but is left out of
 * the result denominators, with a reason; `reason: null` undoes it. Audited either way.
 */
export async function setNotCounted(user: { id: string }, participantId: string, reason: string | null, ip?: string) {
  await db.$transaction(async (tx) => {
    await tx.participant.update({ where: { id: participantId }, data: { notCountedReason: reason } });
    await audit(tx, {
      actorId: user.id,
      participantId,
      action: "update",
      entity: "not_counted",
      detail: reason ? `Räknas inte i resultaten: ${reason}` : "Räknas i resultaten igen",
      ip,
    });
  });
}
