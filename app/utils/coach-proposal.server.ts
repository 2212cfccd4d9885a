// The coach's page for one proposal (app/routes/coach/proposal.tsx): what the page shows, and the
// steps the coach may take on it (record the participant's or the employer's answer, present,
// withdraw). The steps themselves are the proposal services (proposals.server.ts).
import { currentTime } from "./clock.server.ts";
import {
  canTransition,
  daysLeft,
  DeclineSchema,
  ParticipantAnswerSchema,
  startSchema,
  visitSchema,
  waitingOn,
} from "~/domain/proposals.ts";
import { parseWith, type FieldErrors } from "~/domain/forms.ts";
import { dayKey, toSwedishDateTimeInput } from "~/domain/swedish-time.ts";
import { dateOrderProblem } from "~/domain/date-order.ts";
import { audit } from "./audit.server.ts";
import type { SessionUser } from "./auth.server.ts";
import { db } from "./db.server.ts";
import {
  answerProposal,
  decideProposal,
  loadPresentation,
  presentProposal,
  proposalDistanceKm,
  readReasons,
  requireStaffProposal,
  withdrawnAt,
  withdrawProposal,
  type StepResult,
} from "./proposals.server.ts";

type Staff = SessionUser & { organizationId: string };

/** The page's data; reading it is an audited read of the participant's proposal. */
export async function loadCoachProposalPage(
  user: Staff,
  proposalId: string | undefined,
  options: { ip?: string; now?: Date } = {},
) {
  const now = options.now ?? currentTime();
  const ip = options.ip;
  const p = await requireStaffProposal(proposalId, user.organizationId, now);

  const [presentation, withdrawn] = await Promise.all([loadPresentation(p.participant), withdrawnAt(p)]);
  await audit(db, {
    actorId: user.id,
    participantId: p.participantId,
    action: "read",
    entity: "proposal",
    detail: p.opening.title,
    ip,
  });
  const hasPlacement = p.placement !== null;
  const can = (event: Parameters<typeof canTransition>[1]) => canTransition({ status: p.status, hasPlacement }, event);
  return {
    today: dayKey(now),
    nowInput: toSwedishDateTimeInput(now),
    proposal: {
      id: p.id,
      status: p.status,
      waitingOn: waitingOn({ status: p.status, hasPlacement }),
      score: p.score,
      reasons: readReasons(p.reasons),
      distanceKm: proposalDistanceKm(p),
      proposedAt: p.proposedAt,
      expiresAt: p.expiresAt,
      daysLeft: daysLeft(p, now),
      participantAnswer: p.participantAnswer,
      participantReason: p.participantReason,
      participantAnsweredAt: p.participantAnsweredAt,
      presentedAt: p.presentedAt,
      employerDecision: p.employerDecision,
      employerReason: p.employerReason,
      employerAnsweredAt: p.employerAnsweredAt,
      visitAt: p.visitAt,
      proposedStartDate: p.proposedStartDate,
      coachNote: p.coachNote,
      withdrawnAt: withdrawn,
      placement: p.placement,
      coachName: p.coach?.name ?? null,
      participant: {
        id: p.participant.id,
        pseudonym: p.participant.pseudonym,
        hasAccount: p.participant.user !== null,
        hasEmail: Boolean(p.participant.email ?? p.participant.user?.email),
      },
      opening: {
        id: p.opening.id,
        title: p.opening.title,
        kind: p.opening.kind,
        status: p.opening.status,
        employerName: p.opening.employer.name,
        municipalityName: p.opening.workplace.municipality.name,
      },
    },
    can: {
      answer: can("participant_yes") || can("participant_no"),
      moreInfo: can("participant_more_info"),
      present: can("present"),
      visit: can("employer_visit"),
      start: can("employer_start"),
      decline: can("employer_decline"),
      withdraw: can("withdraw"),
    },
    presentation,
  };
}

export type CoachStepOutcome = StepResult | { ok: false; invalid: true; errors: FieldErrors; formError?: string };

/** One step the coach takes on the page (`intent`), with the submitted values. */
export async function coachProposalStep(
  user: Staff,
  proposalId: string | undefined,
  intent: string,
  values: Record<string, string | string[]>,
  options: { ip?: string; now?: Date } = {},
): Promise<CoachStepOutcome> {
  const now = options.now ?? currentTime();
  const ip = options.ip;
  const proposal = await requireStaffProposal(proposalId, user.organizationId, now);
  const invalid = (errors: FieldErrors, formError?: string) => ({
    ok: false as const,
    invalid: true as const,
    errors,
    formError,
  });
  switch (intent) {
    case "answer": {
      const parsed = parseWith(ParticipantAnswerSchema, values, values);
      if (!parsed.ok) return invalid(parsed.errors, parsed.formError);
      return await answerProposal(user, proposal, parsed.data, { onBehalf: true, ip, now });
    }
    case "present":
      return await presentProposal(user, proposal, { ip, now });
    case "visit": {
      const parsed = parseWith(visitSchema(now), values, values);
      if (!parsed.ok) return invalid(parsed.errors);
      return await decideProposal(
        user,
        proposal,
        { kind: "visit", visitAt: parsed.data.visitAt },
        { onBehalf: true, ip, now },
      );
    }
    case "start": {
      // A start that already happened may be recorded however long ago, but not before the enrolment.
      const parsed = parseWith(startSchema(now, { anyPast: true }), values, values);
      if (!parsed.ok) return invalid(parsed.errors);
      const outOfOrder = dateOrderProblem("placement", {
        enrolledAt: proposal.participant.enrolledAt,
        placementStarts: [parsed.data.startDate],
        exitedAt: proposal.participant.exitedAt,
      });
      if (outOfOrder) return invalid({ startDate: [outOfOrder] });
      // The back-dated start is audited inside decideProposal's transaction.
      return await decideProposal(user, proposal, { kind: "start", ...parsed.data }, { onBehalf: true, ip, now });
    }
    case "decline": {
      const parsed = parseWith(DeclineSchema, values, values);
      if (!parsed.ok) return invalid(parsed.errors);
      return await decideProposal(
        user,
        proposal,
        { kind: "decline", reason: parsed.data.reason },
        { onBehalf: true, ip, now },
      );
    }
    case "withdraw":
      return await withdrawProposal(user, proposal, { ip });
    default:
      return invalid({}, "Okänd åtgärd.");
  }
}
