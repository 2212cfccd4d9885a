// The proposal workflow (docs/product-rules.md#proposal, docs/decisions/0010-proposal-workflow.md): the one place for
// the status vocabulary, the state machine, who a proposal waits on, the answer forms and the
// presentation an employer sees. Pure: no I/O.
//
//   coach proposes ─▶ proposed ──(participant: ja)──────────▶ accepted_by_participant
//                        │  └──(participant: vill veta mer)─▶ more_info ─(ja / nej)─▶ …
//                        └──(participant: nej)─────────────▶ declined_by_participant
//   accepted_by_participant ─(coach presents)─▶ presented
//   presented ─(employer: studiebesök)─▶ accepted_by_employer (visitAt, no placement yet)
//   presented / accepted_by_employer without placement ─(employer or coach: startdatum)─▶
//             accepted_by_employer + Placement (createPlacementFromProposal)
//   presented / accepted_by_employer without placement ─(employer: nej)─▶ declined_by_employer
//   proposed / more_info past expiresAt ─▶ expired;  any open step ─(coach)─▶ withdrawn
//   the participant may change their mind and say no at any step before a placement starts.
import { z } from "zod";
import {
  disclosureItems,
  environmentDimensionCodes,
  experienceFactors,
  type DisclosureItem,
  type ProfileData,
} from "./profile.ts";
import { accommodations } from "./vocab/accommodations.ts";
import { drivingLicences } from "./vocab/driving-licences.ts";
import { environmentDimensionLabels, environmentDimensions, instructionStyles } from "./vocab/environment.ts";
import { scheduleTimes, travelPhrase } from "./vocab/schedule.ts";
import { requiredDateField } from "./form-rules.ts";
import { joinSv, sentencesSv } from "./swedish.ts";
import { addDays, daysBetween, parseSwedishDateTime, todayDate } from "./swedish-time.ts";
import { vocabulary } from "./vocab/vocabulary.ts";
import type { Result } from "./result.ts";

// ───────────────────────────── configuration ─────────────────────────────

/** Days a participant has to answer before an unanswered proposal expires. */
export const PROPOSAL_EXPIRY_DAYS = 14;
/** "Expiring soon" on the coach's overview: this many days or fewer left. */
export const EXPIRING_SOON_DAYS = 3;
/** How often the server expires proposals in the background (they also expire lazily on read). */
export const PROPOSAL_EXPIRY_INTERVAL_MS = 15 * 60_000;

export const PROPOSAL_LIMITS = { reason: 1000, declineReasonMin: 3 } as const;

export const coachProposalPath = (id: string) => `/coach/forslag/${id}`;
export const participantProposalPath = (id: string) => `/deltagare/forslag/${id}`;
export const employerProposalPath = (id: string) => `/arbetsgivare/forslag/${id}`;

// ───────────────────────────── statuses ─────────────────────────────

/** Status codes (Proposal.status) with the coach's Swedish label. */
export const proposalStatuses = vocabulary({
  proposed: "Föreslagen – väntar på deltagaren",
  more_info: "Deltagaren vill veta mer",
  declined_by_participant: "Deltagaren sa nej",
  accepted_by_participant: "Deltagaren sa ja – presentera",
  presented: "Presenterad – väntar på arbetsgivaren",
  accepted_by_employer: "Arbetsgivaren sa ja",
  declined_by_employer: "Arbetsgivaren sa nej",
  expired: "Gick ut utan svar",
  withdrawn: "Tillbakadragen",
});
export type ProposalStatus = (typeof proposalStatuses.codes)[number];

