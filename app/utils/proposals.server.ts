// The proposal workflow (docs/product-rules.md#proposal; docs/decisions/0010-proposal-workflow.md): scoped look-ups
// for each audience, every step as one transaction (status change guarded by the state machine of
// app/domain/proposals.ts with a compare-and-set update, audit event, email in the outbox), and the
// presentation an employer sees (disclosed profile items only).
//
// Who sees what:
//   coach/admin  every proposal of the organisation's participants (404 otherwise)
//   participant  their own proposals (404 otherwise); never the employer's reason or the score
//   employer     proposals of their own openings, only once presented after the participant's yes
//                (404 otherwise); the participant as pseudonym + disclosed items, nothing else
import { currentTime } from "./clock.server.ts";
import { enqueueEmail, kickOutbox } from "../../emails/outbox.server.ts";
import { getSearchEngine } from "../../search/index.ts";
import {
  buildPresentation,
  canTransition,
  checkTransition,
  coachProposalPath,
  EMPLOYER_VISIBLE_STATUSES,
  employerProposalPath,
  eventForAnswer,
  expiresAtFrom,
  kindShort,
  OPEN_STATUSES,
  participantAnswers,
  participantProposalPath,
  participantStatusText,
  proposalStatuses,
  type ParticipantAnswer,
  type Presentation,
  type ProposalEvent,
} from "~/domain/proposals.ts";
import { backdatedDetail, isBackdated } from "~/domain/date-order.ts";
import { haversineKm } from "~/domain/geo.ts";
import type { Reason } from "~/domain/matching/index.ts";
import { audit } from "./audit.server.ts";
import { type SessionUser } from "./auth.server.ts";
import { db, parseJson, type DbOrTx, type Prisma } from "./db.server.ts";
import { absoluteUrl } from "./env.server.ts";
import { whyNot } from "./matching.server.ts";
import { requireOrgParticipant } from "./participants.server.ts";
import { createPlacementFromProposal } from "./placements.server.ts";
import { loadProfile, profileLabels } from "./profiles.server.ts";
import { expireProposals, expireProposalsOfParticipant } from "./proposal-expiry.server.ts";
import { cachedRead } from "./read-connection.server.ts";
import { toDate, type SqlDate } from "./raw-values.ts";
import { notFound } from "./responses.server.ts";
import { formatDate, formatDateTime } from "~/domain/swedish-time.ts";
import { fail, type Result, type StatusRefusal } from "~/domain/result.ts";

export { expireProposals };

export type StepResult = Result<{ id: string; message: string }, StatusRefusal<400 | 409>>;

const refused = (message: string, status: 400 | 409 = 409): StepResult => fail({ status, message });

// ───────────────────────────── loading ─────────────────────────────

export const proposalInclude = {
  participant: {
    select: {
      id: true,
      pseudonym: true,
      organizationId: true,
      coachId: true,
      email: true,
      phase: true,
      enrolledAt: true,
      exitedAt: true,
      lat: true,
      lng: true,
      user: { select: { id: true, email: true } },
      municipality: { select: { lat: true, lng: true } },
      coach: { select: { id: true, name: true, email: true, phone: true } },
    },
  },
  opening: {
    select: {
      id: true,
      title: true,
      kind: true,
      status: true,
      description: true,
      tasks: true,
      hoursMin: true,
      hoursMax: true,
      schedule: true,
      supervisorName: true,
      purpose: true,
      lengthWeeks: true,
      places: true,
      startDate: true,
      endDate: true,
      employerId: true,
      employer: { select: { id: true, name: true, organizationId: true } },
      workplace: {
        select: {
          name: true,
          street: true,
          postalCode: true,
          lat: true,
          lng: true,
          municipality: { select: { name: true } },
        },
      },
    },
  },
  coach: { select: { id: true, name: true, email: true, phone: true } },
  placement: { select: { id: true, startDate: true, hoursPerWeek: true, endDate: true } },
} satisfies Prisma.ProposalInclude;

