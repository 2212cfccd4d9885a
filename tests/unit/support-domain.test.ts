// Follow-along support rules: Swedish time for meetings, the week, the next check-in by intensity,
// placement flags (overdue check-in, practice decision due two weeks before the end), meeting
// states, and the meeting form.
import { describe, expect, test } from "vitest";
import { renderEmail } from "../../emails/templates/index.ts";
import { actionOverdue, meetingState, nextCheckInAfter, parseMeeting, placementFlags } from "~/domain/support.ts";
import { swedishDateTime, swedishInputs, weekRange } from "../../app/domain/swedish-time.ts";

describe("Swedish time", () => {
  test("a date and time in Swedish time, winter and summer, back and forth", () => {
    expect(swedishDateTime("2026-03-02", "13:30")!.toISOString()).toBe("2026-03-02T12:30:00.000Z");
    expect(swedishDateTime("2026-07-02", "13:30")!.toISOString()).toBe("2026-07-02T11:30:00.000Z");
    expect(swedishInputs(new Date("2026-07-02T11:30:00Z"))).toEqual({ date: "2026-07-02", time: "13:30" });
    expect(swedishDateTime("2026-02-30", "10:00")).toBeNull();
    expect(swedishDateTime("2026-03-02", "24:00")).toBeNull();
  });

  test("the week runs Monday to Sunday in Swedish time, with its ISO number", () => {
    const sundayEvening = weekRange(new Date("2026-11-29T23:30:00Z")); // Monday 00:30 in Sweden (UTC+1)
    expect(sundayEvening).toMatchObject({ firstDay: "2026-11-30", lastDay: "2026-12-06", week: 49 });
    const w = weekRange(new Date("2026-11-25T10:00:00Z"));
    expect(w).toMatchObject({ firstDay: "2026-11-23", lastDay: "2026-11-29", week: 48 });
    expect(w.start.toISOString()).toBe("2026-11-22T23:00:00.000Z");
    expect(weekRange(new Date("2027-01-01T12:00:00Z")).week).toBe(53);
  });
});

describe("the support plan", () => {
  test("the next check-in by intensity; none for 'vid behov'", () => {
    const from = new Date("2026-01-31T10:00:00Z");
    expect(nextCheckInAfter(from, "weekly")!.toISOString().slice(0, 10)).toBe("2026-02-07");
    expect(nextCheckInAfter(from, "biweekly")!.toISOString().slice(0, 10)).toBe("2026-02-14");
    expect(nextCheckInAfter(from, "monthly")!.toISOString().slice(0, 10)).toBe("2026-02-28");
    expect(nextCheckInAfter(from, "on_request")).toBeNull();
  });

  test("flags: overdue check-in; practice decision due two weeks before the end; past the end", () => {
    const base = {
      kind: "practice",
      status: "follow_up",
      startDate: new Date("2026-01-01"),
      endDate: new Date("2026-02-10"),
      nextCheckInAt: new Date("2026-01-20"),
    };
    expect(placementFlags(base, new Date("2026-01-20T20:00:00Z")).checkInOverdue).toBe(false);
    expect(placementFlags(base, new Date("2026-01-25T12:00:00Z"))).toMatchObject({
      checkInOverdue: true,
      decisionDue: false,
      decisionDueOn: "2026-01-27",
      daysToEnd: 16,
      maxEndDate: "2026-07-01",
    });
    expect(placementFlags(base, new Date("2026-01-27T08:00:00Z"))).toMatchObject({ decisionDue: true, pastEnd: false });
    expect(placementFlags(base, new Date("2026-02-12T08:00:00Z"))).toMatchObject({ decisionDue: true, pastEnd: true });
    expect(placementFlags({ ...base, status: "ended" }, new Date("2026-02-12T08:00:00Z"))).toMatchObject({
      checkInOverdue: false,
      decisionDue: false,
      pastEnd: false,
    });
    expect(placementFlags({ ...base, kind: "job", endDate: null }, new Date("2026-02-12T08:00:00Z"))).toMatchObject({
      decisionDue: false,
      decisionDueOn: null,
    });
  });

  test("meetings without notes after their time are overdue; actions past their day", () => {
    const now = new Date("2026-03-05T12:00:00Z");
    expect(
      meetingState({ status: "planned", scheduledAt: new Date("2026-03-05T10:00:00Z"), durationMin: 60 }, now),
    ).toBe("overdue");
    expect(
      meetingState({ status: "planned", scheduledAt: new Date("2026-03-05T11:30:00Z"), durationMin: 60 }, now),
    ).toBe("planned");
    expect(meetingState({ status: "done", scheduledAt: new Date("2026-03-01T10:00:00Z"), durationMin: 60 }, now)).toBe(
      "done",
    );
    expect(actionOverdue({ dueDate: new Date("2026-03-04"), doneAt: null }, now)).toBe(true);
    expect(actionOverdue({ dueDate: new Date("2026-03-05"), doneAt: null }, now)).toBe(false);
    expect(actionOverdue({ dueDate: new Date("2026-03-04"), doneAt: now }, now)).toBe(false);
  });
});

