// Follow-along support (docs/product-rules.md#placement-and-support, issue 6): the support plan, check-ins, follow-ups and
// three-party meetings, practice decisions, ending support, and the coach's week. Pure: vocabularies,
// the form schemas (shared by pages and actions), Swedish-time date rules and the flags the pages
// show. No I/O.
import { z } from "zod";
import {
  checkbox,
  choice,
  optionalDateField,
  optionalText,
  parseFields,
  requiredDateField,
  requiredText,
} from "./form-rules.ts";
import type { FormResult } from "./forms.ts";
import { placementEndReasons, placementStatuses, supportIntensities } from "./placements.ts";
import { formKeyField, messageBodyField } from "./threads.ts";
import { vocabulary } from "./vocab/vocabulary.ts";
import { addDays, addMonths, dayKey, daysFromTo, parseDateInput, swedishDateTime } from "./swedish-time.ts";

export const meetingKinds = vocabulary({
  three_party: "Trepartssamtal",
  follow_up: "Uppföljning",
});
export type MeetingKind = (typeof meetingKinds.codes)[number];

export const meetingStatuses = vocabulary({
  planned: "Planerat",
  done: "Genomfört",
  cancelled: "Inställt",
});

/** How a user hears about new messages (User.notifyMessages). */
export const notifyOptions = vocabulary({
  each: "Ett mejl för varje nytt meddelande",
  digest: "En sammanfattning per dag",
  off: "Inga mejl – jag tittar i Brygga",
});
export type NotifyOption = (typeof notifyOptions.codes)[number];

/** Placement kinds with a planned end that needs a decision: extend, employment or end. */
export const PRACTICE_KINDS = ["practice", "work_trial"] as const;
export function isPracticeKind(kind: string): boolean {
  return (PRACTICE_KINDS as readonly string[]).includes(kind);
}

/** A practice period may be extended to at most this many months from its start (docs/product-rules.md#principles). */
export const PRACTICE_MAX_MONTHS = 6;
/** The "decision due" reminder comes this many days before the practice ends. */
export const DECISION_DAYS_BEFORE_END = 14;

export const SUPPORT_LIMITS = {
  place: 200,
  videoLink: 500,
  phone: 40,
  agenda: 2000,
  notes: 5000,
  actionText: 300,
  owner: 80,
  minDuration: 15,
  maxDuration: 480,
  maxInvitees: 20,
} as const;

// ───────────── the support plan ─────────────

/** The next check-in after one on `from`, by the plan's intensity; null for "vid behov". */
export function nextCheckInAfter(from: Date, intensity: string): Date | null {
  const day = parseDateInput(dayKey(from))!;
  switch (intensity) {
    case "weekly":
      return addDays(day, 7);
    case "biweekly":
      return addDays(day, 14);
    case "monthly":
      return addMonths(day, 1);
    default:
      return null;
  }
}

export type PlacementForFlags = {
  kind: string;
  status: string;
  startDate: Date | string;
  endDate: Date | string | null;
  nextCheckInAt: Date | string | null;
};

export type PlacementFlags = {
  ended: boolean;
  /** The next check-in day has passed. */
  checkInOverdue: boolean;
  /** Practice: the day the decision (extend, employment, end) is due — two weeks before the end. */
  decisionDueOn: string | null;
  /** Practice: the decision is due now (within two weeks of the end, or the end has passed). */
  decisionDue: boolean;
  /** Practice: the planned end has passed but the placement is not ended. */
  pastEnd: boolean;
  /** Practice: days until the planned end (negative once passed). */
  daysToEnd: number | null;
  /** The latest end date an extension may set (six months from the start). */
  maxEndDate: string | null;
};

export function placementFlags(p: PlacementForFlags, now: Date = new Date()): PlacementFlags {
  const ended = p.status === "ended";
  const today = dayKey(now);
  const checkInOverdue = !ended && p.nextCheckInAt != null && dayKey(p.nextCheckInAt) < today;
  const practice = isPracticeKind(p.kind);
  if (!practice || !p.endDate) {
    return {
      ended,
      checkInOverdue,
      decisionDueOn: null,
      decisionDue: false,
      pastEnd: false,
      daysToEnd: null,
      maxEndDate: practice ? maxPracticeEnd(p.startDate) : null,
    };
  }
  const endDay = parseDateInput(dayKey(p.endDate))!;
  const decisionDueOn = dayKey(addDays(endDay, -DECISION_DAYS_BEFORE_END));
  const daysToEnd = daysFromTo(parseDateInput(today)!, endDay);
  return {
    ended,
    checkInOverdue,
    decisionDueOn,
    decisionDue: !ended && today >= decisionDueOn,
    pastEnd: !ended && daysToEnd < 0,
    daysToEnd,
    maxEndDate: maxPracticeEnd(p.startDate),
  };
}

export function maxPracticeEnd(startDate: Date | string): string {
  return dayKey(addMonths(parseDateInput(dayKey(startDate))!, PRACTICE_MAX_MONTHS));
}

export type MeetingState = "planned" | "overdue" | "done" | "cancelled";

