// Lönestödsförslag (issue 15): the coach prepares one on a presented candidate (a proposal) or a
// placement; the employer reads it, month by month, and asks the coach about it in the thread.
// Scope: the coach's organisation's participants only; the employer's own presented proposals and
// placements only (anything else is a 404). What the employer sees holds no participant data beyond
// the plan itself: the contribution category is shown as a rate, never as an age, and a lönestöd
// form (which tells that the work capacity is reduced) needs the participant's disclosure of their
// accommodation needs.
import { currentTime } from "./clock.server.ts";
import type { SessionUser } from "./auth.server.ts";
import { audit } from "./audit.server.ts";
import { db } from "./db.server.ts";
import { loadProfile } from "./profiles.server.ts";
import { requireEmployerProposal, requireStaffProposal } from "./proposals.server.ts";
import { askQuestion, employerQuestionPath } from "./questions.server.ts";
import { notFound } from "./responses.server.ts";
import { postPlacementMessage, requirePlacement } from "./support.server.ts";
import { fail, ok, type Result } from "~/domain/result.ts";
import { dayKey, parseDateInput } from "~/domain/swedish-time.ts";
import {
  calculateWageSubsidy,
  contributionCategoryFor,
  formLabels,
  readSteps,
  type Calculation,
  type WageSubsidyFormData,
  type WageSubsidyInput,
} from "~/domain/wage-subsidy.ts";
import {
  CONTRIBUTION_CATEGORIES,
  WAGE_SUBSIDY_FORMS,
  parameterSetFor,
  type ContributionCategory,
  type WageSubsidyForm,
} from "~/domain/wage-subsidy-parameters.ts";

export type Target = { kind: "proposal" | "placement"; id: string };

/** Lönestöd forms: choosing one tells the employer that the work capacity is reduced. */
const DISABILITY_FORMS: readonly WageSubsidyForm[] = ["lonestod_utveckling", "lonestod_trygghet", "skyddat_offentligt"];

export const wageSubsidyPaths = {
  coach: (t: Target) =>
    t.kind === "proposal" ? `/coach/forslag/${t.id}/lonestod` : `/coach/placeringar/${t.id}/lonestod`,
  employer: (t: Target) =>
    t.kind === "proposal" ? `/arbetsgivare/forslag/${t.id}/lonestod` : `/arbetsgivare/placeringar/${t.id}/lonestod`,
};

type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

function findPlan(target: Target) {
  return db.wageSubsidyPlan.findUnique({
    where: target.kind === "proposal" ? { proposalId: target.id } : { placementId: target.id },
  });
}

function toInput(row: PlanRow): WageSubsidyInput {
  return {
    form: (WAGE_SUBSIDY_FORMS as readonly string[]).includes(row.form) ? (row.form as WageSubsidyForm) : "none",
    monthlySalary: row.monthlySalary,
    hoursPerWeek: row.hoursPerWeek,
    holidayPay: row.holidayPay,
    contributionCategory: (CONTRIBUTION_CATEGORIES as readonly string[]).includes(row.contributionCategory)
      ? (row.contributionCategory as ContributionCategory)
      : "standard",
    startDate: dayKey(row.startDate),
    steps: readSteps(row.steps),
  };
}

export type PlanView = {
  input: WageSubsidyInput;
  note: string | null;
  updatedAt: Date;
  calculation: Calculation | null;
};

function view(row: PlanRow): PlanView {
  const input = toInput(row);
  return { input, note: row.note, updatedAt: row.updatedAt, calculation: calculateWageSubsidy(input) };
}

// ───────────── the coach ─────────────

type Staff = SessionUser & { organizationId: string };

/** The participant and the page's subject for a coach, or a 404 outside the coach's organisation. */
async function requireStaffTarget(user: Staff, target: Target) {
  if (target.kind === "proposal") {
    const p = await requireStaffProposal(target.id, user.organizationId);
    return {
      participantId: p.participantId,
      pseudonym: p.participant.pseudonym,
      openingTitle: p.opening.title,
      employerName: p.opening.employer.name,
      startDate: p.placement?.startDate ?? p.proposedStartDate ?? null,
      hoursPerWeek: p.placement?.hoursPerWeek ?? null,
      backTo: `/coach/forslag/${p.id}`,
    };
  }
  const placement = await requirePlacement(user, target.id, "staff");
  return {
    participantId: placement.participantId,
    pseudonym: placement.participant.pseudonym,
    openingTitle: placement.opening.title,
    employerName: placement.opening.employer.name,
    startDate: placement.startDate,
    hoursPerWeek: placement.hoursPerWeek,
    backTo: `/coach/placeringar/${placement.id}`,
  };
}

async function needsDisclosed(participantId: string): Promise<boolean> {
  const { profile } = await loadProfile(participantId);
  return profile.disclosure.needs === true;
}

/** What the coach's page shows: the subject, the saved plan (if any) and a suggested contribution category. */
export async function loadCoachWageSubsidy(user: Staff, target: Target, now = currentTime()) {
  const subject = await requireStaffTarget(user, target);
  const row = await findPlan(target);
  const participant = await db.participant.findUniqueOrThrow({
    where: { id: subject.participantId },
    select: { birthYear: true },
  });
  const startDay = row ? dayKey(row.startDate) : dayKey(subject.startDate ?? now);
  const set = parameterSetFor(startDay) ?? parameterSetFor(dayKey(now));
  // For the coach only: the category the recorded birth year gives in the start year.
  const suggestedCategory =
    participant.birthYear && set
      ? contributionCategoryFor(participant.birthYear, Number(startDay.slice(0, 4)), set)
      : null;
  return {
    subject: { ...subject, startDate: subject.startDate ? dayKey(subject.startDate) : null },
    plan: row ? view(row) : null,
    suggestedCategory,
    needsDisclosed: await needsDisclosed(subject.participantId),
  };
}

