// Calendar invitations for follow-ups and three-party meetings (iCalendar, RFC 5545/5546), made with
// ical-generator. One event per meeting with a UID that never changes, so a new time (METHOD:REQUEST
// with a higher SEQUENCE) updates the event in the attendees' calendars and a cancellation
// (METHOD:CANCEL) removes it. Times are written in UTC, which every calendar program reads.
import { currentTime } from "../app/utils/clock.server.ts";
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { getEnv } from "../app/utils/env.server.ts";
import { mailFrom } from "./transport.server.ts";

export type CalendarPerson = { name: string; email: string };

export type CalendarMeeting = {
  id: string;
  summary: string;
  description: string;
  start: Date;
  durationMin: number;
  location: string | null;
  url: string | null;
  sequence: number;
  organizer: CalendarPerson;
  attendees: CalendarPerson[];
  createdAt: Date;
};

/** The event's UID: the meeting id at the app's host name, the same for every version of the invite. */
export function meetingUid(meetingId: string): string {
  const host = new URL(getEnv().APP_URL).hostname || "brygga.local";
  return `meeting-${meetingId}@${host}`;
}

/** The address in MAIL_FROM ("Brygga <no-reply@…>" → "no-reply@…"), for an organizer without email. */
export function mailFromAddress(): string {
  const from = mailFrom();
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}

export type CalendarMethod = "REQUEST" | "CANCEL";

/** The .ics text for an invitation (REQUEST) or a cancellation (CANCEL) of one meeting. */
export function meetingCalendar(meeting: CalendarMeeting, method: CalendarMethod): string {
  const calendar = ical({
    prodId: { company: "Brygga", product: "Brygga", language: "SV" },
    method: method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: meetingUid(meeting.id),
    sequence: meeting.sequence,
    start: meeting.start,
    end: new Date(meeting.start.getTime() + meeting.durationMin * 60_000),
    stamp: currentTime(),
    created: meeting.createdAt,
    summary: meeting.summary,
    description: meeting.description,
    location: meeting.location,
    url: meeting.url,
    status: method === "CANCEL" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: meeting.organizer.name, email: meeting.organizer.email },
    attendees: meeting.attendees.map((a) => ({
      name: a.name,
      email: a.email,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: method === "REQUEST",
    })),
  });
  return calendar.toString();
}

/** An outbox attachment for the calendar text (the method in the content type, as RFC 6047 asks). */
export function calendarAttachment(ics: string, method: CalendarMethod) {
  return {
    filename: method === "CANCEL" ? "installt-mote.ics" : "mote.ics",
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: ics,
  };
}
