// The one date-order rule (app/domain/date-order.ts): enrolment ≤ placement start ≤ milestone ≤ exit,
// by Swedish calendar day, with the message seen from the date being set.
import { describe, expect, test } from "vitest";
import { dateOrderProblem } from "~/domain/date-order.ts";

const d = (day: string, time = "12:00:00Z") => new Date(`${day}T${time}`);
const enrolledAt = d("2014-03-03");

describe("milestones (follow-ups, employer contacts)", () => {
  test("on or between the enrolment, the placement's start and the exit is in order", () => {
    const dates = { enrolledAt, placementStarts: [d("2014-05-05")], exitedAt: d("2014-09-30") };
    for (const day of ["2014-05-05", "2014-07-01", "2014-09-30"])
      expect(dateOrderProblem("milestone", { ...dates, milestones: [d(day)] })).toBeNull();
    expect(dateOrderProblem("milestone", { enrolledAt, milestones: [d("2014-03-03")] })).toBeNull();
  });

  test("before the enrolment, before the start or after the exit is named", () => {
    expect(dateOrderProblem("milestone", { enrolledAt, milestones: [d("2014-03-02")] })).toBe(
      "Datumet kan inte ligga före inskrivningen (2014-03-03).",
    );
    expect(
      dateOrderProblem("milestone", { enrolledAt, placementStarts: [d("2014-05-05")], milestones: [d("2014-05-04")] }),
    ).toBe("Datumet kan inte ligga före placeringens start (2014-05-05).");
    expect(
      dateOrderProblem(
        "milestone",
        { enrolledAt, placementStarts: [d("2014-05-05")], milestones: [d("2014-05-04")] },
        "anställningens start",
      ),
    ).toBe("Datumet kan inte ligga före anställningens start (2014-05-05).");
    expect(
      dateOrderProblem("milestone", { enrolledAt, exitedAt: d("2014-09-30"), milestones: [d("2014-10-01")] }),
    ).toBe("Datumet kan inte ligga efter avslutet (2014-09-30).");
  });

  test("days are Swedish: 23:30 UTC on 30 September is 1 October in Sweden", () => {
    expect(
      dateOrderProblem("milestone", {
        enrolledAt,
        exitedAt: d("2014-09-30"),
        milestones: [d("2014-09-30", "23:30:00Z")],
      }),
    ).toBe("Datumet kan inte ligga efter avslutet (2014-09-30).");
  });

  test("an exit before a recorded milestone is out of order", () => {
    expect(
      dateOrderProblem("exit", {
        enrolledAt,
        placementStarts: [d("2014-05-05")],
        milestones: [d("2014-06-10"), d("2014-05-20")],
        exitedAt: d("2014-06-01"),
      }),
    ).toBe("Avslutsdatum kan inte ligga före en registrerad uppföljning eller arbetsgivarkontakt (2014-06-10).");
  });
});
