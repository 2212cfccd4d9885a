// Export (JSON, only this participant's data) and erasure (personal data gone, anonymous
// statistics kept, the erasure audited without personal data).
import { describe, expect, test } from "vitest";
import * as eraseRoute from "~/routes/coach/participant-erase.tsx";
import * as exportRoute from "~/routes/coach/participant-export.ts";
import * as participantRoute from "~/routes/coach/participant.tsx";
import { db } from "~/utils/db.server.ts";
import { createParticipant, createWorld } from "../support/factories.ts";
import { sessionCookieFor } from "../support/requests.ts";
import { fieldErrors, load, submit } from "../support/routes.ts";

async function richWorld() {
  const world = await createWorld();
  const { participant, participantUser, coach, employer, organization } = world;
  const email = `elin-${participant.id}@example.se`;
  await db.participant.update({
    where: { id: participant.id },
    data: {
      pseudonym: "Elin",
      realName: "Elin Andersson",
      email,
      phone: "070-111 22 33",
      birthYear: 1992,
      gender: "woman",
      postalCode: "55320",
      startOccupation: "job_seeking",
      startIncomeSources: '["activity_support"]',
    },
  });
  await db.user.update({ where: { id: participantUser.id }, data: { email, name: "Elin" } });
  const occupation = await db.occupation.findFirstOrThrow({ where: { label: { startsWith: "Lager" } } });
  await db.profile.update({
    where: { participantId: participant.id },
    data: {
      interests: JSON.stringify({ occupationIds: [occupation.id], groupCodes: [] }),
      strengths: '["Noggrann"]',
      needs: '[{"code":"written_instructions","must":true}]',
    },
  });
  await db.consent.create({ data: { participantId: participant.id, scope: "brygga", given: true, date: new Date() } });
  await db.profileComment.create({
    data: { participantId: participant.id, authorId: participantUser.id, body: "Jag vill inte jobba helger." },
  });
  await db.employerContact.create({
    data: {
      organizationId: organization.id,
      employerId: employer.id,
      coachId: coach.id,
      participantId: participant.id,
      kind: "visit",
      occurredAt: new Date(),
      notes: "Besök om Elin",
    },
  });
  await db.outcomeRecord.create({
    data: {
      participantId: participant.id,
      exitReason: "work",
      exitOccupation: "employed",
      exitIncomeSources: '["salary"]',
    },
  });
  const sibling = await createParticipant(organization.id, { coachId: coach.id, pseudonym: "Syskonet Frej" });
  return { ...world, occupation, sibling };
}

