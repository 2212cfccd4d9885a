// The order of a participant's dates (docs/product-rules.md#dates-from-the-past, issue 12): enrolment ≤
// placement start ≤ milestone ≤ exit, compared by Swedish calendar day. A milestone is a dated event
// staff record during the support: a follow-up of a placement, an employer contact about the
// participant. One rule for the staff forms and the import. Dates may lie in the past
// ("tillbakadaterat") but never in the future.
import { dayKey } from "./swedish-time.ts";

export type ParticipantDates = {
  enrolledAt: Date;
  /** Starts of the participant's placements (any order). */
  placementStarts?: Date[];
  /** Recorded milestones (follow-ups, employer contacts); a milestone being set is the only entry. */
  milestones?: Date[];
  exitedAt?: Date | null;
};

/** Which date the person is setting: the message names the date that clashes with it. */
export type DateBeingSet = "enrolment" | "placement" | "milestone" | "exit";

const earliest = (dates: Date[]) => dates.reduce<Date | null>((a, d) => (a && dayKey(a) <= dayKey(d) ? a : d), null);
const latest = (dates: Date[]) => dates.reduce<Date | null>((a, d) => (a && dayKey(a) >= dayKey(d) ? a : d), null);

/**
 * The Swedish message when the dates are out of order, seen from the date being set, or null when
 * they are in order. A placement being set is passed as the only entry of `placementStarts`; a
 * milestone being set as the only entry of `milestones`, with the start of the placement it belongs
 * to (if any) in `placementStarts`.
 */
export function dateOrderProblem(
  being: DateBeingSet,
  dates: ParticipantDates,
  /** What the milestone follows, for the message ("anställningens start"). */
  startName = "placeringens start",
): string | null {
  const enrolled = dayKey(dates.enrolledAt);
  const starts = dates.placementStarts ?? [];
  const exit = dates.exitedAt ? dayKey(dates.exitedAt) : null;
  const first = earliest(starts);
  const last = latest(starts);
  if (being === "enrolment") {
    if (first && dayKey(first) < enrolled)
      return `Inskrivningsdatum kan inte ligga efter en placerings start (${dayKey(first)}).`;
    if (exit && exit < enrolled) return `Inskrivningsdatum kan inte ligga efter avslutsdatum (${exit}).`;
    return null;
  }
  if (being === "placement") {
    if (first && dayKey(first) < enrolled) return `Starten kan inte ligga före inskrivningen (${enrolled}).`;
    if (last && exit && dayKey(last) > exit) return `Starten kan inte ligga efter avslutet (${exit}).`;
    return null;
  }
  const lastMilestone = latest(dates.milestones ?? []);
  if (being === "milestone") {
    if (!lastMilestone) return null;
    const day = dayKey(lastMilestone);
    if (day < enrolled) return `Datumet kan inte ligga före inskrivningen (${enrolled}).`;
    if (last && day < dayKey(last)) return `Datumet kan inte ligga före ${startName} (${dayKey(last)}).`;
    if (exit && day > exit) return `Datumet kan inte ligga efter avslutet (${exit}).`;
    return null;
  }
  if (exit && exit < enrolled) return `Avslutsdatum kan inte ligga före inskrivningen (${enrolled}).`;
  if (exit && last && exit < dayKey(last))
    return `Avslutsdatum kan inte ligga före en placerings start (${dayKey(last)}).`;
  if (exit && lastMilestone && exit < dayKey(lastMilestone))
    return `Avslutsdatum kan inte ligga före en registrerad uppföljning eller arbetsgivarkontakt (${dayKey(lastMilestone)}).`;
  return null;
}

/** A date before today (Swedish time): saving it is back-dating, recorded in the audit trail. */
export function isBackdated(date: Date, now: Date): boolean {
  return dayKey(date) < dayKey(now);
}

/** The audit detail for a back-dated date: who is the audit row's actor; this says what and when. */
export function backdatedDetail(what: string, date: Date, previous?: Date | null): string {
  return previous
    ? `${what} tillbakadaterat: ${dayKey(previous)} → ${dayKey(date)}`
    : `${what} tillbakadaterat till ${dayKey(date)}`;
}