/** A planned meeting whose time has passed without notes is overdue ("ej rapporterat"). */
export function meetingState(
  m: { status: string; scheduledAt: Date | string; durationMin: number },
  now: Date = new Date(),
): MeetingState {
  if (m.status === "done" || m.status === "cancelled") return m.status;
  const endsAt = new Date(m.scheduledAt).getTime() + m.durationMin * 60_000;
  return endsAt < now.getTime() ? "overdue" : "planned";
}

export function actionOverdue(
  a: { dueDate: Date | string | null; doneAt: Date | string | null },
  now: Date = new Date(),
): boolean {
  return !a.doneAt && a.dueDate != null && dayKey(a.dueDate) < dayKey(now);
}

// ───────────── forms ─────────────

const dateText = (label: string) => requiredDateField(label, { example: "2026-03-02" });

const timeText = z
  .string({ error: "Fyll i klockslag." })
  .trim()
  .min(1, { message: "Fyll i klockslag.", abort: true })
  .regex(/^([01]?\d|2[0-3])[:.][0-5]\d$/, "Skriv klockslaget som TT:MM, till exempel 13:30.");

const httpsLink = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const text = (v ?? "").trim();
    if (!text) return null;
    if (text.length > SUPPORT_LIMITS.videoLink) {
      ctx.addIssue({ code: "custom", message: `Länken får vara högst ${SUPPORT_LIMITS.videoLink} tecken.` });
      return z.NEVER;
    }
    try {
      const url = new URL(text);
      if (url.protocol === "https:") return url.toString();
    } catch {
      // reported below
    }
    ctx.addIssue({ code: "custom", message: "Skriv hela videolänken, som börjar med https://" });
    return z.NEVER;
  });

const phoneText = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const text = (v ?? "").trim();
    if (!text) return null;
    if (text.length > SUPPORT_LIMITS.phone || !/^\+?[\d\s()-]{5,}$/.test(text)) {
      ctx.addIssue({ code: "custom", message: "Skriv ett telefonnummer med siffror, till exempel 036-10 20 30." });
      return z.NEVER;
    }
    return text;
  });

/** Who to invite: "participant", "coach:<id>" or "employer:<userId>" (checked against the placement by the server). */
const inviteList = z.preprocess(
  (v) => (v == null || v === "" ? [] : Array.isArray(v) ? v.filter((x) => x !== "") : [v]),
  z
    .array(z.string().regex(/^(participant|coach:[\w-]+|employer:[\w-]+)$/, "Välj bland dem som kan bjudas in."))
    .max(SUPPORT_LIMITS.maxInvitees, "För många inbjudna."),
);

export const meetingShape = {
  kind: choice(meetingKinds.schema, "Välj vilken sorts möte det är."),
  date: dateText("datum"),
  time: timeText,
  durationMin: z
    .string({ error: "Välj hur länge mötet pågår." })
    .trim()
    .regex(/^\d{1,3}$/, "Välj hur länge mötet pågår.")
    .transform(Number)
    .pipe(
      z
        .number()
        .min(SUPPORT_LIMITS.minDuration, "Mötet behöver vara minst 15 minuter.")
        .max(SUPPORT_LIMITS.maxDuration, "Mötet får vara högst 8 timmar."),
    ),
  place: optionalText("platsen", SUPPORT_LIMITS.place),
  videoLink: httpsLink,
  phone: phoneText,
  agenda: optionalText("dagordningen", SUPPORT_LIMITS.agenda),
  invite: inviteList,
};

export type MeetingInput = {
  kind: MeetingKind;
  scheduledAt: Date;
  durationMin: number;
  place: string | null;
  videoLink: string | null;
  phone: string | null;
  agenda: string | null;
  invite: string[];
};

/** The meeting form: a real time (not in the past for a new or moved meeting), and somewhere to meet. */
export function parseMeeting(
  values: Record<string, string | string[]>,
  now: Date = new Date(),
): FormResult<MeetingInput> {
  let scheduledAt: Date | null = null;
  const result = parseFields(meetingShape, values, ({ data, add }) => {
    if (data.date && data.time) {
      scheduledAt = swedishDateTime(dayKey(data.date), data.time);
      if (!scheduledAt) add("time", "Skriv klockslaget som TT:MM, till exempel 13:30.");
      else if (scheduledAt.getTime() < now.getTime() - 5 * 60_000)
        add("date", "Tiden har redan varit. Välj en tid framåt.");
    }
    if (data.place === null && data.videoLink === null && data.phone === null) {
      add("place", "Skriv var ni ses, eller fyll i en videolänk eller ett telefonnummer.");
    }
  });
  if (!result.ok) return result;
  const d = result.data;
  return {
    ok: true,
    data: {
      kind: d.kind,
      scheduledAt: scheduledAt!,
      durationMin: d.durationMin,
      place: d.place,
      videoLink: d.videoLink,
      phone: d.phone,
      agenda: d.agenda,
      invite: d.invite,
    },
  };
}