describe("export", () => {
  test("a coach downloads the participant's data as JSON; nothing about other participants; audited", async () => {
    const { coach, participant, occupation, sibling } = await richWorld();
    const cookie = await sessionCookieFor(coach.id);
    const result = await load(exportRoute, "/x", cookie, { participantId: participant.id });
    expect(result.status).toBe(200);
    expect(result.response?.headers.get("Content-Type")).toMatch(/application\/json/);
    expect(result.response?.headers.get("Content-Disposition")).toMatch(/attachment/);
    const text = await result.response!.text();
    const body = JSON.parse(text);
    expect(body.participant).toMatchObject({
      pseudonym: "Elin",
      realName: "Elin Andersson",
      email: expect.stringMatching(/^elin-/),
      birthYear: 1992,
    });
    expect(body.profile.interests.occupations).toEqual([{ id: occupation.id, label: occupation.label }]);
    expect(body.profile.needs).toEqual([
      { code: "written_instructions", label: "Skriftliga instruktioner eller checklistor", must: true },
    ]);
    expect(body.comments[0]).toMatchObject({ body: "Jag vill inte jobba helger.", author: "deltagaren" });
    expect(body.employerContacts[0]).toMatchObject({ notes: "Besök om Elin" });
    expect(body.consents).toHaveLength(1);
    expect(text).not.toContain(sibling.id);
    expect(text).not.toContain("Syskonet Frej");
    expect(
      await db.auditEvent.count({ where: { participantId: participant.id, action: "export", actorId: coach.id } }),
    ).toBe(1);
  });

  test("another organisation's participant is a 404; employers get 403", async () => {
    const ours = await createWorld();
    const theirs = await createWorld();
    expect(
      (await load(exportRoute, "/x", await sessionCookieFor(ours.coach.id), { participantId: theirs.participant.id }))
        .status,
    ).toBe(404);
    expect(
      (
        await load(exportRoute, "/x", await sessionCookieFor(ours.employerUser.id), {
          participantId: ours.participant.id,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await load(exportRoute, "/x", await sessionCookieFor(ours.participantUser.id), {
          participantId: ours.participant.id,
        })
      ).status,
    ).toBe(403);
  });
});

describe("erasure", () => {
  test("the admin erases: personal data gone, anonymous statistics kept, erasure audited without personal data", async () => {
    const { admin, coach, participant, participantUser, organization, employer, sibling } = await richWorld();
    // Some history in the audit trail first.
    await load(participantRoute, "/x", await sessionCookieFor(coach.id), { participantId: participant.id });
    const cookie = await sessionCookieFor(admin.id);
    const params = { participantId: participant.id };
    expect((await load(eraseRoute, "/x", cookie, params)).status).toBe(200);

    const wrong = await submit(eraseRoute, "/x", { confirm: "elin" }, cookie, params);
    expect(wrong.status).toBe(400);
    expect(fieldErrors(wrong).confirm?.[0]).toMatch(/Elin/);
    expect((await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).erasedAt).toBeNull();

    const result = await submit(eraseRoute, "/x", { confirm: "Elin" }, cookie, params);
    expect(result.status).toBe(302);
    expect(result.response?.headers.get("Location")).toBe("/admin/arenden");

    const tombstone = await db.participant.findUniqueOrThrow({ where: { id: participant.id } });
    expect(tombstone).toMatchObject({
      realName: null,
      email: null,
      phone: null,
      birthYear: null,
      postalCode: null,
      municipalityCode: null,
      lat: null,
      userId: null,
      coachId: null,
      phase: "exited",
    });
    expect(tombstone.pseudonym).not.toContain("Elin");
    expect(tombstone.erasedAt).not.toBeNull();
    expect(await db.profile.count({ where: { participantId: participant.id } })).toBe(0);
    expect(await db.consent.count({ where: { participantId: participant.id } })).toBe(0);
    expect(await db.profileComment.count({ where: { participantId: participant.id } })).toBe(0);
    expect(await db.phaseChange.count({ where: { participantId: participant.id } })).toBe(0);
    expect(await db.outcomeRecord.count({ where: { participantId: participant.id } })).toBe(0);
    expect(await db.user.findUnique({ where: { id: participantUser.id } })).toBeNull();
    expect(await db.session.count({ where: { userId: participantUser.id } })).toBe(0);
    // The employer contact stays in the organisation's history, unlinked.
    expect(await db.employerContact.findFirst({ where: { employerId: employer.id } })).toMatchObject({
      participantId: null,
    });

    const stats = await db.anonymousOutcome.findFirstOrThrow({ where: { organizationId: organization.id } });
    expect(stats).toMatchObject({
      gender: "woman",
      birthYear: 1992,
      municipalityCode: "0680",
      startOccupation: "job_seeking",
      exitReason: "work",
      exitOccupation: "employed",
    });
    expect(JSON.parse(stats.exitIncomeSources)).toEqual(["salary"]);
    expect(stats.enrolledAt.getUTCDate()).toBe(1);

    const erasure = await db.auditEvent.findFirstOrThrow({ where: { participantId: participant.id, action: "erase" } });
    expect(erasure.actorId).toBe(admin.id);
    expect(JSON.stringify(erasure)).not.toMatch(/Elin|elin@|070-111/);
    const everything = JSON.stringify(await db.auditEvent.findMany({ where: { participantId: participant.id } }));
    expect(everything).not.toMatch(/Elin|elin@/);

    // The record is gone for coaches; the sibling is untouched.
    expect((await load(participantRoute, "/x", await sessionCookieFor(coach.id), params)).status).toBe(404);
    expect((await load(exportRoute, "/x", await sessionCookieFor(coach.id), params)).status).toBe(404);
    expect((await db.participant.findUniqueOrThrow({ where: { id: sibling.id } })).pseudonym).toBe("Syskonet Frej");
  });

  test("only the organisation's admin can erase", async () => {
    const ours = await createWorld();
    const theirs = await createWorld();
    const params = { participantId: ours.participant.id };
    const statsBefore = await db.anonymousOutcome.count();
    for (const user of [ours.coach, ours.employerUser, ours.participantUser]) {
      const cookie = await sessionCookieFor(user.id);
      expect((await load(eraseRoute, "/x", cookie, params)).status).toBe(403);
      expect((await submit(eraseRoute, "/x", { confirm: ours.participant.pseudonym }, cookie, params)).status).toBe(
        403,
      );
    }
    expect(
      (
        await submit(
          eraseRoute,
          "/x",
          { confirm: ours.participant.pseudonym },
          await sessionCookieFor(theirs.admin.id),
          params,
        )
      ).status,
    ).toBe(404);
    expect((await db.participant.findUniqueOrThrow({ where: { id: ours.participant.id } })).erasedAt).toBeNull();
    expect(await db.anonymousOutcome.count()).toBe(statsBefore);
  });
});
