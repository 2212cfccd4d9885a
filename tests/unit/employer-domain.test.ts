// Pure rules for employers: dates, response times in plain Swedish, the opening form's cross-field
// rules and JSON column readers, the workplace and profile schemas.
import { describe, expect, test } from "vitest";
import { parseEmployerProfile, parseWorkplace } from "~/domain/employers.ts";
import { canDo, changedFields, parseOpeningForm, readEnvironment, readSchedule } from "~/domain/openings.ts";
import { excerpt, formatDuration, medianMs, responseInfo } from "~/domain/threads.ts";
import { addMonths, parseDateInput, dayKey } from "../../app/domain/swedish-time.ts";

const minute = 60_000;
const at = (m: number) => new Date(Date.UTC(2026, 0, 5, 8, 0) + m * minute);

describe("dates", () => {
  test("date inputs parse to UTC midnight and read back the same day in Swedish time", () => {
    const d = parseDateInput("2026-03-29")!; // the day summer time starts
    expect(d.toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(dayKey(d)).toBe("2026-03-29");
    expect(dayKey(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(parseDateInput("2026-02-30")).toBeNull();
    expect(parseDateInput("30/1/2026")).toBeNull();
  });
  test("six months later is clamped to the month's end", () => {
    expect(addMonths(parseDateInput("2026-08-31")!, 6).toISOString().slice(0, 10)).toBe("2027-02-28");
  });
});

describe("response times", () => {
  test("each answer ends the wait that the employer's oldest unanswered message started", () => {
    const info = responseInfo([
      { id: "q1", createdAt: at(0), side: "employer" },
      { id: "q2", createdAt: at(30), side: "employer" },
      { id: "a1", createdAt: at(125), side: "staff" },
      { id: "a2", createdAt: at(130), side: "staff" },
      { id: "q3", createdAt: at(200), side: "employer" },
    ]);
    expect(info.responseMs).toEqual({ a1: 125 * minute });
    expect(info.firstAnswer).toEqual({ at: at(125), afterMs: 125 * minute });
    expect(info.waitingSince).toEqual(at(200));
  });
  test("plain Swedish durations", () => {
    expect(formatDuration(20_000)).toBe("under en minut");
    expect(formatDuration(minute)).toBe("1 minut");
    expect(formatDuration(45 * minute)).toBe("45 minuter");
    expect(formatDuration(60 * minute)).toBe("1 timme");
    expect(formatDuration(125 * minute)).toBe("2 timmar och 5 minuter");
    expect(formatDuration(26 * 60 * minute)).toBe("1 dag och 2 timmar");
    expect(formatDuration(72 * 60 * minute)).toBe("3 dagar");
  });
  test("median and excerpt", () => {
    expect(medianMs([])).toBeNull();
    expect(medianMs([5, 1, 3])).toBe(3);
    expect(medianMs([4, 1, 3, 2])).toBe(3);
    expect(excerpt("  Hej\n\nhur   går det? ")).toBe("Hej hur går det?");
    expect(excerpt("a".repeat(200), 10)).toBe("aaaaaaaaa…");
  });
});

describe("the opening form", () => {
  const valid = {
    kind: "practice",
    title: "Praktik i butiken",
    workplaceId: "w1",
    occupationId: "occ",
    description: "En liten butik med tre kollegor.",
    tasks: "- Fylla på hyllor\n• Ta emot varor\n\n3. Städa",
    hoursMin: "10",
    hoursMax: "20",
    scheduleTimes: ["evening", "day"],
    startFlexible: "fixed",
    purpose: "Prova butiksarbete.",
    lengthWeeks: "4",
    places: "2",
  };

  test("a valid practice: list markers dropped, codes in vocabulary order, non-practice fields empty", () => {
    const result = parseOpeningForm({ ...valid, employmentSupport: "lonestod" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data).toMatchObject({
      tasks: ["Fylla på hyllor", "Ta emot varor", "Städa"],
      schedule: { times: ["day", "evening"], startFlexible: false },
      environment: {},
      employmentSupport: null,
      competitive: false,
      leadsToEmployment: "maybe",
      supervisorFixed: false,
      places: 2,
    });
  });

  test("a task does not need purpose or length; those fields are dropped", () => {
    const result = parseOpeningForm({ ...valid, kind: "task", purpose: "", lengthWeeks: "" });
    expect(result.ok && result.data.purpose === null && result.data.lengthWeeks === null).toBe(true);
  });

  test("a fixed supervisor needs a name", () => {
    const result = parseOpeningForm({ ...valid, supervisorFixed: "on", supervisorName: "" });
    expect(result.ok && result.data.supervisorFixed).toBe(false);
  });

  test("every rule failure is reported together", () => {
    const result = parseOpeningForm({
      ...valid,
      hoursMin: "30",
      hoursMax: "20",
      startDate: "2026-05-10",
      endDate: "2026-05-01",
      title: "",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(["endDate", "hoursMax", "title"]);
  });

  test("status rules", () => {
    expect(canDo("publish", "draft")).toBe(true);
    expect(canDo("publish", "closed")).toBe(false);
    expect(canDo("edit", "filled")).toBe(false);
    expect(canDo("duplicate", "closed")).toBe(true);
  });

  test("changed fields in Swedish, each named once", () => {
    expect(
      changedFields(
        { title: "A", hoursMin: 1, hoursMax: 2, startDate: new Date(0) },
        { title: "B", hoursMin: 3, hoursMax: 4, startDate: new Date(0) },
      ),
    ).toEqual(["rubrik", "timmar"]);
  });

  test("stored JSON is read leniently", () => {
    expect(readSchedule('{"times":["day","lunch"],"startFlexible":true}')).toEqual({
      times: ["day"],
      startFlexible: true,
    });
    expect(readSchedule("not json")).toEqual({ times: [], startFlexible: false });
    expect(readEnvironment('{"pace":"calm","noise":"deafening","instructions":["written","telepathy"]}')).toEqual({
      pace: "calm",
      instructions: ["written"],
    });
  });
});

describe("profile and workplace schemas", () => {
  test("organisation numbers in the usual forms become NNNNNN-NNNN", () => {
    for (const input of ["556036-0793", "5560360793", "556036 0793", "16556036-0793"]) {
      const r = parseEmployerProfile({ name: "AB", sector: "private", orgNumber: input });
      expect(r.ok && r.data.orgNumber).toBe("556036-0793");
    }
    const empty = parseEmployerProfile({ name: "AB", sector: "public", orgNumber: "" });
    expect(empty.ok && empty.data.orgNumber).toBeNull();
  });
  test("postal codes are normalised", () => {
    const r = parseWorkplace({ name: "Lagret", street: "Gatan 1", postalCode: "553 20" });
    expect(r.ok && r.data).toEqual({
      name: "Lagret",
      street: "Gatan 1",
      postalCode: "55320",
      municipalityCode: null,
      lat: null,
      lng: null,
    });
  });
});
