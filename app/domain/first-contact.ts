import { DAY_MS } from "./swedish-time.ts";
import { countSv, NOUNS } from "./swedish.ts";
// Rapid job search (docs/product-rules.md#principles): IPS expects the first employer contact for a participant within
// four weeks of enrolment. The date is derived from the coach's employer-contact log and from
// proposals presented to employers, whichever came first.

export const FIRST_CONTACT_DAYS = 28;

export type FirstContactStatus =
  | { kind: "done"; at: Date; daysFromEnrolment: number; withinTarget: boolean }
  | { kind: "pending"; dueAt: Date; daysLeft: number }
  | { kind: "overdue"; dueAt: Date; daysOverdue: number }
  | { kind: "not_applicable" };

/** The earliest of the given moments (null when there are none). */
export function earliest(dates: Array<Date | string | null | undefined>): Date | null {
  let best: Date | null = null;
  for (const value of dates) {
    if (value == null) continue;
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) continue;
    if (!best || date < best) best = date;
  }
  return best;
}

export function firstContactDueAt(enrolledAt: Date | string): Date {
  return new Date(new Date(enrolledAt).getTime() + FIRST_CONTACT_DAYS * DAY_MS);
}

/**
 * Where a participant stands on the four-week target. A participant who has left without any
 * employer contact is not counted as overdue.
 */
export function firstContactStatus(input: {
  enrolledAt: Date | string;
  firstContactAt: Date | string | null | undefined;
  exited?: boolean;
  now?: Date;
}): FirstContactStatus {
  const enrolledAt = new Date(input.enrolledAt);
  const dueAt = firstContactDueAt(enrolledAt);
  if (input.firstContactAt) {
    const at = new Date(input.firstContactAt);
    const daysFromEnrolment = Math.max(0, Math.floor((at.getTime() - enrolledAt.getTime()) / DAY_MS));
    return { kind: "done", at, daysFromEnrolment, withinTarget: at <= dueAt };
  }
  if (input.exited) return { kind: "not_applicable" };
  const now = input.now ?? new Date();
  if (now > dueAt)
    return { kind: "overdue", dueAt, daysOverdue: Math.max(1, Math.floor((now.getTime() - dueAt.getTime()) / DAY_MS)) };
  return { kind: "pending", dueAt, daysLeft: Math.ceil((dueAt.getTime() - now.getTime()) / DAY_MS) };
}

/** A short Swedish text for tables and badges. */
export function firstContactText(status: FirstContactStatus, formatDate: (d: Date) => string): string {
  switch (status.kind) {
    case "done":
      return `Gjord ${formatDate(status.at)} (dag ${status.daysFromEnrolment})`;
    case "pending":
      return `Senast ${formatDate(status.dueAt)} – ${countSv(status.daysLeft, NOUNS.day)} kvar`;
    case "overdue":
      return `Försenad ${countSv(status.daysOverdue, NOUNS.day)} (skulle ske senast ${formatDate(status.dueAt)})`;
    case "not_applicable":
      return "Ingen kontakt";
  }
}
