// Follow-ups and three-party meetings (trepartssamtal) of a placement: scheduling with an email
// invitation carrying an iCalendar file (emails/calendar.server.ts), a new time (the same UID with a
// higher SEQUENCE), cancelling (METHOD:CANCEL), notes and agreed actions with owner and due date.
// Every invitation goes through the outbox, in the same transaction as the meeting it is about.
import { currentTime } from "./clock.server.ts";
import {
  calendarAttachment,
  mailFromAddress,
  meetingCalendar,
  type CalendarMethod,
} from "../../emails/calendar.server.ts";
import { enqueueEmail, kickOutbox } from "../../emails/outbox.server.ts";
import { meetingKinds, nextCheckInAfter, supportPaths, type MeetingInput } from "~/domain/support.ts";
import { audit } from "./audit.server.ts";
import { type SessionUser } from "./auth.server.ts";
import { db, type DbOrTx } from "./db.server.ts";
import { readAttendees, type Attendee, type LoadedPlacement } from "./support.server.ts";
import { notFound } from "./responses.server.ts";
import { absoluteUrl } from "./env.server.ts";
import { formatClockTime, formatWeekdayDate } from "~/domain/swedish-time.ts";
import type { Result } from "~/domain/result.ts";

export type InviteOption = { value: string; label: string; email: string; role: Attendee["role"]; name: string };

/** Who can be invited to a meeting about this placement: the participant, the employer's users, the organisation's coaches (all with an email). */
export async function inviteOptions(placement: LoadedPlacement): Promise<InviteOption[]> {
  const [employerUsers, coaches] = await Promise.all([
    db.user.findMany({
      where: { employerId: placement.opening.employerId, role: "employer", deactivatedAt: null, email: { not: null } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, email: true, title: true },
    }),
    db.user.findMany({
      where: {
        organizationId: placement.participant.organizationId,
        role: { in: ["coach", "admin"] },
        deactivatedAt: null,
        email: { not: null },
      },
      orderBy: { name: "asc" },
      select: { id: true, name: true, email: true },
    }),
  ]);
  const options: InviteOption[] = [];
  const participantEmail = placement.participant.email ?? placement.participant.user?.email ?? null;
  if (participantEmail)
    options.push({
      value: "participant",
      label: `${placement.participant.pseudonym} (deltagare)`,
      email: participantEmail,
      role: "participant",
      name: placement.participant.pseudonym,
    });
  for (const u of employerUsers)
    options.push({
      value: `employer:${u.id}`,
      label: `${u.name} (${u.title ?? placement.opening.employer.name})`,
      email: u.email!,
      role: "employer",
      name: u.name,
    });
  for (const u of coaches)
    options.push({ value: `coach:${u.id}`, label: `${u.name} (coach)`, email: u.email!, role: "coach", name: u.name });
  return options;
}

/** What a new meeting's form starts with: for a three-party meeting the participant and the employer's people. */
export function defaultInvites(options: InviteOption[], kind: string, coachId: string | null): string[] {
  return options
    .filter(
      (o) =>
        o.role === "employer" || (kind === "three_party" && o.role === "participant") || o.value === `coach:${coachId}`,
    )
    .map((o) => o.value);
}

/** "måndag 2 mars 2026 kl. 13:30–14:30" */
export function formatMeetingTime(start: Date, durationMin: number): string {
  const end = new Date(start.getTime() + durationMin * 60_000);
  return `${formatWeekdayDate(start)} kl. ${formatClockTime(start)}–${formatClockTime(end)}`;
}

type MeetingForMail = {
  id: string;
  kind: string;
  scheduledAt: Date;
  durationMin: number;
  place: string | null;
  videoLink: string | null;
  phone: string | null;
  agenda: string | null;
  sequence: number;
  createdAt: Date;
  attendees: string;
  placementId: string;
};

type Organizer = { id: string; name: string; email: string | null };