export type LoadedProposal = Prisma.ProposalGetPayload<{ include: typeof proposalInclude }>;

/** A proposal about a participant of the staff member's organisation, or a 404. */
export async function requireStaffProposal(
  proposalId: string | undefined,
  organizationId: string,
  now = currentTime(),
): Promise<LoadedProposal> {
  const id = proposalId ?? "";
  await expireProposals(now, { id });
  const proposal = await db.proposal.findFirst({
    where: { id, participant: { organizationId, erasedAt: null } },
    include: proposalInclude,
  });
  if (!proposal) notFound("Förslaget finns inte.");
  return proposal;
}

/** One of the participant's own proposals, or a 404 (another participant's proposal is not revealed). */
export async function requireParticipantProposal(
  proposalId: string | undefined,
  participantId: string,
  now = currentTime(),
): Promise<LoadedProposal> {
  const id = proposalId ?? "";
  await expireProposals(now, { id });
  const proposal = await db.proposal.findFirst({
    where: { id, participantId, participant: { erasedAt: null } },
    include: proposalInclude,
  });
  if (!proposal) notFound("Förslaget finns inte.");
  return proposal;
}

/** The employer's where-clause: own openings, presented after the participant's yes. */
export function employerProposalWhere(employerId: string): Prisma.ProposalWhereInput {
  return {
    opening: { employerId },
    status: { in: [...EMPLOYER_VISIBLE_STATUSES] },
    presentedAt: { not: null },
    participantAnswer: "yes",
    participant: { erasedAt: null },
  };
}

/** A proposal presented to this employer, or a 404 (before the participant's yes and the presentation it does not exist for them). */
export async function requireEmployerProposal(
  proposalId: string | undefined,
  employerId: string,
): Promise<LoadedProposal> {
  const proposal = await db.proposal.findFirst({
    where: { id: proposalId ?? "", ...employerProposalWhere(employerId) },
    include: proposalInclude,
  });
  if (!proposal) notFound("Förslaget finns inte.");
  return proposal;
}

export function readReasons(json: string): Reason[] {
  const list = parseJson<unknown>(json, []);
  return Array.isArray(list)
    ? list.filter(
        (r): r is Reason =>
          !!r &&
          typeof r === "object" &&
          typeof (r as Reason).text === "string" &&
          typeof (r as Reason).points === "number",
      )
    : [];
}

/** What an employer is (or would be) shown about the participant: pseudonym and disclosed items only. */
export async function loadPresentation(participant: { id: string; pseudonym: string }): Promise<Presentation> {
  const { profile } = await loadProfile(participant.id);
  const labels = await profileLabels(profile);
  return buildPresentation(participant.pseudonym, profile, labels);
}

/** Home → workplace in km (one decimal), from the participant's point or their municipality's. */
export function proposalDistanceKm(p: LoadedProposal): number | null {
  const home =
    p.participant.lat != null && p.participant.lng != null
      ? { lat: p.participant.lat, lng: p.participant.lng }
      : p.participant.municipality
        ? { lat: p.participant.municipality.lat, lng: p.participant.municipality.lng }
        : null;
  const work = p.opening.workplace;
  if (!home) return null;
  return Math.round(haversineKm(home, work) * 10) / 10;
}

// ───────────────────────────── the state change ─────────────────────────────

/**
 * Move a proposal along the state machine inside a transaction: the check, then a compare-and-set
 * update on the status it had when it was read (two simultaneous answers: one wins, one is refused).
 */
