// The proposal state machine, expiry and the employer's presentation (app/domain/proposals.ts).
import { describe, expect, test } from "vitest";
import { emptyProfile } from "~/domain/profile.ts";
import {
  buildPresentation,
  checkTransition,
  daysLeft,
  isExpired,
  PROPOSAL_TRANSITIONS,
  proposalStatuses,
  startSchema,
  visitSchema,
  waitingOn,
  type ProposalEvent,
} from "~/domain/proposals.ts";
import { parseSwedishDateTime, toSwedishDateTimeInput } from "../../app/domain/swedish-time.ts";

const events = Object.keys(PROPOSAL_TRANSITIONS) as ProposalEvent[];

describe("the state machine", () => {
  test("every event is allowed from exactly its listed statuses and refused from all others", () => {
    for (const event of events) {
      for (const status of proposalStatuses.codes) {
        const allowed = PROPOSAL_TRANSITIONS[event].from.includes(status);
        expect(checkTransition({ status, hasPlacement: false }, event).ok, `${event} from ${status}`).toBe(allowed);
      }
    }
  });

  test("the happy path", () => {
    let status: string = "proposed";
    for (const event of [
      "participant_more_info",
      "participant_yes",
      "present",
      "employer_visit",
      "employer_start",
    ] as ProposalEvent[]) {
      const r = checkTransition({ status, hasPlacement: false }, event);
      expect(r.ok, event).toBe(true);
      if (r.ok) status = r.to;
    }
    expect(status).toBe("accepted_by_employer");
  });

  test("once a placement exists nothing can change it", () => {
    for (const event of events)
      expect(checkTransition({ status: "accepted_by_employer", hasPlacement: true }, event).ok).toBe(false);
  });

  test("closed states are final, with a Swedish reason", () => {
    for (const status of ["declined_by_participant", "declined_by_employer", "expired", "withdrawn"]) {
      for (const event of events) {
        const r = checkTransition({ status, hasPlacement: false }, event);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.message).toMatch(/[åäö]|Förslaget/);
      }
    }
    expect(checkTransition({ status: "nonsense", hasPlacement: false }, "participant_yes").ok).toBe(false);
  });

  test("who a proposal waits on", () => {
    expect(waitingOn({ status: "proposed", hasPlacement: false })).toBe("participant");
    expect(waitingOn({ status: "more_info", hasPlacement: false })).toBe("coach");
    expect(waitingOn({ status: "accepted_by_participant", hasPlacement: false })).toBe("coach");
    expect(waitingOn({ status: "presented", hasPlacement: false })).toBe("employer");
    expect(waitingOn({ status: "accepted_by_employer", hasPlacement: false })).toBe("coach");
    expect(waitingOn({ status: "accepted_by_employer", hasPlacement: true })).toBeNull();
    expect(waitingOn({ status: "expired", hasPlacement: false })).toBeNull();
  });
});

describe("expiry", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  test("only unanswered proposals past their time", () => {
    const past = new Date("2026-03-10T11:59:00Z");
    expect(isExpired({ status: "proposed", expiresAt: past }, now)).toBe(true);
    expect(isExpired({ status: "more_info", expiresAt: past }, now)).toBe(true);
    expect(isExpired({ status: "presented", expiresAt: past }, now)).toBe(false);
    expect(isExpired({ status: "proposed", expiresAt: null }, now)).toBe(false);
    expect(isExpired({ status: "proposed", expiresAt: new Date("2026-03-11T00:00:00Z") }, now)).toBe(false);
    expect(daysLeft({ status: "proposed", expiresAt: new Date("2026-03-13T13:00:00Z") }, now)).toBe(3);
    expect(daysLeft({ status: "presented", expiresAt: new Date("2026-03-13T13:00:00Z") }, now)).toBeNull();
  });
});