describe("the meeting form", () => {
  const now = new Date("2026-03-05T12:00:00Z");
  const ok = {
    kind: "three_party",
    date: "2026-03-10",
    time: "9.30",
    durationMin: "60",
    place: "Lagret",
    videoLink: "",
    phone: "",
    agenda: "",
    invite: ["participant", "employer:abc"],
  };
  test("a valid meeting in Swedish time", () => {
    const result = parseMeeting(ok, now);
    expect(result.ok && result.data).toMatchObject({
      kind: "three_party",
      durationMin: 60,
      place: "Lagret",
      videoLink: null,
      phone: null,
      agenda: null,
      invite: ["participant", "employer:abc"],
    });
    expect(result.ok && result.data.scheduledAt.toISOString()).toBe("2026-03-10T08:30:00.000Z");
  });
  test("every problem at once, next to its field", () => {
    const result = parseMeeting(
      { ...ok, date: "2026-03-01", place: "", durationMin: "5", videoLink: "http://insecure.example" },
      now,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(["date", "durationMin", "videoLink"]);
    const nowhere = parseMeeting({ ...ok, place: "" }, now);
    expect(!nowhere.ok && nowhere.errors.place?.[0]).toMatch(/Skriv var ni ses/);
  });
});

describe("the emails", () => {
  test("the invitation escapes what people wrote and refuses unsafe links", () => {
    const mail = renderEmail("meetingInvitation", {
      audience: "employer",
      kindLabel: "Trepartssamtal",
      about: "<b>X</b>",
      when: "måndag 2 mars 2026 kl. 13:30–14:30",
      organizerName: "Johanna",
      agenda: `<img src=x onerror="alert(1)">`,
      url: "https://brygga.example.se/a",
    });
    expect(mail.html).not.toContain("<img");
    expect(mail.html).toContain("&lt;img");
    expect(() =>
      renderEmail("meetingInvitation", {
        audience: "employer",
        kindLabel: "T",
        about: "A",
        when: "W",
        organizerName: "J",
        videoLink: "javascript:alert(1)",
        url: "https://brygga.example.se/a",
      }),
    ).toThrow();
  });
  test("a new message says whether answering the mail works", () => {
    const base = {
      authorName: "Per",
      authorOrganization: "Lagret AB",
      subject: "Deltagare – Praktik",
      excerpt: "Hej",
      url: "https://brygga.example.se/coach/placeringar/x",
    };
    expect(renderEmail("threadMessage", { ...base, replyable: true }).text).toContain(
      "Du kan också svara direkt på det här mejlet",
    );
    expect(renderEmail("threadMessage", base).text).not.toContain("svara direkt");
    expect(renderEmail("threadMessage", { ...base, shared: true }).text).toContain("delas också med deltagaren");
  });
});