async function transition(
  tx: DbOrTx,
  proposal: { id: string; status: string; placement: { id: string } | null },
  event: ProposalEvent,
  data: Prisma.ProposalUpdateManyMutationInput,
): Promise<Result> {
  const check = checkTransition({ status: proposal.status, hasPlacement: proposal.placement !== null }, event);
  if (!check.ok) return check;
  const { count } = await tx.proposal.updateMany({
    where: { id: proposal.id, status: proposal.status, placement: { is: null } },
    data: { ...data, status: check.to },
  });
  if (count !== 1)
    return { ok: false, message: "Förslaget ändrades nyss av någon annan. Ladda om sidan och försök igen." };
  return { ok: true };
}

class Refusal extends Error {
  constructor(readonly result: StepResult) {
    super("refused");
  }
}

/** Run a step in a transaction; a Refusal thrown inside rolls everything back and becomes the result. */
async function step(run: (tx: DbOrTx) => Promise<StepResult>): Promise<StepResult> {
  try {
    const result = await db.$transaction(run);
    if (result.ok) kickOutbox();
    return result;
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    throw error;
  }
}

async function must(
  tx: DbOrTx,
  proposal: LoadedProposal,
  event: ProposalEvent,
  data: Prisma.ProposalUpdateManyMutationInput,
) {
  const moved = await transition(tx, proposal, event, data);
  if (!moved.ok) throw new Refusal(refused(moved.message));
}

// ───────────────────────────── notifications ─────────────────────────────

async function notifyCoach(tx: DbOrTx, proposal: LoadedProposal, update: string, next: string | null) {
  const coach = proposal.coach ?? proposal.participant.coach;
  if (!coach?.email) return;
  await enqueueEmail(tx, {
    template: "proposalUpdate",
    to: coach.email,
    data: {
      recipientName: coach.name,
      pseudonym: proposal.participant.pseudonym,
      openingTitle: proposal.opening.title,
      update,
      next,
      url: absoluteUrl(coachProposalPath(proposal.id)),
    },
  });
}

// ───────────────────────────── the steps ─────────────────────────────

export type Staff = SessionUser & { organizationId: string };

/**
 * The coach proposes an opening to a participant (docs/product-rules.md#match-lists, #proposal). Refused with 400 when the
 * opening is unknown or breaks one of the participant's hard rules (named), 409 when an open
 * proposal for the same pair exists. Stores the matcher's score and reasons; emails the participant.
 */
export async function createProposal(
  staff: Staff,
  input: { participantId: string; openingId: string; note?: string | null; ip?: string; now?: Date },
): Promise<StepResult> {
  const now = input.now ?? currentTime();
  const participant = await requireOrgParticipant(input.participantId, staff.organizationId);
  if (participant.phase === "exited") return refused("Deltagaren är avslutad och kan inte få nya förslag.", 400);
  const opening = await db.opening.findUnique({
    where: { id: input.openingId },
    select: { id: true, title: true, kind: true, status: true, employer: { select: { organizationId: true } } },
  });
  if (!opening || (opening.status === "draft" && opening.employer.organizationId !== staff.organizationId))
    return refused("Annonsen finns inte.", 400);

  const evaluation = await whyNot(participant.id, opening.id, { organizationId: staff.organizationId, now });
  if (!evaluation.ok)
    return refused(`Förslaget går inte att skicka: ${evaluation.failures.map((f) => f.text).join(" ")}`, 400);

  await expireProposals(now, { participantId: participant.id, openingId: opening.id });
  const open = await db.proposal.findFirst({
    where: { participantId: participant.id, openingId: opening.id, status: { in: [...OPEN_STATUSES] } },
    select: { status: true },
  });
  if (open)
    return refused(
      `${participant.pseudonym} har redan ett förslag om ”${opening.title}” (${proposalStatuses.label(open.status).toLowerCase()}).`,
    );

  const coach = await db.user.findUnique({ where: { id: staff.id }, select: { name: true } });
  const account = participant.userId
    ? await db.user.findUnique({ where: { id: participant.userId }, select: { email: true } })
    : null;
  const email = participant.email ?? account?.email ?? null;
  return step(async (tx) => {
    const proposal = await tx.proposal.create({
      data: {
        participantId: participant.id,
        openingId: opening.id,
        coachId: staff.id,
        score: evaluation.score,
        reasons: JSON.stringify(evaluation.reasons),
        status: "proposed",
        proposedAt: now,
        expiresAt: expiresAtFrom(now),
        coachNote: input.note || null,
      },
    });
    await audit(tx, {
      actorId: staff.id,
      participantId: participant.id,
      action: "create",
      entity: "proposal",
      detail: `Förslag: ${opening.title} (${evaluation.score} poäng)`,
      ip: input.ip,
    });
    if (email) {
      await enqueueEmail(tx, {
        template: "proposalToParticipant",
        to: email,
        data: {
          name: participant.pseudonym,
          coachName: coach?.name ?? "Din coach",
          openingTitle: opening.title,
          kindText: kindShort(opening.kind),
          url: absoluteUrl(participantProposalPath(proposal.id)),
          note: input.note || null,
        },
      });
    }
    return {
      ok: true,
      id: proposal.id,
      message: `${participant.pseudonym} har fått förslaget ”${opening.title}”.${email ? " Ett mejl är skickat." : " Deltagaren har ingen e-post: berätta om förslaget och registrera svaret."}`,
    };
  });
}

