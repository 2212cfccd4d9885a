// Follow-ups and three-party meetings (issue 6): booking sends an invitation with a valid iCalendar
// file (METHOD:REQUEST, organizer, attendees, a UID stable per meeting) to everyone invited through a
// real SMTP server; a new time updates the same event (SEQUENCE + 1); cancelling sends METHOD:CANCEL;
// notes, "genomfört" and agreed actions with owner and due date; bad input changes nothing.
import { describe, expect, test } from "vitest";
import { sendDueEmails } from "../../emails/outbox.server.ts";
import * as coachMeeting from "~/routes/coach/meeting.tsx";
import * as meetingNew from "~/routes/coach/meeting-new.tsx";
import * as employerPlacement from "~/routes/employer/placement.tsx";
import * as participantPlacement from "~/routes/participant/placement.tsx";
import { db } from "~/utils/db.server.ts";
import { useTestSmtpServer, type ReceivedMessage } from "../setup/smtp.ts";
import { createPlacementWithThread, createWorld } from "../support/factories.ts";
import { icsUtc, parseIcs, prop, props, type IcsComponent } from "../support/ics.ts";
import { sessionCookieFor } from "../support/requests.ts";
import { fieldErrors, load, submit } from "../support/routes.ts";
import { addDays, swedishDateTime, swedishInputs } from "../../app/domain/swedish-time.ts";

const smtp = useTestSmtpServer();

async function world() {
  const w = await createWorld();
  const { placement, thread } = await createPlacementWithThread(w);
  return { ...w, placement, thread: thread!, coachCookie: await sessionCookieFor(w.coach.id) };
}

function meetingFields(overrides: Record<string, string | string[]> = {}) {
  const day = swedishInputs(addDays(new Date(), 10)).date;
  return {
    kind: "three_party",
    date: day,
    time: "13:30",
    durationMin: "60",
    place: "Lagret, Storgatan 1",
    videoLink: "",
    phone: "",
    agenda: "Hur går det? Nästa steg.",
    ...overrides,
  };
}

function calendarOf(mail: ReceivedMessage): {
  text: string;
  contentType: string;
  calendar: IcsComponent;
  event: IcsComponent;
} {
  const attachment = mail.attachments.find((a) => a.contentType === "text/calendar");
  expect(attachment, `a text/calendar attachment in "${mail.subject}"`).toBeTruthy();
  const text = attachment!.content.toString("utf8");
  const root = parseIcs(text);
  const calendar = root.components[0]!;
  const event = calendar.components.find((c) => c.type === "VEVENT")!;
  return { text, contentType: attachment!.contentType, calendar, event };
}

async function book(w: Awaited<ReturnType<typeof world>>, fields: Record<string, string | string[]>) {
  return submit(meetingNew, `/coach/placeringar/${w.placement.id}/moten/nytt`, fields, w.coachCookie, {
    placementId: w.placement.id,
  });
}

