// The employer-contact log: recording contacts (also with a new employer), validation, the
// organisation's history per employer, and the participant's derived first employer contact.
import { describe, expect, test } from "vitest";
import * as historyRoute from "~/routes/coach/employer-contact-history.tsx";
import * as contactsRoute from "~/routes/coach/employer-contacts.tsx";
import * as caseloadRoute from "~/routes/coach/caseload.tsx";
import { db } from "~/utils/db.server.ts";
import { createEmployer, createUser, createWorld } from "../support/factories.ts";
import { sessionCookieFor } from "../support/requests.ts";
import { fieldErrors, load, submit } from "../support/routes.ts";

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe("employer contacts", () => {
  test("a contact about a participant is logged, derives the first employer contact and is audited", async () => {
    const { coach, employer, participant } = await createWorld();
    await db.participant.update({
      where: { id: participant.id },
      data: { enrolledAt: new Date(Date.now() - 10 * 86_400_000) },
    });
    const cookie = await sessionCookieFor(coach.id);
    const result = await submit(
      contactsRoute,
      "/coach/kontakter",
      {
        employerId: employer.id,
        kind: "visit",
        occurredAt: daysAgo(2),
        notes: "Träffade butikschefen. De behöver hjälp med varumottagning.",
        followUpDate: today(),
        participantId: participant.id,
      },
      cookie,
    );
    expect(result.status).toBe(302);
    expect(result.response?.headers.get("Location")).toBe(`/coach/arbetsgivare/${employer.id}/kontakter`);
    const contact = await db.employerContact.findFirstOrThrow({ where: { employerId: employer.id } });
    expect(contact).toMatchObject({ coachId: coach.id, participantId: participant.id, kind: "visit" });
    const outcome = await db.outcomeRecord.findUniqueOrThrow({ where: { participantId: participant.id } });
    expect(outcome.firstEmployerContactAt?.toISOString().slice(0, 10)).toBe(daysAgo(2));
    expect(
      await db.auditEvent.count({
        where: { participantId: participant.id, entity: "employer-contact", action: "create" },
      }),
    ).toBe(1);

    const caseload = await load(caseloadRoute, "/coach/deltagare", cookie);
    const rows = (
      caseload.value as { byPhase: Array<{ participants: Array<{ id: string; firstContact: { kind: string } }> }> }
    ).byPhase.flatMap((g) => g.participants);
    expect(rows.find((r) => r.id === participant.id)?.firstContact.kind).toBe("done");
  });

  test("a new employer is created from the contact form", async () => {
    const { coach, organization } = await createWorld();
    const cookie = await sessionCookieFor(coach.id);
    const result = await submit(
      contactsRoute,
      "/coach/kontakter",
      { newEmployerName: "Bageriet på hörnet", newEmployerSector: "private", kind: "call", occurredAt: today() },
      cookie,
    );
    expect(result.status).toBe(302);
    const employer = await db.employer.findFirstOrThrow({ where: { name: "Bageriet på hörnet" } });
    expect(employer).toMatchObject({ organizationId: organization.id, contactCoachId: coach.id, sector: "private" });
    expect(await db.employerContact.count({ where: { employerId: employer.id } })).toBe(1);
  });

  test.each([
    ["no employer", { kind: "visit", occurredAt: today() }, "employerId", /Välj en arbetsgivare/],
    [
      "new employer without sector",
      { newEmployerName: "X AB", kind: "visit", occurredAt: today() },
      "newEmployerSector",
      /sektor/,
    ],
    ["unknown employer", { employerId: "nope", kind: "visit", occurredAt: today() }, "employerId", /finns inte/],
    ["unknown kind", { employerId: "E", kind: "fax", occurredAt: today() }, "kind", /typ av kontakt/],
    ["date in the future", { employerId: "E", kind: "call", occurredAt: "2999-01-01" }, "occurredAt", /framtiden/],
    ["bad date", { employerId: "E", kind: "call", occurredAt: "igår" }, "occurredAt", /ÅÅÅÅ-MM-DD/],
    [
      "follow-up before contact",
      { employerId: "E", kind: "call", occurredAt: today(), followUpDate: "2020-01-01" },
      "followUpDate",
      /före kontakten/,
    ],
    [
      "another organisation's participant",
      { employerId: "E", kind: "call", occurredAt: today(), participantId: "THEIRS" },
      "participantId",
      /din organisation/,
    ],
  ])("%s → 400, nothing saved", async (_name, fields, field, message) => {
    const { coach, employer } = await createWorld();
    const theirs = await createWorld();
    const cookie = await sessionCookieFor(coach.id);
    const resolved = Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [k, v === "E" ? employer.id : v === "THEIRS" ? theirs.participant.id : v]),
    );
    const before = { contacts: await db.employerContact.count(), employers: await db.employer.count() };
    const result = await submit(contactsRoute, "/coach/kontakter", resolved, cookie);
    expect(result.status).toBe(400);
    expect(fieldErrors(result)[field]?.join(" ")).toMatch(message);
    expect({ contacts: await db.employerContact.count(), employers: await db.employer.count() }).toEqual(before);
  });

  test("an employer's page shows the whole organisation's history with that employer, and only it", async () => {
    const { organization, coach, employer } = await createWorld();
    const colleague = await createUser("coach", { organizationId: organization.id });
    const otherEmployer = await createEmployer();
    const theirs = await createWorld();
    const base = { employerId: employer.id, kind: "meeting", occurredAt: new Date() };
    await db.employerContact.create({
      data: { ...base, organizationId: organization.id, coachId: coach.id, notes: "Mitt möte" },
    });
    await db.employerContact.create({
      data: {
        ...base,
        organizationId: organization.id,
        coachId: colleague.id,
        notes: "Kollegans besök",
        kind: "visit",
      },
    });
    await db.employerContact.create({
      data: { ...base, organizationId: theirs.organization.id, coachId: theirs.coach.id, notes: "Annan organisation" },
    });
    await db.employerContact.create({
      data: {
        ...base,
        employerId: otherEmployer.id,
        organizationId: organization.id,
        coachId: coach.id,
        notes: "Annan arbetsgivare",
      },
    });

    const cookie = await sessionCookieFor(coach.id);
    const page = await load(historyRoute, "/x", cookie, { employerId: employer.id });
    expect(page.status).toBe(200);
    const notes = (page.value as { contacts: Array<{ notes: string }> }).contacts.map((c) => c.notes).sort();
    expect(notes).toEqual(["Kollegans besök", "Mitt möte"]);

    const added = await submit(
      historyRoute,
      "/x",
      { kind: "study_visit", occurredAt: today(), notes: "Studiebesök med deltagare" },
      cookie,
      { employerId: employer.id },
    );
    expect(added.status).toBe(302);
    expect(
      await db.employerContact.count({ where: { employerId: employer.id, organizationId: organization.id } }),
    ).toBe(3);

    expect((await load(historyRoute, "/x", cookie, { employerId: "missing" })).status).toBe(404);
  });

  test("employers and participants cannot reach the contact log", async () => {
    const { employerUser, participantUser, employer } = await createWorld();
    const before = await db.employerContact.count();
    for (const user of [employerUser, participantUser]) {
      const cookie = await sessionCookieFor(user.id);
      expect((await load(contactsRoute, "/coach/kontakter", cookie)).status).toBe(403);
      expect(
        (
          await submit(
            contactsRoute,
            "/coach/kontakter",
            { employerId: employer.id, kind: "call", occurredAt: today() },
            cookie,
          )
        ).status,
      ).toBe(403);
      expect((await load(historyRoute, "/x", cookie, { employerId: employer.id })).status).toBe(403);
    }
    expect(await db.employerContact.count()).toBe(before);
  });
});