/**
 * The participant answers ja / nej / vill veta mer (or the coach records what the participant said:
 * `onBehalf`). "Vill veta mer" gives the participant a new answer period. The coach is emailed
 * when the participant answered themself.
 */
export async function answerProposal(
  actor: SessionUser,
  proposal: LoadedProposal,
  input: { answer: ParticipantAnswer; reason: string | null },
  options: { onBehalf: boolean; ip?: string; now?: Date },
): Promise<StepResult> {
  const now = options.now ?? currentTime();
  const label = participantAnswers.label(input.answer);
  return step(async (tx) => {
    await must(tx, proposal, eventForAnswer(input.answer), {
      participantAnswer: input.answer,
      participantReason: input.reason,
      participantAnsweredAt: now,
      ...(input.answer === "more_info" ? { expiresAt: expiresAtFrom(now) } : {}),
    });
    await audit(tx, {
      actorId: actor.id,
      participantId: proposal.participantId,
      action: "update",
      entity: "proposal",
      detail: `Svar på ”${proposal.opening.title}”: ${label}${options.onBehalf ? " (registrerat av coachen)" : ""}`,
      ip: options.ip,
    });
    if (!options.onBehalf) {
      const [update, next] =
        input.answer === "yes"
          ? ["Deltagaren sa ja.", "Presentera deltagaren för arbetsgivaren."]
          : input.answer === "no"
            ? [
                "Deltagaren sa nej.",
                proposal.status === "presented" || proposal.status === "accepted_by_employer"
                  ? "Arbetsgivaren ser inte längre presentationen. Berätta för arbetsgivaren."
                  : null,
              ]
            : ["Deltagaren vill veta mer.", "Hör av dig till deltagaren."];
      await notifyCoach(tx, proposal, update, next);
    }
    // The participant's page shows what happens next right below this confirmation.
    const message = options.onBehalf ? `Deltagarens svar är registrerat: ${label}.` : "Tack! Ditt svar är sparat.";
    return { ok: true, id: proposal.id, message };
  });
}

/**
 * The coach presents the participant to the employer after the participant's yes. The employer
 * users are emailed; the audit trail records which profile items were shown.
 */