describe("booking a three-party meeting", () => {
  test("everyone invited gets an email with a valid .ics: REQUEST, start, organizer, attendees, a stable UID", async () => {
    const w = await world();
    const options = await load(meetingNew, `/coach/placeringar/${w.placement.id}/moten/nytt`, w.coachCookie, {
      placementId: w.placement.id,
    });
    const loaded = options.value as {
      inviteOptions: Array<{ value: string }>;
      defaults: { invite: string[]; kind: string };
    };
    expect(loaded.inviteOptions.map((o) => o.value)).toEqual(
      expect.arrayContaining(["participant", `employer:${w.employerUser.id}`, `coach:${w.coach.id}`]),
    );
    expect(loaded.defaults.invite).toEqual(expect.arrayContaining(["participant", `employer:${w.employerUser.id}`]));

    const fields = meetingFields({ invite: ["participant", `employer:${w.employerUser.id}`] });
    const result = await book(w, fields);
    expect(result.status).toBe(302);
    const meeting = await db.meeting.findFirstOrThrow({ where: { placementId: w.placement.id } });
    expect(result.response?.headers.get("Location")).toBe(`/coach/placeringar/${w.placement.id}/moten/${meeting.id}`);
    const start = swedishDateTime(fields.date as string, "13:30")!;
    expect(meeting).toMatchObject({
      kind: "three_party",
      status: "planned",
      durationMin: 60,
      place: "Lagret, Storgatan 1",
      sequence: 0,
      createdById: w.coach.id,
    });
    expect(meeting.scheduledAt.toISOString()).toBe(start.toISOString());

    expect(await sendDueEmails()).toMatchObject({ sent: 3, retried: 0 });
    const mails = await smtp.waitForMessages(3);
    const participantEmail = (await db.user.findUniqueOrThrow({ where: { id: w.participantUser.id } })).email!;
    expect(mails.map((m) => m.envelope.to[0]).sort()).toEqual(
      [w.coach.email, w.employerUser.email, participantEmail].sort(),
    );

    const toEmployer = mails.find((m) => m.envelope.to.includes(w.employerUser.email!))!;
    // Any weekday, lördag and söndag included (\w would not match "ö"), and any month name.
    expect(toEmployer.subject).toMatch(/^Inbjudan: Trepartssamtal \p{L}+dag \d+ \p{L}+ \d{4} kl\. 13:30–14:30$/u);
    expect(toEmployer.text).toContain("Plats: Lagret, Storgatan 1");
    expect(toEmployer.text).toContain(`http://localhost:3000/arbetsgivare/placeringar/${w.placement.id}`);
    const ics = calendarOf(toEmployer);
    expect(ics.contentType).toBe("text/calendar");
    expect(ics.calendar.type).toBe("VCALENDAR");
    expect(prop(ics.calendar, "VERSION")?.value).toBe("2.0");
    expect(prop(ics.calendar, "METHOD")?.value).toBe("REQUEST");
    expect(prop(ics.event, "UID")?.value).toBe(`meeting-${meeting.id}@localhost`);
    expect(prop(ics.event, "SEQUENCE")?.value).toBe("0");
    expect(prop(ics.event, "DTSTART")?.value).toBe(icsUtc(start));
    expect(prop(ics.event, "DTEND")?.value).toBe(icsUtc(new Date(start.getTime() + 60 * 60_000)));
    expect(prop(ics.event, "SUMMARY")?.value).toBe(`Trepartssamtal: ${w.thread.subject}`);
    expect(prop(ics.event, "LOCATION")?.value).toBe("Lagret\\, Storgatan 1");
    const organizer = prop(ics.event, "ORGANIZER")!;
    expect(organizer.value.toLowerCase()).toBe(`mailto:${w.coach.email}`);
    expect(organizer.params.CN).toBe(w.coach.name);
    const attendees = props(ics.event, "ATTENDEE");
    expect(attendees.map((a) => a.value.replace(/^mailto:/i, "")).sort()).toEqual(
      [w.coach.email, w.employerUser.email, participantEmail].sort(),
    );
    for (const a of attendees)
      expect(a.params).toMatchObject({ ROLE: "REQ-PARTICIPANT", PARTSTAT: "NEEDS-ACTION", RSVP: "TRUE" });

    // The participant's invitation is in plain Swedish and points to their own page.
    const toParticipant = mails.find((m) => m.envelope.to.includes(participantEmail))!;
    expect(toParticipant.text).toContain("vill träffa dig och din handledare");
    expect(toParticipant.text).toContain(`http://localhost:3000/deltagare/placering/${w.placement.id}`);
    expect(prop(calendarOf(toParticipant).event, "UID")?.value).toBe(`meeting-${meeting.id}@localhost`);
  });

  test.each([
    ["no place, phone or link", { place: "" }, "place", /Skriv var ni ses/],
    ["a time that has passed", { date: "2020-01-01" }, "date", /redan varit/],
    ["no time", { time: "" }, "time", /Fyll i klockslag/],
    ["a time that does not exist", { time: "25:61" }, "time", /TT:MM/],
    ["a video link that is not https", { videoLink: "javascript:alert(1)" }, "videoLink", /https:\/\//],
    ["a phone number with letters", { phone: "ring mig" }, "phone", /telefonnummer/],
    ["an unknown kind", { kind: "party" }, "kind", /Välj vilken sorts möte/],
    ["someone who may not be invited", { invite: ["employer:someone-else"] }, "invite", /Välj bland dem/],
    ["a long agenda", { agenda: "x".repeat(2001) }, "agenda", /högst 2000 tecken/],
  ])("%s → 400 with a message next to the field; nothing saved or sent", async (_name, overrides, field, message) => {
    const w = await world();
    const before = await db.emailOutbox.count();
    const result = await book(w, meetingFields(overrides as Record<string, string | string[]>));
    expect(result.status).toBe(400);
    expect(fieldErrors(result)[field]?.join(" ")).toMatch(message);
    expect(await db.meeting.count({ where: { placementId: w.placement.id } })).toBe(0);
    expect(await db.emailOutbox.count()).toBe(before);
  });

  test("a phone meeting needs no place; a video link is kept", async () => {
    const w = await world();
    const result = await book(
      w,
      meetingFields({
        kind: "follow_up",
        place: "",
        phone: "036-10 20 30",
        videoLink: "https://meet.example.se/abc",
        invite: [`employer:${w.employerUser.id}`],
      }),
    );
    expect(result.status).toBe(302);
    const meeting = await db.meeting.findFirstOrThrow({ where: { placementId: w.placement.id } });
    expect(meeting).toMatchObject({
      kind: "follow_up",
      place: null,
      phone: "036-10 20 30",
      videoLink: "https://meet.example.se/abc",
    });
  });
});

describe("changing and cancelling", () => {
  test("a new time updates the same event (SEQUENCE 1); cancelling sends METHOD:CANCEL (SEQUENCE 2)", async () => {
    const w = await world();
    await book(w, meetingFields({ invite: [`employer:${w.employerUser.id}`] }));
    const meeting = await db.meeting.findFirstOrThrow({ where: { placementId: w.placement.id } });
    await sendDueEmails();
    smtp.clear();
    const path = `/coach/placeringar/${w.placement.id}/moten/${meeting.id}`;
    const params = { placementId: w.placement.id, meetingId: meeting.id };

    const newDay = swedishInputs(addDays(new Date(), 12)).date;
    const moved = await submit(
      coachMeeting,
      path,
      { intent: "move", ...meetingFields({ date: newDay, time: "09:00", invite: [`employer:${w.employerUser.id}`] }) },
      w.coachCookie,
      params,
    );
    expect(moved.status).toBe(302);
    await sendDueEmails();
    const update = await smtp.waitForMessage((m) => m.envelope.to.includes(w.employerUser.email!));
    expect(update.subject).toMatch(/^Ny tid: Trepartssamtal/);
    const updated = calendarOf(update);
    expect(prop(updated.calendar, "METHOD")?.value).toBe("REQUEST");
    expect(prop(updated.event, "UID")?.value).toBe(`meeting-${meeting.id}@localhost`);
    expect(prop(updated.event, "SEQUENCE")?.value).toBe("1");
    expect(prop(updated.event, "DTSTART")?.value).toBe(icsUtc(swedishDateTime(newDay, "09:00")!));
    smtp.clear();

    const cancelled = await submit(coachMeeting, path, { intent: "cancel" }, w.coachCookie, params);
    expect(cancelled.status).toBe(302);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).status).toBe("cancelled");
    await sendDueEmails();
    const cancel = await smtp.waitForMessage((m) => m.envelope.to.includes(w.employerUser.email!));
    expect(cancel.subject).toMatch(/^Inställt: Trepartssamtal/);
    const ics = calendarOf(cancel);
    expect(prop(ics.calendar, "METHOD")?.value).toBe("CANCEL");
    expect(prop(ics.event, "STATUS")?.value).toBe("CANCELLED");
    expect(prop(ics.event, "SEQUENCE")?.value).toBe("2");
    expect(prop(ics.event, "UID")?.value).toBe(`meeting-${meeting.id}@localhost`);

    // A cancelled meeting can be neither moved nor cancelled again.
    expect((await submit(coachMeeting, path, { intent: "cancel" }, w.coachCookie, params)).status).toBe(400);
  });
});

