// "Föreslå" with a personal note (issue 14): the coach's note is kept with the proposal, goes into
// the participant's email and proposal page, and shows on the coach's page. A note that is too long
// is refused in Swedish and nothing is proposed or sent. Without a note the proposal is as before.
import { describe, expect, test } from "vitest";
import * as coachMatches from "~/routes/coach/participant-matches.tsx";
import * as coachProposal from "~/routes/coach/proposal.tsx";
import * as participantProposal from "~/routes/participant/proposal.tsx";
import { db } from "~/utils/db.server.ts";
import { createOpening, createWorld } from "../support/factories.ts";
import { sessionCookieFor } from "../support/requests.ts";
import { load, submit } from "../support/routes.ts";

async function setup() {
  const w = await createWorld();
  const opening = await createOpening(w.employer.id, { kind: "job", title: "Lagerarbetare på Kvarnen" });
  return {
    ...w,
    opening,
    coachCookie: await sessionCookieFor(w.coach.id),
    participantCookie: await sessionCookieFor(w.participantUser.id),
  };
}

function propose(w: Awaited<ReturnType<typeof setup>>, fields: Record<string, string>) {
  return submit(
    coachMatches,
    `/coach/deltagare/${w.participant.id}/matchning`,
    { intent: "propose", openingId: w.opening.id, ...fields },
    w.coachCookie,
    { participantId: w.participant.id },
  );
}

describe("a proposal with a personal note", () => {
  test("the note is in the participant's email, on their proposal page and on the coach's page", async () => {
    const w = await setup();
    const note = "Hej! Jag tänkte på dig direkt – de har lugna förmiddagar. Ring mig om du undrar något.";
    const result = await propose(w, { note: `  ${note}\r\n` });
    expect(result.status).toBe(302);
    const proposal = await db.proposal.findFirstOrThrow({ where: { participantId: w.participant.id } });
    expect(proposal.coachNote).toBe(note);

    const mail = await db.emailOutbox.findFirstOrThrow({ where: { template: "proposalToParticipant" } });
    expect(mail.text).toContain(note);
    expect(mail.html).toContain("lugna förmiddagar");

    const own = await load(participantProposal, `/deltagare/forslag/${proposal.id}`, w.participantCookie, {
      proposalId: proposal.id,
    });
    expect((own.value as { coachNote: string | null }).coachNote).toBe(note);
    const coachView = await load(coachProposal, `/coach/forslag/${proposal.id}`, w.coachCookie, {
      proposalId: proposal.id,
    });
    expect((coachView.value as { proposal: { coachNote: string | null } }).proposal.coachNote).toBe(note);
  });

  test("no note: the proposal and email carry none", async () => {
    const w = await setup();
    expect((await propose(w, { note: "   " })).status).toBe(302);
    const proposal = await db.proposal.findFirstOrThrow({ where: { participantId: w.participant.id } });
    expect(proposal.coachNote).toBeNull();
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { template: "proposalToParticipant" } });
    expect(mail.text).not.toContain(`${w.coach.name} skriver: ”`);
  });

  test("a note over 1000 characters is refused in Swedish; nothing is proposed or sent", async () => {
    const w = await setup();
    const before = { proposals: await db.proposal.count(), mails: await db.emailOutbox.count() };
    const result = await propose(w, { note: "x".repeat(1001) });
    expect(result.status).toBe(400);
    expect((result.value as { message: string }).message).toBe("Hälsningen får vara högst 1000 tecken.");
    expect(await db.proposal.count()).toBe(before.proposals);
    expect(await db.emailOutbox.count()).toBe(before.mails);
  });
});