export type SaveResult = Result<{ message: string }, { status: 400; message: string; field?: string }>;

/** Save (create or replace) the plan. A lönestöd form needs the participant's disclosed accommodation needs. */
export async function saveWageSubsidyPlan(
  user: Staff,
  target: Target,
  data: WageSubsidyFormData,
  ip?: string,
): Promise<SaveResult> {
  const subject = await requireStaffTarget(user, target);
  if (DISABILITY_FORMS.includes(data.form) && !(await needsDisclosed(subject.participantId)))
    return fail({
      status: 400 as const,
      field: "form",
      message:
        "Lönestöd visar arbetsgivaren att arbetsförmågan är nedsatt. Deltagaren har inte valt att visa sina anpassningar – fråga deltagaren först, eller välj en annan stödform.",
    });
  const values = {
    form: data.form,
    monthlySalary: data.monthlySalary,
    hoursPerWeek: data.hoursPerWeek,
    holidayPay: data.holidayPay,
    contributionCategory: data.contributionCategory,
    startDate: parseDateInput(data.startDate)!,
    steps: JSON.stringify(data.steps),
    note: data.note,
    updatedById: user.id,
  };
  await db.$transaction(async (tx) => {
    const where = target.kind === "proposal" ? { proposalId: target.id } : { placementId: target.id };
    await tx.wageSubsidyPlan.upsert({
      where,
      create: { ...where, ...values, createdById: user.id },
      update: values,
    });
    await audit(tx, {
      actorId: user.id,
      participantId: subject.participantId,
      action: "update",
      entity: "wage-subsidy",
      detail: `${formLabels[data.form]}, ${data.hoursPerWeek} timmar i veckan, start ${data.startDate}`,
      ip,
    });
  });
  return ok({ message: "Lönestödsförslaget är sparat. Arbetsgivaren ser det på förslaget." });
}

// ───────────── the employer ─────────────

type EmployerUser = SessionUser & { employerId: string };

async function requireEmployerTarget(user: EmployerUser, target: Target) {
  if (target.kind === "proposal") {
    const p = await requireEmployerProposal(target.id, user.employerId);
    const coach = p.coach ?? p.participant.coach;
    return {
      participantId: p.participantId,
      pseudonym: p.participant.pseudonym,
      openingTitle: p.opening.title,
      backTo: `/arbetsgivare/forslag/${p.id}`,
      coachName: coach?.name ?? null,
      placement: null,
    };
  }
  const placement = await requirePlacement(user, target.id, "employer");
  return {
    participantId: placement.participantId,
    pseudonym: placement.participant.pseudonym,
    openingTitle: placement.opening.title,
    backTo: `/arbetsgivare/placeringar/${placement.id}`,
    coachName: placement.participant.coach?.name ?? null,
    placement,
  };
}

/** The employer's view of the plan; a 404 when there is none (or the target is not theirs). */
export async function loadEmployerWageSubsidy(user: EmployerUser, target: Target, ip?: string) {
  const subject = await requireEmployerTarget(user, target);
  const row = await findPlan(target);
  if (!row) notFound("Det finns inget lönestödsförslag här ännu.");
  await audit(db, {
    actorId: user.id,
    participantId: subject.participantId,
    action: "read",
    entity: "wage-subsidy",
    detail: "Arbetsgivaren läste lönestödsförslaget",
    ip,
  });
  const { placement: _placement, participantId: _participantId, ...shown } = subject;
  return { subject: shown, plan: view(row) };
}

/** Does a plan exist for the target (for a link on the proposal or placement page)? */
export async function hasWageSubsidyPlan(target: Target): Promise<boolean> {
  return (await findPlan(target)) !== null;
}

export type AskResult = Result<{ redirectTo: string; message: string }, { message: string }>;

/**
 * The employer asks the coach about the plan: on a placement in its support thread, on a proposal
 * as a new question to the coach ("fråga coachen") that names the proposal.
 */
export async function askAboutWageSubsidy(user: EmployerUser, target: Target, body: string): Promise<AskResult> {
  const subject = await requireEmployerTarget(user, target);
  if (!(await findPlan(target))) notFound("Det finns inget lönestödsförslag här ännu.");
  const text = `Fråga om lönestödsförslaget: ${body}`;
  if (subject.placement) {
    const posted = await postPlacementMessage(user, subject.placement, { body: text, shared: false });
    if (!posted.ok) return fail({ message: posted.message });
    return ok({ redirectTo: subject.backTo, message: "Frågan är skickad till coachen i er tråd." });
  }
  const asked = await askQuestion(user, {
    subject: `Lönestödsförslag: ${subject.pseudonym} – ${subject.openingTitle}`,
    body: text,
  });
  if (!asked.ok) return fail({ message: asked.message });
  return ok({ redirectTo: employerQuestionPath(asked.threadId), message: "Frågan är skickad till coachen." });
}