/** Queue one email per attendee with the calendar file: an invitation, a new time, or a cancellation. */
async function sendMeetingMail(
  tx: DbOrTx,
  meeting: MeetingForMail,
  placement: { subject: string },
  organizer: Organizer,
  change: "new" | "moved" | "cancelled",
) {
  const attendees = readAttendees(meeting.attendees);
  if (attendees.length === 0) return;
  const method: CalendarMethod = change === "cancelled" ? "CANCEL" : "REQUEST";
  const kindLabel = meetingKinds.label(meeting.kind);
  const location =
    [meeting.place, meeting.phone ? `Telefon: ${meeting.phone}` : null, meeting.videoLink]
      .filter(Boolean)
      .join(" · ") || null;
  const ics = meetingCalendar(
    {
      id: meeting.id,
      summary: `${kindLabel}: ${placement.subject}`,
      description: [
        meeting.agenda ? `Dagordning: ${meeting.agenda}` : null,
        meeting.videoLink ? `Videolänk: ${meeting.videoLink}` : null,
        meeting.phone ? `Telefon: ${meeting.phone}` : null,
        `Brygga: ${absoluteUrl("/")}`,
      ]
        .filter(Boolean)
        .join("\n"),
      start: meeting.scheduledAt,
      durationMin: meeting.durationMin,
      location,
      url: meeting.videoLink,
      sequence: meeting.sequence,
      organizer: { name: organizer.name, email: organizer.email ?? mailFromAddress() },
      attendees: attendees.map((a) => ({ name: a.name, email: a.email })),
      createdAt: meeting.createdAt,
    },
    method,
  );
  const when = formatMeetingTime(meeting.scheduledAt, meeting.durationMin);
  for (const a of attendees) {
    const url =
      a.role === "participant"
        ? supportPaths.participantPlacement(meeting.placementId)
        : a.role === "employer"
          ? supportPaths.employerPlacement(meeting.placementId)
          : supportPaths.coachMeeting(meeting.placementId, meeting.id);
    await enqueueEmail(tx, {
      template: "meetingInvitation",
      to: a.email,
      attachments: [calendarAttachment(ics, method)],
      data: {
        recipientName: a.name,
        audience: a.role === "coach" ? "staff" : a.role,
        change,
        kindLabel,
        about: placement.subject,
        when,
        place: meeting.place,
        videoLink: meeting.videoLink,
        phone: meeting.phone,
        agenda: meeting.agenda,
        organizerName: organizer.name,
        attendeeNames: attendees.map((x) => x.name),
        url: absoluteUrl(url),
      },
    });
  }
}

function subjectOf(placement: LoadedPlacement) {
  return placement.thread?.subject ?? `${placement.participant.pseudonym} – ${placement.opening.title}`;
}

/** The chosen invitees as attendees; the organizer is always one too (so it lands in their calendar). Unknown choices are reported. */
export function chooseAttendees(
  options: InviteOption[],
  chosen: string[],
  organizer: Organizer,
): Result<{ attendees: Attendee[] }, object> {
  const byValue = new Map(options.map((o) => [o.value, o]));
  if (chosen.some((v) => !byValue.has(v))) return { ok: false };
  const attendees: Attendee[] = [];
  const seen = new Set<string>();
  const push = (a: Attendee) => {
    const key = a.email.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    attendees.push(a);
  };
  if (organizer.email) push({ name: organizer.name, email: organizer.email, role: "coach" });
  for (const v of chosen) {
    const o = byValue.get(v)!;
    push({ name: o.name, email: o.email, role: o.role });
  }
  return { ok: true, attendees };
}

export async function scheduleMeeting(
  user: SessionUser,
  placement: LoadedPlacement,
  input: MeetingInput,
  attendees: Attendee[],
) {
  const meeting = await db.$transaction(async (tx) => {
    const meeting = await tx.meeting.create({
      data: {
        placementId: placement.id,
        kind: input.kind,
        scheduledAt: input.scheduledAt,
        durationMin: input.durationMin,
        place: input.place,
        videoLink: input.videoLink,
        phone: input.phone,
        agenda: input.agenda,
        attendees: JSON.stringify(attendees),
        sequence: 0,
        status: "planned",
        createdById: user.id,
      },
    });
    await sendMeetingMail(tx, meeting, { subject: subjectOf(placement) }, user, "new");
    await audit(tx, {
      actorId: user.id,
      participantId: placement.participantId,
      action: "create",
      entity: "meeting",
      detail: meeting.id,
    });
    return meeting;
  });
  kickOutbox();
  return meeting;
}

/** A meeting of the placement, or a 404. */
export async function requireMeeting(placement: LoadedPlacement, meetingId: string | undefined) {
  const meeting = meetingId
    ? await db.meeting.findFirst({
        where: { id: meetingId, placementId: placement.id },
        include: { actions: { orderBy: [{ dueDate: "asc" }] }, createdBy: { select: { name: true } } },
      })
    : null;
  if (!meeting) notFound("Mötet finns inte.");
  return meeting;
}
export type LoadedMeeting = Awaited<ReturnType<typeof requireMeeting>>;

