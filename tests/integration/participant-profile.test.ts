// The participant's own profile: plain Swedish view, comments and the coach's answers, own export,
// and that a participant sees only themself.
import { describe, expect, test } from "vitest";
import * as participantRoute from "~/routes/coach/participant.tsx";
import * as ownExport from "~/routes/participant/export.ts";
import * as ownProfile from "~/routes/participant/profile.tsx";
import { db } from "~/utils/db.server.ts";
import { createParticipant, createUser, createWorld } from "../support/factories.ts";
import { sessionCookieFor } from "../support/requests.ts";
import { fieldErrors, load, submit } from "../support/routes.ts";

describe("the participant's own profile", () => {
  test("reads their profile with labels; the read is audited", async () => {
    const { participant, participantUser } = await createWorld();
    const occupation = await db.occupation.findFirstOrThrow({ where: { label: { startsWith: "Lager" } } });
    await db.profile.update({
      where: { participantId: participant.id },
      data: { interests: JSON.stringify({ occupationIds: [occupation.id], groupCodes: [] }) },
    });
    const cookie = await sessionCookieFor(participantUser.id);
    const result = await load(ownProfile, "/deltagare/profil", cookie);
    expect(result.status).toBe(200);
    const value = result.value as { pseudonym: string; labels: { interestOccupations: Array<{ label: string }> } };
    expect(value.pseudonym).toBe(participant.pseudonym);
    expect(value.labels.interestOccupations[0]?.label).toBe(occupation.label);
    expect(
      await db.auditEvent.count({
        where: { participantId: participant.id, actorId: participantUser.id, action: "read", entity: "own-profile" },
      }),
    ).toBe(1);
  });

  test("comments; the coach sees it as unanswered and answers; the participant sees the answer", async () => {
    const { participant, participantUser, coach } = await createWorld();
    const cookie = await sessionCookieFor(participantUser.id);
    const empty = await submit(ownProfile, "/deltagare/profil", { body: "   " }, cookie);
    expect(empty.status).toBe(400);
    expect(fieldErrors(empty).body?.[0]).toMatch(/Skriv något/);
    const tooLong = await submit(ownProfile, "/deltagare/profil", { body: "x".repeat(1001) }, cookie);
    expect(tooLong.status).toBe(400);
    expect(await db.profileComment.count()).toBe(0);

    expect(
      (await submit(ownProfile, "/deltagare/profil", { body: "Jag kan inte jobba tidiga morgnar." }, cookie)).status,
    ).toBe(302);
    expect(
      await db.auditEvent.count({
        where: { participantId: participant.id, action: "create", entity: "comment", actorId: participantUser.id },
      }),
    ).toBe(1);

    const coachCookie = await sessionCookieFor(coach.id);
    const page = await load(participantRoute, "/x", coachCookie, { participantId: participant.id });
    const comments = (
      page.value as { comments: Array<{ id: string; body: string; byParticipant: boolean; replies: unknown[] }> }
    ).comments;
    expect(comments).toMatchObject([{ body: "Jag kan inte jobba tidiga morgnar.", byParticipant: true, replies: [] }]);
    const noBody = await submit(
      participantRoute,
      "/x",
      { intent: "reply", replyToId: comments[0]!.id, body: "" },
      coachCookie,
      { participantId: participant.id },
    );
    expect(noBody.status).toBe(400);
    const reply = await submit(
      participantRoute,
      "/x",
      { intent: "reply", replyToId: comments[0]!.id, body: "Då skriver vi in det i önskemålen." },
      coachCookie,
      { participantId: participant.id },
    );
    expect(reply.status).toBe(302);

    const again = await load(ownProfile, "/deltagare/profil", cookie);
    const threads = (
      again.value as { threads: Array<{ author: string; replies: Array<{ body: string; author: string }> }> }
    ).threads;
    expect(threads).toMatchObject([
      { author: "Du", replies: [{ body: "Då skriver vi in det i önskemålen.", author: coach.name }] },
    ]);
  });

  test("a coach cannot reply to another organisation's participant's comment", async () => {
    const ours = await createWorld();
    const theirs = await createWorld();
    const comment = await db.profileComment.create({
      data: { participantId: theirs.participant.id, authorId: theirs.participantUser.id, body: "Hej" },
    });
    const result = await submit(
      participantRoute,
      "/x",
      { intent: "reply", replyToId: comment.id, body: "Svar" },
      await sessionCookieFor(ours.coach.id),
      { participantId: ours.participant.id },
    );
    expect(result.status).toBe(400);
    expect(await db.profileComment.count({ where: { replyToId: comment.id } })).toBe(0);
  });

  test("the participant downloads their own data only", async () => {
    const { organization, coach, participant, participantUser } = await createWorld();
    const other = await createParticipant(organization.id, { coachId: coach.id, pseudonym: "Någon annan" });
    const result = await load(ownExport, "/deltagare/profil/ladda-ner", await sessionCookieFor(participantUser.id));
    expect(result.status).toBe(200);
    const text = await result.response!.text();
    expect(JSON.parse(text).participant.id).toBe(participant.id);
    expect(text).not.toContain(other.id);
    expect(text).not.toContain("Någon annan");
    expect(await db.auditEvent.count({ where: { participantId: participant.id, action: "export" } })).toBe(1);
  });

  test("coaches, employers and admins cannot use the participant pages; a participant account without a record is refused", async () => {
    const { coach, employerUser, admin } = await createWorld();
    for (const user of [coach, employerUser, admin]) {
      const cookie = await sessionCookieFor(user.id);
      expect((await load(ownProfile, "/deltagare/profil", cookie)).status).toBe(403);
      expect((await submit(ownProfile, "/deltagare/profil", { body: "x" }, cookie)).status).toBe(403);
      expect((await load(ownExport, "/deltagare/profil/ladda-ner", cookie)).status).toBe(403);
    }
    const orphan = await createUser("participant");
    expect((await load(ownProfile, "/deltagare/profil", await sessionCookieFor(orphan.id))).status).toBe(403);
  });
});