describe("notes and agreed actions", () => {
  test("notes with 'genomfört' plan the next check-in; actions have owner and due date, done or overdue; the employer sees them", async () => {
    const w = await world();
    await db.placement.update({ where: { id: w.placement.id }, data: { supportIntensity: "biweekly" } });
    const past = await db.meeting.create({
      data: {
        placementId: w.placement.id,
        kind: "three_party",
        scheduledAt: addDays(new Date(), -1),
        durationMin: 60,
        place: "Lagret",
        createdById: w.coach.id,
      },
    });
    const path = `/coach/placeringar/${w.placement.id}/moten/${past.id}`;
    const params = { placementId: w.placement.id, meetingId: past.id };

    const page = await load(coachMeeting, path, w.coachCookie, params);
    expect((page.value as { meeting: { state: string } }).meeting.state).toBe("overdue");

    expect(
      fieldErrors(await submit(coachMeeting, path, { intent: "notes", notes: "  " }, w.coachCookie, params)).notes?.[0],
    ).toMatch(/Fyll i anteckningar/);
    const noted = await submit(
      coachMeeting,
      path,
      { intent: "notes", notes: "Det går bra. <b>Fler uppgifter</b> nästa vecka.", done: "on" },
      w.coachCookie,
      params,
    );
    expect(noted.status).toBe(302);
    const done = await db.meeting.findUniqueOrThrow({ where: { id: past.id } });
    expect(done).toMatchObject({ status: "done", notes: "Det går bra. <b>Fler uppgifter</b> nästa vecka." });
    const placement = await db.placement.findUniqueOrThrow({ where: { id: w.placement.id } });
    expect(swedishInputs(placement.nextCheckInAt!).date).toBe(swedishInputs(addDays(past.scheduledAt, 14)).date);

    const missing = await submit(
      coachMeeting,
      path,
      { intent: "action", text: "Skriva en checklista", owner: "", dueDate: "2026-13-01" },
      w.coachCookie,
      params,
    );
    expect(missing.status).toBe(400);
    expect(fieldErrors(missing)).toMatchObject({
      owner: [expect.stringMatching(/Fyll i vem som ansvarar/)],
      dueDate: [expect.stringMatching(/ÅÅÅÅ-MM-DD/)],
    });
    expect(await db.meetingAction.count({ where: { meetingId: past.id } })).toBe(0);

    const due = swedishInputs(addDays(new Date(), 7)).date;
    expect(
      (
        await submit(
          coachMeeting,
          path,
          { intent: "action", text: "Skriva en checklista för morgonen", owner: "Handledare", dueDate: due },
          w.coachCookie,
          params,
        )
      ).status,
    ).toBe(302);
    const late = await db.meetingAction.create({
      data: { meetingId: past.id, text: "Boka studiebesök", owner: "Coach", dueDate: addDays(new Date(), -3) },
    });
    const action = await db.meetingAction.findFirstOrThrow({ where: { meetingId: past.id, owner: "Handledare" } });
    expect(action.dueDate!.toISOString().slice(0, 10)).toBe(due);
    expect(
      (await submit(coachMeeting, path, { intent: "action-done", actionId: action.id }, w.coachCookie, params)).status,
    ).toBe(302);
    expect((await db.meetingAction.findUniqueOrThrow({ where: { id: action.id } })).doneAt).not.toBeNull();

    // An action of another meeting cannot be touched through this one.
    const other = await db.meeting.create({
      data: {
        placementId: w.placement.id,
        kind: "follow_up",
        scheduledAt: new Date(),
        createdById: w.coach.id,
        actions: { create: { text: "Annat", owner: "Coach" } },
      },
      include: { actions: true },
    });
    expect(
      (
        await submit(
          coachMeeting,
          path,
          { intent: "action-done", actionId: other.actions[0]!.id },
          w.coachCookie,
          params,
        )
      ).status,
    ).toBe(404);

    // The employer sees the three-party meeting's notes and actions (done and overdue).
    const employerPage = await load(
      employerPlacement,
      `/arbetsgivare/placeringar/${w.placement.id}`,
      await sessionCookieFor(w.employerUser.id),
      { placementId: w.placement.id },
    );
    const meetings = (
      employerPage.value as {
        meetings: Array<{
          id: string;
          kind: string;
          notes: string | null;
          actions: Array<{ id: string; overdue: boolean; doneAt: unknown }>;
        }>;
      }
    ).meetings;
    const seen = meetings.find((m) => m.id === past.id)!;
    expect(seen.notes).toContain("Fler uppgifter");
    expect(seen.actions.find((a) => a.id === late.id)?.overdue).toBe(true);
    expect(seen.actions.find((a) => a.id === action.id)?.doneAt).toBeTruthy();
    // …but not the notes of a follow-up.
    await db.meeting.update({ where: { id: other.id }, data: { notes: "Bara för coachen" } });
    const again = await load(
      employerPlacement,
      `/arbetsgivare/placeringar/${w.placement.id}`,
      await sessionCookieFor(w.employerUser.id),
      { placementId: w.placement.id },
    );
    expect(
      (again.value as { meetings: Array<{ id: string; notes: string | null }> }).meetings.find((m) => m.id === other.id)
        ?.notes,
    ).toBeNull();

    // The participant sees upcoming meetings, never notes.
    const upcoming = await db.meeting.create({
      data: {
        placementId: w.placement.id,
        kind: "three_party",
        scheduledAt: addDays(new Date(), 3),
        place: "Lagret",
        notes: "hemligt",
        createdById: w.coach.id,
      },
    });
    const own = await load(
      participantPlacement,
      `/deltagare/placering/${w.placement.id}`,
      await sessionCookieFor(w.participantUser.id),
      { placementId: w.placement.id },
    );
    const mine = (own.value as { upcoming: Array<{ id: string; notes: string | null }> }).upcoming;
    expect(mine.map((m) => m.id)).toEqual([upcoming.id]);
    expect(mine[0]!.notes).toBeNull();
  });
});