export async function presentProposal(
  staff: Staff,
  proposal: LoadedProposal,
  options: { ip?: string; now?: Date } = {},
): Promise<StepResult> {
  const now = options.now ?? currentTime();
  if (proposal.opening.status !== "published")
    return refused("Annonsen är inte publicerad längre, så deltagaren kan inte presenteras.");
  const presentation = await loadPresentation(proposal.participant);
  const organization = await db.organization.findUnique({
    where: { id: staff.organizationId },
    select: { name: true },
  });
  return step(async (tx) => {
    await must(tx, proposal, "present", { presentedAt: now });
    const shown = presentation.sections.map((s) => s.title);
    await audit(tx, {
      actorId: staff.id,
      participantId: proposal.participantId,
      action: "update",
      entity: "presentation",
      detail: `Presenterad för ${proposal.opening.employer.name} (${proposal.opening.title}). Visas: ${shown.length ? shown.join(", ") : "bara pseudonymen"}`,
      ip: options.ip,
    });
    const recipients = await tx.user.findMany({
      where: { employerId: proposal.opening.employerId, role: "employer", deactivatedAt: null, email: { not: null } },
      select: { name: true, email: true },
    });
    for (const r of recipients) {
      await enqueueEmail(tx, {
        template: "participantPresented",
        to: r.email!,
        data: {
          recipientName: r.name,
          coachName: staff.name,
          organizationName: organization?.name ?? "coachorganisationen",
          openingTitle: proposal.opening.title,
          url: absoluteUrl(employerProposalPath(proposal.id)),
        },
      });
    }
    return {
      ok: true,
      id: proposal.id,
      message: `${proposal.participant.pseudonym} är presenterad för ${proposal.opening.employer.name}.${recipients.length ? "" : " Arbetsgivaren har ingen e-post i Brygga: ring och berätta."}`,
    };
  });
}

export type EmployerDecision =
  | { kind: "visit"; visitAt: Date }
  | { kind: "start"; startDate: Date; hoursPerWeek: number | null }
  | { kind: "decline"; reason: string };

/**
 * The employer's answer (or the coach recording it: `onBehalf`): a study visit, a start date (the
 * placement and its support thread are created), or no with a reason. A start date is also how a
 * start is recorded after a study visit.
 */
export async function decideProposal(
  actor: SessionUser,
  proposal: LoadedProposal,
  decision: EmployerDecision,
  options: { onBehalf: boolean; ip?: string; now?: Date },
): Promise<StepResult> {
  const now = options.now ?? currentTime();
  const who = options.onBehalf ? " (registrerat av coachen)" : "";
  if (decision.kind === "start") {
    const taken = await db.placement.count({ where: { openingId: proposal.openingId, status: { not: "ended" } } });
    if (taken >= proposal.opening.places)
      return refused(`Alla platser (${proposal.opening.places}) på ”${proposal.opening.title}” är redan tillsatta.`);
  }
  return step(async (tx) => {
    let update: string;
    let next: string | null = null;
    let message: string;
    if (decision.kind === "visit") {
      await must(tx, proposal, "employer_visit", {
        employerDecision: "accept",
        employerAnsweredAt: now,
        visitAt: decision.visitAt,
      });
      update = `Arbetsgivaren vill ha ett studiebesök ${formatDateTime(decision.visitAt)}.`;
      next = "Förbered deltagaren. Efter besöket bestämmer ni startdatum.";
      message = `Studiebesöket är bokat ${formatDateTime(decision.visitAt)}. Efter besöket kan ni välja startdatum här.`;
    } else if (decision.kind === "decline") {
      await must(tx, proposal, "employer_decline", {
        employerDecision: "decline",
        employerReason: decision.reason,
        employerAnsweredAt: now,
      });
      update = "Arbetsgivaren sa nej.";
      next = "Berätta för deltagaren.";
      message = "Ert svar är skickat till coachen. Tack för att ni förklarade varför.";
    } else {
      const check = checkTransition(
        { status: proposal.status, hasPlacement: proposal.placement !== null },
        "employer_start",
      );
      if (!check.ok) throw new Refusal(refused(check.message));
      const { count } = await tx.proposal.updateMany({
        where: { id: proposal.id, status: proposal.status, placement: { is: null } },
        data: { employerAnsweredAt: proposal.employerAnsweredAt ?? now },
      });
      if (count !== 1)
        throw new Refusal(refused("Förslaget ändrades nyss av någon annan. Ladda om sidan och försök igen."));
      await createPlacementFromProposal(tx, {
        proposalId: proposal.id,
        startDate: decision.startDate,
        actorId: actor.id,
        hoursPerWeek: decision.hoursPerWeek,
      });
      // A start recorded after the fact (coach on the employer's behalf) is audited as back-dated in
      // the same transaction: a failure leaves neither the placement nor the audit row.
      if (isBackdated(decision.startDate, now)) {
        await audit(tx, {
          actorId: actor.id,
          participantId: proposal.participantId,
          action: "update",
          entity: "placement_date",
          detail: backdatedDetail(`Placeringsstart (${proposal.opening.title})`, decision.startDate),
          ip: options.ip,
        });
      }
      update = `Start ${formatDate(decision.startDate)}.`;
      next = "Placeringen och stödtråden med arbetsgivaren är skapade.";
      message = `Klart! ${proposal.participant.pseudonym} börjar ${formatDate(decision.startDate)}. Coachen och ni har nu en egen tråd för stödet.`;
    }
    await audit(tx, {
      actorId: actor.id,
      participantId: proposal.participantId,
      action: "update",
      entity: "proposal",
      detail: `Arbetsgivarens svar på ”${proposal.opening.title}”: ${decision.kind === "visit" ? "studiebesök" : decision.kind === "start" ? "start" : "nej"}${who}`,
      ip: options.ip,
    });
    if (!options.onBehalf) await notifyCoach(tx, proposal, update, next);
    return { ok: true, id: proposal.id, message };
  });
}