describe("dates and times in Swedish time", () => {
  test("datetime-local values are Swedish wall-clock time, summer and winter", () => {
    expect(parseSwedishDateTime("2026-01-15T10:00")!.toISOString()).toBe("2026-01-15T09:00:00.000Z");
    expect(parseSwedishDateTime("2026-07-15T10:00")!.toISOString()).toBe("2026-07-15T08:00:00.000Z");
    expect(toSwedishDateTimeInput(new Date("2026-07-15T08:00:00Z"))).toBe("2026-07-15T10:00");
    for (const bad of ["", "2026-02-30T10:00", "2026-01-15 10:00", "2026-01-15T25:00", "i morgon"])
      expect(parseSwedishDateTime(bad)).toBeNull();
  });

  test("a visit must be ahead; a start not in the past (the coach may go back a little)", () => {
    const now = new Date("2026-03-10T12:00:00Z");
    expect(visitSchema(now).safeParse({ visitAt: "2026-03-10T14:00" }).success).toBe(true); // 13:00 UTC: ahead
    expect(visitSchema(now).safeParse({ visitAt: "2026-03-10T13:00" }).success).toBe(false); // 12:00 UTC: now
    expect(visitSchema(now).safeParse({ visitAt: "2026-03-09T10:00" }).success).toBe(false);
    expect(visitSchema(now).safeParse({ visitAt: "2028-03-09T10:00" }).success).toBe(false);
    expect(startSchema(now).safeParse({ startDate: "2026-03-10" }).success).toBe(true);
    expect(startSchema(now).safeParse({ startDate: "2026-03-09" }).success).toBe(false);
    expect(startSchema(now, { pastDays: 90 }).safeParse({ startDate: "2026-03-01" }).success).toBe(true);
    expect(startSchema(now, { anyPast: true }).safeParse({ startDate: "2013-01-07" }).success).toBe(true);
    expect(startSchema(now, { anyPast: true }).safeParse({ startDate: "2028-03-09" }).success).toBe(false);
    expect(startSchema(now).safeParse({ startDate: "2026-03-20", hoursPerWeek: "0" }).success).toBe(false);
    expect(startSchema(now).safeParse({ startDate: "2026-03-20", hoursPerWeek: "" })).toMatchObject({
      success: true,
      data: { hoursPerWeek: null },
    });
  });
});

describe("the presentation to the employer", () => {
  const labels = {
    interestOccupations: [{ id: "o1", label: "Lagerarbetare" }],
    interestGroups: [],
    skills: [{ id: "s1", label: "Truckkort" }],
    languages: [{ id: "l1", label: "Arabiska" }],
    occupationLabel: {},
  };
  const profile = {
    ...emptyProfile(),
    interests: { occupationIds: ["o1"], groupCodes: [] },
    strengths: ["Noggrann"],
    skillIds: ["s1"],
    education: "Hemlig skola",
    languageIds: ["l1"],
    needs: [{ code: "quiet_workspace" as const, must: true }],
    exclusions: {
      occupationIds: ["x"],
      groupCodes: [],
      environment: ["physicalLoad:heavy"],
      schedule: ["night" as const],
    },
  };

  test("contains only the disclosed, non-empty items, in the vocabulary's order", () => {
    const p = buildPresentation(
      "Kim",
      { ...profile, disclosure: { strengths: true, languages: true, education: false, experience: true } },
      labels,
    );
    expect(p).toEqual({
      pseudonym: "Kim",
      sections: [
        { item: "strengths", title: "Styrkor", lines: ["Noggrann"] },
        { item: "languages", title: "Språk", lines: ["Arabiska"] },
      ],
    });
    expect(JSON.stringify(p)).not.toMatch(/Hemlig skola|Lagerarbetare|Truckkort|avskärmad|night|Natt/);
  });

  test("nothing disclosed: the pseudonym only; needs are shown as needs when disclosed", () => {
    expect(buildPresentation("Kim", profile, labels)).toEqual({ pseudonym: "Kim", sections: [] });
    const withNeeds = buildPresentation("Kim", { ...profile, disclosure: { needs: true } }, labels);
    expect(withNeeds.sections).toEqual([
      { item: "needs", title: "Anpassningar som behövs", lines: ["Behöver: lugn eller avskärmad arbetsplats"] },
    ]);
  });
});
