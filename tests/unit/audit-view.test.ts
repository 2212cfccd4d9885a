// The admin's log reads in Swedish with links, never internal codes or ids (issue 14).
import { describe, expect, test } from "vitest";
import { describeAuditEvent } from "~/domain/vocab/audit.ts";

describe("describeAuditEvent", () => {
  test("a placement read names whose page it was and links to the placement instead of showing its id", () => {
    expect(describeAuditEvent({ entity: "placement:staff", detail: "czp9x1y2z3a4b5c6d7e8f9g0" })).toEqual({
      what: "Placeringen (coachens sida)",
      detail: null,
      link: { to: "/coach/placeringar/czp9x1y2z3a4b5c6d7e8f9g0", text: "Öppna placeringen" },
    });
    expect(describeAuditEvent({ entity: "placement:employer", detail: "czp9x1y2z3a4b5c6d7e8f9g0" }).what).toBe(
      "Placeringen (arbetsgivarens sida)",
    );
  });

  test("a meeting entry says what happened in Swedish and links through its placement", () => {
    const placementOf = (id: string) => (id === "m1abcdefghij" ? "p1abcdefghij" : null);
    expect(describeAuditEvent({ entity: "meeting", detail: "m1abcdefghij cancelled" }, placementOf)).toEqual({
      what: "Möte",
      detail: "inställt",
      link: { to: "/coach/placeringar/p1abcdefghij/moten/m1abcdefghij", text: "Öppna mötet" },
    });
    expect(describeAuditEvent({ entity: "meeting", detail: "m2abcdefghij notes, done" }, placementOf)).toEqual({
      what: "Möte",
      detail: "anteckningar, genomfört",
      link: null,
    });
  });

  test("every entity the app records has a Swedish label; plain details are kept", () => {
    for (const entity of ["proposal", "presentation", "reverse-match", "meeting", "placement", "staff", "outcome"])
      expect(describeAuditEvent({ entity, detail: null }).what).not.toBe(entity);
    expect(describeAuditEvent({ entity: "proposal", detail: "Förslag: Lagerjobb (80 poäng)" })).toEqual({
      what: "Förslag",
      detail: "Förslag: Lagerjobb (80 poäng)",
      link: null,
    });
  });
});