/** The audit detail of a withdrawal; the proposal has no column for it, so the coach's timeline reads the time from here. */
export function withdrawnDetail(proposal: { id: string; opening: { title: string } }): string {
  return `Tillbakadraget: ${proposal.opening.title} (förslag ${proposal.id})`;
}

/** When the proposal was withdrawn (from the audit trail), or null. */
export async function withdrawnAt(proposal: {
  id: string;
  participantId: string;
  status: string;
  opening: { title: string };
}): Promise<Date | null> {
  if (proposal.status !== "withdrawn") return null;
  const event = await db.auditEvent.findFirst({
    where: { participantId: proposal.participantId, entity: "proposal", detail: withdrawnDetail(proposal) },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  return event?.at ?? null;
}

/** The coach takes a proposal back (before a placement starts). */
export async function withdrawProposal(
  staff: Staff,
  proposal: LoadedProposal,
  options: { ip?: string } = {},
): Promise<StepResult> {
  return step(async (tx) => {
    await must(tx, proposal, "withdraw", {});
    await audit(tx, {
      actorId: staff.id,
      participantId: proposal.participantId,
      action: "update",
      entity: "proposal",
      detail: withdrawnDetail(proposal),
      ip: options.ip,
    });
    return { ok: true, id: proposal.id, message: "Förslaget är tillbakadraget." };
  });
}

// ───────────────────────────── "varför inte?": which opening did the coach mean? ─────────────────────────────

export type OpeningChoice = { id: string; title: string; employerName: string; municipalityName: string };
export type OpeningReference =
  | { kind: "found"; openingId: string }
  | { kind: "choices"; choices: OpeningChoice[] }
  | { kind: "none"; message: string }
  | { kind: "unknown"; message: string };

const ID_RE = /^[A-Za-z0-9_-]{6,64}$/;
const LINK_RE = /\/(?:uppdrag|annonser)\/([A-Za-z0-9_-]{6,64})(?:[/?#]|$)/;

/**
 * The opening a coach typed for "varför inte?": a pasted link (…/uppdrag/<id> or …/annonser/<id>),
 * an id, or words from the title (searched like "Sök uppdrag"). A link or id the coach may not see
 * is "unknown" (the page answers 400), words without hits are "none".
 */
export async function resolveOpeningReference(input: string, organizationId: string): Promise<OpeningReference> {
  const text = input.trim().slice(0, 300);
  const fromLink = LINK_RE.exec(text)?.[1] ?? null;
  const id = fromLink ?? (ID_RE.test(text) ? text : null);
  if (id) {
    const opening = await db.opening.findUnique({
      where: { id },
      select: { id: true, status: true, employer: { select: { organizationId: true } } },
    });
    if (opening && !(opening.status === "draft" && opening.employer.organizationId !== organizationId))
      return { kind: "found", openingId: opening.id };
    if (fromLink || /^https?:\/\//.test(text))
      return { kind: "unknown", message: "Hittade ingen annons med den länken." };
  } else if (/^https?:\/\//.test(text)) {
    return { kind: "unknown", message: "Länken går inte till en annons. Klistra in länken från annonsens sida." };
  }
  const { hits } = await getSearchEngine(db).searchOpenings({ text, limit: 10 });
  if (hits.length === 0)
    return {
      kind: "none",
      message: `Hittade ingen publicerad annons som matchar ”${text}”. Klistra in länken till annonsen i stället.`,
    };
  const rows = await db.opening.findMany({
    where: { id: { in: hits.map((h) => h.id) } },
    select: {
      id: true,
      title: true,
      employer: { select: { name: true } },
      workplace: { select: { municipality: { select: { name: true } } } },
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const choices = hits.flatMap((h) => {
    const r = byId.get(h.id);
    return r
      ? [{ id: r.id, title: r.title, employerName: r.employer.name, municipalityName: r.workplace.municipality.name }]
      : [];
  });
  return choices.length === 1 ? { kind: "found", openingId: choices[0]!.id } : { kind: "choices", choices };
}

// ───────────────────────────── lists ─────────────────────────────

/** The participant's proposals as the participant may see them (shared with the start page). */
export async function listParticipantProposals(participantId: string) {
  await expireProposalsOfParticipant(participantId);
  // One statement through a kept prepared statement (read-connection.server.ts): the start page
  // shows these on every visit, and Prisma's nested select took six statements (issue 16).
  const rows = await cachedRead<{
    id: string;
    status: string;
    proposedAt: SqlDate;
    expiresAt: SqlDate;
    visitAt: SqlDate;
    title: string;
    kind: string;
    employerName: string;
    municipalityName: string;
    placementId: string | null;
    placementStartDate: SqlDate;
  }>(
    db,
    `SELECT p."id", p."status", p."proposedAt", p."expiresAt", p."visitAt", o."title", o."kind",
        e."name" AS "employerName", m."name" AS "municipalityName",
        pl."id" AS "placementId", pl."startDate" AS "placementStartDate"
      FROM "Proposal" p
      JOIN "Opening" o ON o."id" = p."openingId"
      JOIN "Employer" e ON e."id" = o."employerId"
      JOIN "Workplace" w ON w."id" = o."workplaceId"
      JOIN "Municipality" m ON m."code" = w."municipalityCode"
      LEFT JOIN "Placement" pl ON pl."proposalId" = p."id"
      WHERE p."participantId" = ?
      ORDER BY p."proposedAt" DESC`,
    [participantId],
  );
  return rows.map((r) => {
    const hasPlacement = r.placementId !== null;
    const visitAt = toDate(r.visitAt);
    return {
      id: r.id,
      title: r.title,
      kind: kindShort(r.kind),
      where: `${r.employerName}, ${r.municipalityName}`,
      proposedAt: toDate(r.proposedAt)!,
      answerBy: r.status === "proposed" || r.status === "more_info" ? toDate(r.expiresAt) : null,
      waiting: canTransition({ status: r.status, hasPlacement }, "participant_yes"),
      statusText: participantStatusText(
        { status: r.status, hasPlacement, visitAt, startDate: toDate(r.placementStartDate) },
        { date: formatDate, dateTime: formatDateTime },
      ),
    };
  });
}