/** Still in progress (a new proposal for the same participant and opening is refused meanwhile). */
export const OPEN_STATUSES: readonly ProposalStatus[] = [
  "proposed",
  "more_info",
  "accepted_by_participant",
  "presented",
  "accepted_by_employer",
];
/** Whether a status is still in progress (see OPEN_STATUSES). */
export function isOpenStatus(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

/**
 * The proposal to show for each pair, keyed by the other side of the pair: the newest open one, else
 * the newest. `proposals` come newest first.
 */
export function latestProposalsBy<K extends "openingId" | "participantId">(
  proposals: ReadonlyArray<{ id: string; status: string } & Record<K, string>>,
  key: K,
): Map<string, { id: string; status: string }> {
  const latest = new Map<string, { id: string; status: string }>();
  for (const p of proposals) {
    const seen = latest.get(p[key]);
    if (!seen || (!isOpenStatus(seen.status) && isOpenStatus(p.status)))
      latest.set(p[key], { id: p.id, status: p.status });
  }
  return latest;
}
/** Waiting for the participant's answer: these expire. */
export const EXPIRING_STATUSES: readonly ProposalStatus[] = ["proposed", "more_info"];
/** What an employer may ever see: only after the participant's yes and the coach's presentation. */
export const EMPLOYER_VISIBLE_STATUSES: readonly ProposalStatus[] = [
  "presented",
  "accepted_by_employer",
  "declined_by_employer",
];
/** The employer sees the participant's disclosed profile while deciding and after saying yes (not after a no). */
export const EMPLOYER_PRESENTATION_STATUSES: readonly ProposalStatus[] = ["presented", "accepted_by_employer"];

export function isProposalStatus(value: string): value is ProposalStatus {
  return (proposalStatuses.codes as readonly string[]).includes(value);
}

// ───────────────────────────── the state machine ─────────────────────────────

export type ProposalEvent =
  | "participant_yes"
  | "participant_no"
  | "participant_more_info"
  | "present"
  | "employer_visit"
  | "employer_start"
  | "employer_decline"
  | "withdraw"
  | "expire";

type Transition = {
  from: readonly ProposalStatus[];
  to: ProposalStatus;
  /** Refused once a placement exists. */ beforePlacement?: boolean;
};

export const PROPOSAL_TRANSITIONS: Readonly<Record<ProposalEvent, Transition>> = {
  participant_yes: { from: ["proposed", "more_info"], to: "accepted_by_participant" },
  // The participant decides: a yes can be taken back until the placement starts.
  participant_no: {
    from: ["proposed", "more_info", "accepted_by_participant", "presented", "accepted_by_employer"],
    to: "declined_by_participant",
    beforePlacement: true,
  },
  participant_more_info: { from: ["proposed"], to: "more_info" },
  present: { from: ["accepted_by_participant"], to: "presented" },
  employer_visit: { from: ["presented"], to: "accepted_by_employer" },
  // A start date straight away, or after the study visit.
  employer_start: { from: ["presented", "accepted_by_employer"], to: "accepted_by_employer", beforePlacement: true },
  employer_decline: { from: ["presented", "accepted_by_employer"], to: "declined_by_employer", beforePlacement: true },
  withdraw: {
    from: ["proposed", "more_info", "accepted_by_participant", "presented", "accepted_by_employer"],
    to: "withdrawn",
    beforePlacement: true,
  },
  expire: { from: ["proposed", "more_info"], to: "expired" },
};

export type TransitionCheck = Result<{ to: ProposalStatus }>;

/** May this event happen to a proposal in this state? The new status, or why not (in Swedish). */
export function checkTransition(p: { status: string; hasPlacement: boolean }, event: ProposalEvent): TransitionCheck {
  const t = PROPOSAL_TRANSITIONS[event];
  if (!isProposalStatus(p.status) || !t.from.includes(p.status)) return { ok: false, message: refusal(p.status) };
  if (t.beforePlacement && p.hasPlacement)
    return { ok: false, message: "Placeringen har redan börjat. Förslaget kan inte ändras längre." };
  return { ok: true, to: t.to };
}

export function canTransition(p: { status: string; hasPlacement: boolean }, event: ProposalEvent): boolean {
  return checkTransition(p, event).ok;
}

function refusal(status: string): string {
  switch (status) {
    case "expired":
      return "Förslaget har gått ut.";
    case "withdrawn":
      return "Förslaget är tillbakadraget.";
    case "declined_by_participant":
      return "Deltagaren har redan sagt nej till förslaget.";
    case "declined_by_employer":
      return "Arbetsgivaren har redan sagt nej till förslaget.";
    default:
      return `Det går inte just nu: förslaget har status ”${proposalStatuses.label(status)}”.`;
  }
}

/** Has an unanswered proposal passed its answer-by time? */
export function isExpired(p: { status: string; expiresAt: Date | string | null }, now: Date): boolean {
  return (
    (EXPIRING_STATUSES as readonly string[]).includes(p.status) &&
    p.expiresAt != null &&
    new Date(p.expiresAt).getTime() < now.getTime()
  );
}

export function expiresAtFrom(from: Date): Date {
  return addDays(from, PROPOSAL_EXPIRY_DAYS);
}

/** Whole days left to answer (0 on the last day), or null when it does not expire. */
export function daysLeft(p: { status: string; expiresAt: Date | string | null }, now: Date): number | null {
  if (!(EXPIRING_STATUSES as readonly string[]).includes(p.status) || p.expiresAt == null) return null;
  return Math.max(0, daysBetween(now, p.expiresAt));
}

export type WaitingOn = "participant" | "coach" | "employer" | null;

/** Whose move it is. */
export function waitingOn(p: { status: string; hasPlacement: boolean }): WaitingOn {
  switch (p.status) {
    case "proposed":
      return "participant";
    case "more_info": // the participant asked a question: the coach follows up
    case "accepted_by_participant": // the coach presents
      return "coach";
    case "presented":
      return "employer";
    case "accepted_by_employer": // after the study visit, a start is agreed and recorded
      return p.hasPlacement ? null : "coach";
    default:
      return null;
  }
}

export const waitingOnLabels: Record<Exclude<WaitingOn, null>, string> = {
  participant: "Deltagaren",
  coach: "Coachen",
  employer: "Arbetsgivaren",
};

// ───────────────────────────── plain Swedish for the participant ─────────────────────────────

/** What kind of opening it is, in plain Swedish. */
export function kindForParticipant(kind: string): string {
  switch (kind) {
    case "task":
      return "Ett uppdrag. Det är en arbetsuppgift som behöver göras.";
    case "practice":
      return "En praktikplats. Du får prova på att jobba och lära dig.";
    case "work_trial":
      return "Arbetsträning. Du tränar på att jobba i din egen takt.";
    case "job":
      return "Ett jobb. Du blir anställd och får lön.";
    case "visit":
      return "Ett studiebesök. Du får titta och prova på.";
    default:
      return "";
  }
}

/** Short name of the kind for lists ("en praktikplats"). */
export function kindShort(kind: string): string {
  return (
    {
      task: "ett uppdrag",
      practice: "en praktikplats",
      work_trial: "en arbetsträning",
      job: "ett jobb",
      visit: "ett studiebesök",
    }[kind] ?? "ett förslag"
  );
}

/**
 * The status as the participant reads it: short sentences, no jargon, no employer-internal text
 * (an employer's reason for saying no is never shown to the participant).
 */
export function participantStatusText(
  p: { status: string; hasPlacement: boolean; visitAt?: Date | string | null; startDate?: Date | string | null },
  fmt: { date: (d: Date | string) => string; dateTime: (d: Date | string) => string },
): string {
  switch (p.status) {
    case "proposed":
      return "Din coach väntar på ditt svar.";
    case "more_info":
      return "Du vill veta mer. Din coach hör av sig till dig. Du kan svara ja eller nej när du vill.";
    case "accepted_by_participant":
      return "Du sa ja. Din coach berättar om dig för arbetsgivaren.";
    case "presented":
      return "Arbetsgivaren har fått veta om dig. Vi väntar på deras svar.";
    case "accepted_by_employer":
      if (p.hasPlacement && p.startDate) return `Arbetsgivaren sa ja! Du börjar ${fmt.date(p.startDate)}.`;
      if (p.visitAt) return `Arbetsgivaren vill träffa dig. Ni ses ${fmt.dateTime(p.visitAt)}. Din coach hjälper dig.`;
      return "Arbetsgivaren sa ja! Din coach hör av sig om när du börjar.";
    case "declined_by_employer":
      return "Arbetsgivaren sa nej den här gången. Det är inte ditt fel. Din coach berättar mer.";
    case "declined_by_participant":
      return "Du sa nej. Det är helt okej.";
    case "expired":
      return "Du svarade inte, så förslaget är inte aktuellt längre. Det gör inget. Prata med din coach om du vill.";
    case "withdrawn":
      return "Din coach har tagit bort förslaget.";
    default:
      return "";
  }
}

/** Where a presented proposal stands, in the employer's words. */
export function employerStatusText(
  p: { status: string; visitAt: Date | string | null; placementStart: Date | string | null },
  fmt: { date: (d: Date | string) => string; dateTime: (d: Date | string) => string },
): string {
  if (p.status === "presented") return "Väntar på ert svar";
  if (p.status === "declined_by_employer") return "Ni tackade nej";
  if (p.placementStart) return `Börjar ${fmt.date(p.placementStart)}`;
  if (p.visitAt) return `Studiebesök ${fmt.dateTime(p.visitAt)}`;
  return "Ni sa ja";
}

export const participantAnswers = vocabulary({ yes: "Ja", no: "Nej", more_info: "Vill veta mer" });
export type ParticipantAnswer = (typeof participantAnswers.codes)[number];

export function eventForAnswer(answer: ParticipantAnswer): ProposalEvent {
  return answer === "yes" ? "participant_yes" : answer === "no" ? "participant_no" : "participant_more_info";
}

// ───────────────────────────── forms ─────────────────────────────

const optionalReason = z
  .preprocess((v) => (typeof v === "string" ? v : v == null ? "" : String(v)), z.string())
  .transform((v) => v.trim())
  .pipe(z.string().max(PROPOSAL_LIMITS.reason, `Texten får vara högst ${PROPOSAL_LIMITS.reason} tecken.`))
  .transform((v) => (v ? v : null));

/** The participant's (or, on their behalf, the coach's) answer. */
export const ParticipantAnswerSchema = z.object({
  answer: z.custom<ParticipantAnswer>((v) => typeof v === "string" && participantAnswers.schema.safeParse(v).success, {
    error: "Välj Ja, Nej eller Vill veta mer.",
  }),
  reason: optionalReason,
});

const HOURS_RANGE = { min: 1, max: 40 } as const;

const optionalHours = z
  .preprocess(
    (v) => (v == null || (typeof v === "string" && v.trim() === "") ? undefined : v),
    z.string().trim().optional(),
  )
  .refine(
    (v) => v === undefined || /^\d+$/.test(v),
    `Skriv timmar per vecka som ett heltal mellan ${HOURS_RANGE.min} och ${HOURS_RANGE.max}.`,
  )
  .transform((v) => (v === undefined ? null : Number(v)))
  .refine(
    (v) => v === null || (v >= HOURS_RANGE.min && v <= HOURS_RANGE.max),
    `Skriv timmar per vecka som ett heltal mellan ${HOURS_RANGE.min} och ${HOURS_RANGE.max}.`,
  );

/** A study visit: a date and time from now up to a year ahead. */
export function visitSchema(now: Date) {
  return z.object({
    visitAt: z
      .string({ error: "Välj dag och tid för studiebesöket." })
      .trim()
      .min(1, { message: "Välj dag och tid för studiebesöket.", abort: true })
      .transform((v, ctx) => {
        const at = parseSwedishDateTime(v);
        if (!at) {
          ctx.addIssue({ code: "custom", message: "Skriv dag och tid som ÅÅÅÅ-MM-DD TT:MM." });
          return z.NEVER;
        }
        if (at.getTime() <= now.getTime())
          ctx.addIssue({ code: "custom", message: "Studiebesöket måste vara framåt i tiden." });
        else if (at > addDays(now, 366)) ctx.addIssue({ code: "custom", message: "Välj en tid inom ett år." });
        return at;
      }),
  });
}

/**
 * The start of a placement: ahead (within a year), or back to `pastDays` ago; `anyPast` lets staff
 * record a start that happened long ago (issue 12; the service keeps it on or after the enrolment).
 */
export function startSchema(now: Date, options: { pastDays?: number; anyPast?: boolean } = {}) {
  const today = todayDate(now);
  const earliest = options.anyPast ? new Date(-8.64e15) : addDays(today, -(options.pastDays ?? 0));
  const latest = addDays(today, 366);
  return z.object({
    startDate: requiredDateField("startdatum", {
      missing: "Välj startdatum.",
      check: (day) =>
        day < earliest
          ? options.pastDays
            ? `Startdatum kan vara högst ${options.pastDays} dagar bakåt.`
            : "Startdatum kan inte vara bakåt i tiden."
          : day > latest
            ? "Välj ett startdatum inom ett år."
            : null,
    }),
    hoursPerWeek: optionalHours,
  });
}

export const DeclineSchema = z.object({
  reason: z
    .string({ error: "Skriv varför ni säger nej. Det hjälper coachen att hitta rätt nästa gång." })
    .trim()
    .min(1, { message: "Skriv varför ni säger nej. Det hjälper coachen att hitta rätt nästa gång.", abort: true })
    .min(PROPOSAL_LIMITS.declineReasonMin, `Skriv minst ${PROPOSAL_LIMITS.declineReasonMin} tecken.`)
    .max(PROPOSAL_LIMITS.reason, `Texten får vara högst ${PROPOSAL_LIMITS.reason} tecken.`),
});

// ───────────────────────────── the presentation to the employer ─────────────────────────────

type Labeled = { id: string; label: string };
export type PresentationLabels = {
  interestOccupations: Labeled[];
  interestGroups: Labeled[];
  skills: Labeled[];
  languages: Labeled[];
  occupationLabel: Record<string, string>;
};

export type PresentationSection = { item: DisclosureItem; title: string; lines: string[] };
/** What an employer is shown about a presented participant: the pseudonym and the disclosed, non-empty items only. */
export type Presentation = { pseudonym: string; sections: PresentationSection[] };

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The lines of one profile item, in the employer's words (third person, no jargon). */
function linesFor(item: DisclosureItem, profile: ProfileData, labels: PresentationLabels): string[] {
  switch (item) {
    case "interests":
      return [...labels.interestOccupations.map((o) => o.label), ...labels.interestGroups.map((g) => g.label)];
    case "strengths":
      return [...profile.strengths];
    case "skills":
      return labels.skills.map((s) => s.label);
    case "experience":
      return profile.experience.map((e) => {
        const head = `${e.what}${e.where ? ` – ${e.where}` : ""}${e.when ? ` (${e.when})` : ""}`;
        const worked = experienceFactors.codes
          .filter((f) => e.factors[f]?.verdict === "worked")
          .map((f) => lower(experienceFactors.label(f)));
        const notWorked = experienceFactors.codes
          .filter((f) => e.factors[f]?.verdict === "did_not_work")
          .map((f) => lower(experienceFactors.label(f)));
        return sentencesSv([
          head,
          e.hoursPerWeek != null && `${e.hoursPerWeek} timmar i veckan`,
          worked.length > 0 && `Fungerade bra: ${joinSv(worked)}`,
          e.worked,
          notWorked.length > 0 && `Fungerade mindre bra: ${joinSv(notWorked)}`,
          e.didNotWork,
        ]);
      });
    case "education":
      return profile.education ? [profile.education] : [];
    case "drivingLicences":
      return profile.drivingLicences.map((c) => drivingLicences.label(c));
    case "languages":
      return labels.languages.map((l) => l.label);
    case "preferences": {
      const p = profile.preferences;
      const lines: string[] = [];
      if (p.hoursMin != null || p.hoursMax != null)
        lines.push(`Vill jobba ${p.hoursMin ?? "?"}–${p.hoursMax ?? "?"} timmar i veckan.`);
      if (p.schedule.length)
        lines.push(`Kan jobba: ${joinSv(p.schedule.map((s) => scheduleTimes.label(s).toLowerCase()))}.`);
      if (p.startFlexible) lines.push("Vill gärna ha flexibel starttid.");
      if (p.maxCommuteKm != null) lines.push(`Reser högst ${p.maxCommuteKm} km till jobbet.`);
      if (p.travelMode) lines.push(sentencesSv([travelPhrase(p.travelMode)]));
      return lines;
    }
    case "environmentPrefs": {
      const env = profile.environmentPrefs;
      return [
        ...environmentDimensionCodes.flatMap((d) => {
          const value = env[d];
          return value
            ? [`${environmentDimensionLabels[d]}: ${environmentDimensions[d].label(value).toLowerCase()}`]
            : [];
        }),
        ...(env.instructions?.length
          ? [`Instruktioner: ${joinSv(env.instructions.map((i) => instructionStyles.label(i).toLowerCase()))}`]
          : []),
      ];
    }
    case "needs":
      return [
        ...profile.needs.filter((n) => n.must).map((n) => `Behöver: ${lower(accommodations.label(n.code))}`),
        ...profile.needs.filter((n) => !n.must).map((n) => `Bra att ha: ${lower(accommodations.label(n.code))}`),
      ];
  }
}

/**
 * The employer's view of a participant: the pseudonym and, for each profile item the participant
 * chose to show (disclosure[item] === true), its lines. Items not disclosed — and everything
 * outside the disclosure map (real name, contact details, home, exclusions, goals, phase, the
 * match score and reasons) — are never part of it.
 */
export function buildPresentation(pseudonym: string, profile: ProfileData, labels: PresentationLabels): Presentation {
  const sections: PresentationSection[] = [];
  for (const item of disclosureItems.codes) {
    if (profile.disclosure[item] !== true) continue;
    const lines = linesFor(item, profile, labels).filter((l) => l.trim() !== "");
    if (lines.length) sections.push({ item, title: disclosureItems.label(item), lines });
  }
  return { pseudonym, sections };
}

export const PROPOSAL_NOTE_MAX = 1000;

/** The coach's optional personal note sent with a proposal ("Personlig hälsning"); blank is none. */
export const proposalNoteField = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/\r\n/g, "\n").trim() : v),
  z
    .string({ error: "Skriv hälsningen som text." })
    .max(PROPOSAL_NOTE_MAX, `Hälsningen får vara högst ${PROPOSAL_NOTE_MAX} tecken.`)
    .optional()
    .transform((v) => v || null),
);