export const planShape = {
  status: choice(z.enum(["introduction", "follow_up", "after_support"]), "Välj var i stödet ni är."),
  supportIntensity: choice(supportIntensities.schema, "Välj hur ofta ni följer upp."),
  nextCheckIn: optionalDateField("nästa uppföljning", { example: "2026-03-02" }),
};

export type PlanInput = {
  status: "introduction" | "follow_up" | "after_support";
  supportIntensity: string;
  nextCheckIn: Date | null;
};

export function parsePlan(
  values: Record<string, string | string[]>,
  placement: { kind: string; startDate: Date | string },
): FormResult<PlanInput> {
  return parseFields(planShape, values, ({ data, add }) => {
    if (data.status === "after_support" && placement.kind !== "job")
      add("status", "Efterstöd gäller anställningar. Välj Introduktion eller Uppföljning.");
    if (data.supportIntensity && data.supportIntensity !== "on_request" && !data.nextCheckIn)
      add("nextCheckIn", "Fyll i när nästa uppföljning är.");
    if (data.nextCheckIn && dayKey(data.nextCheckIn) < dayKey(placement.startDate))
      add("nextCheckIn", "Nästa uppföljning kan inte vara före starten.");
  }) as FormResult<PlanInput>;
}

export const endShape = {
  reason: choice(placementEndReasons.schema, "Välj varför stödet avslutas."),
  endDate: dateText("slutdatum"),
};

export function parseEnd(
  values: Record<string, string | string[]>,
  placement: { startDate: Date | string },
  now: Date = new Date(),
) {
  return parseFields(endShape, values, ({ data, add }) => {
    if (data.endDate && dayKey(data.endDate) > dayKey(now))
      add("endDate", "Slutdatumet kan inte ligga i framtiden. Avsluta stödet när det är slut.");
    if (data.endDate && dayKey(data.endDate) < dayKey(placement.startDate))
      add("endDate", "Slutdatumet kan inte vara före starten.");
  });
}

export const extendShape = { newEndDate: dateText("nytt slutdatum") };

export function parseExtend(
  values: Record<string, string | string[]>,
  placement: { startDate: Date | string; endDate: Date | string | null },
) {
  const max = maxPracticeEnd(placement.startDate);
  return parseFields(extendShape, values, ({ data, add }) => {
    if (!data.newEndDate) return;
    const day = dayKey(data.newEndDate);
    if (placement.endDate && day <= dayKey(placement.endDate))
      add("newEndDate", "Det nya slutdatumet behöver vara efter det nuvarande.");
    else if (day > max)
      add("newEndDate", `En praktik kan pågå högst ${PRACTICE_MAX_MONTHS} månader, alltså till ${max}.`);
  });
}

export const checkInShape = {
  notes: optionalText("anteckningen", SUPPORT_LIMITS.notes),
  date: optionalDateField("datum för uppföljningen", { example: "2026-03-02" }),
};

export type CheckInInput = { notes: string | null; date: Date | null };

/**
 * A follow-up (check-in) that took place: today when no date is given, or a past day (recorded
 * afterwards, "tillbakadaterat"), never a future one. Its order against the enrolment, the
 * placement's start and the exit is checked by the service (app/domain/date-order.ts).
 */
export function parseCheckIn(values: Record<string, string | string[]>, now: Date): FormResult<CheckInInput> {
  return parseFields(checkInShape, values, ({ data, add }) => {
    if (data.date && dayKey(data.date) > dayKey(now))
      add("date", "Uppföljningen kan inte ha skett i framtiden. Boka ett möte i stället.");
  }) as FormResult<CheckInInput>;
}

export const notesShape = {
  notes: requiredText("anteckningar", SUPPORT_LIMITS.notes),
  done: checkbox,
};

export const actionShape = {
  text: requiredText("vad som ska göras", SUPPORT_LIMITS.actionText),
  owner: requiredText("vem som ansvarar", SUPPORT_LIMITS.owner),
  dueDate: dateText("när det ska vara klart"),
};

export const placementMessageShape = {
  body: messageBodyField,
  shared: checkbox,
  formKey: formKeyField,
};

export const notifyShape = {
  notifyMessages: choice(notifyOptions.schema, "Välj hur du vill få veta om nya meddelanden."),
};

export { placementEndReasons, placementStatuses, supportIntensities };

// ───────────── where things are ─────────────

export const supportPaths = {
  coachPlacements: "/coach/placeringar",
  coachPlacement: (placementId: string) => `/coach/placeringar/${placementId}`,
  coachMeetingNew: (placementId: string) => `/coach/placeringar/${placementId}/moten/nytt`,
  coachMeeting: (placementId: string, meetingId: string) => `/coach/placeringar/${placementId}/moten/${meetingId}`,
  coachWeek: "/coach/vecka",
  coachSettings: "/coach/installningar",
  employerPlacements: "/arbetsgivare/placeringar",
  employerPlacement: (placementId: string) => `/arbetsgivare/placeringar/${placementId}`,
  employerSettings: "/arbetsgivare/installningar",
  employerNewQuestion: "/arbetsgivare/fragor/ny",
  participantPlacement: (placementId: string) => `/deltagare/placering/${placementId}`,
} as const;