/** New time, place or invitees: the attendees get the update (same UID, SEQUENCE + 1). */
export async function rescheduleMeeting(
  user: SessionUser,
  placement: LoadedPlacement,
  meeting: LoadedMeeting,
  input: MeetingInput,
  attendees: Attendee[],
) {
  await db.$transaction(async (tx) => {
    const removed = readAttendees(meeting.attendees).filter(
      (a) => !attendees.some((b) => b.email.toLowerCase() === a.email.toLowerCase()),
    );
    const updated = await tx.meeting.update({
      where: { id: meeting.id },
      data: {
        kind: input.kind,
        scheduledAt: input.scheduledAt,
        durationMin: input.durationMin,
        place: input.place,
        videoLink: input.videoLink,
        phone: input.phone,
        agenda: input.agenda,
        attendees: JSON.stringify(attendees),
        sequence: { increment: 1 },
      },
    });
    await sendMeetingMail(tx, updated, { subject: subjectOf(placement) }, user, "moved");
    // Those no longer invited get a cancellation, so the meeting leaves their calendars.
    if (removed.length > 0)
      await sendMeetingMail(
        tx,
        { ...updated, attendees: JSON.stringify(removed) },
        { subject: subjectOf(placement) },
        user,
        "cancelled",
      );
    await audit(tx, {
      actorId: user.id,
      participantId: placement.participantId,
      action: "update",
      entity: "meeting",
      detail: `${meeting.id} moved`,
    });
  });
  kickOutbox();
}

/** Cancel planned meetings inside a transaction: status, SEQUENCE + 1, and a cancellation to each attendee. */
export async function cancelMeetingsInTx(tx: DbOrTx, user: Organizer, meetingIds: string[]) {
  for (const id of meetingIds) {
    const meeting = await tx.meeting.update({
      where: { id },
      data: { status: "cancelled", sequence: { increment: 1 } },
      include: {
        placement: {
          select: {
            thread: { select: { subject: true } },
            participant: { select: { pseudonym: true } },
            opening: { select: { title: true } },
          },
        },
      },
    });
    const subject =
      meeting.placement.thread?.subject ??
      `${meeting.placement.participant.pseudonym} – ${meeting.placement.opening.title}`;
    await sendMeetingMail(tx, meeting, { subject }, user, "cancelled");
  }
}

export async function cancelMeeting(user: SessionUser, placement: LoadedPlacement, meeting: LoadedMeeting) {
  await db.$transaction(async (tx) => {
    await cancelMeetingsInTx(tx, user, [meeting.id]);
    await audit(tx, {
      actorId: user.id,
      participantId: placement.participantId,
      action: "update",
      entity: "meeting",
      detail: `${meeting.id} cancelled`,
    });
  });
  kickOutbox();
}

/** Notes from the meeting; marking it done also plans the next check-in by the support intensity. */
export async function recordMeetingNotes(
  user: SessionUser,
  placement: LoadedPlacement,
  meeting: LoadedMeeting,
  input: { notes: string; done: boolean },
  now = currentTime(),
) {
  await db.$transaction(async (tx) => {
    const becomesDone = input.done && meeting.status !== "done";
    await tx.meeting.update({
      where: { id: meeting.id },
      data: { notes: input.notes, ...(becomesDone ? { status: "done", doneAt: now } : {}) },
    });
    if (becomesDone) {
      const next = nextCheckInAfter(meeting.scheduledAt < now ? meeting.scheduledAt : now, placement.supportIntensity);
      // Only move the check-in forward (a later one planned by hand stays).
      if (!placement.nextCheckInAt || (next && next > placement.nextCheckInAt) || placement.nextCheckInAt <= now) {
        await tx.placement.update({ where: { id: placement.id }, data: { nextCheckInAt: next } });
      }
    }
    await audit(tx, {
      actorId: user.id,
      participantId: placement.participantId,
      action: "update",
      entity: "meeting",
      detail: `${meeting.id} notes${becomesDone ? ", done" : ""}`,
    });
  });
}

export async function addMeetingAction(
  user: SessionUser,
  placement: LoadedPlacement,
  meeting: LoadedMeeting,
  input: { text: string; owner: string; dueDate: Date },
) {
  await db.$transaction(async (tx) => {
    await tx.meetingAction.create({
      data: { meetingId: meeting.id, text: input.text, owner: input.owner, dueDate: input.dueDate },
    });
    await audit(tx, {
      actorId: user.id,
      participantId: placement.participantId,
      action: "update",
      entity: "meeting",
      detail: `${meeting.id} action added`,
    });
  });
}

/** Mark an agreed action done (or not done again). A 404 for an action of another meeting. */
export async function setActionDone(
  user: SessionUser,
  placement: LoadedPlacement,
  meeting: LoadedMeeting,
  actionId: string,
  done: boolean,
) {
  const action = meeting.actions.find((a) => a.id === actionId);
  if (!action) notFound("Åtgärden finns inte.");
  await db.$transaction(async (tx) => {
    await tx.meetingAction.update({ where: { id: action.id }, data: { doneAt: done ? currentTime() : null } });
    await audit(tx, {
      actorId: user.id,
      participantId: placement.participantId,
      action: "update",
      entity: "meeting",
      detail: `${meeting.id} action ${done ? "done" : "reopened"}`,
    });
  });
}
