// Lönestödsförslag and handledarstöd through their routes (issue 15): the coach prepares a proposal
// (zod refusals change nothing), the employer reads it month by month and asks the coach about it
// (a question on a proposal, the placement's thread on a placement); nothing the participant has not
// disclosed reaches the employer; another employer or organisation gets a 404, a participant a 403.
// The supervisor ticks the introduction checklist; the coach sees the progress on the placement and
// in the week view.
import { describe, expect, test } from "vitest";
import * as coachPlacement from "~/routes/coach/placement.tsx";
import * as coachWageSubsidy from "~/routes/coach/wage-subsidy.tsx";
import * as coachWeek from "~/routes/coach/week.tsx";
import * as employerPlacement from "~/routes/employer/placement.tsx";
import * as employerProposal from "~/routes/employer/proposal.tsx";
import * as employerSupervisor from "~/routes/employer/supervisor.tsx";
import * as employerWageSubsidy from "~/routes/employer/wage-subsidy.tsx";
import { addDays, dayKey } from "~/domain/swedish-time.ts";
import { db } from "~/utils/db.server.ts";
import {
  createEmployer,
  createOpening,
  createOrganization,
  createPlacementWithThread,
  createUser,
  createWorld,
} from "../support/factories.ts";
import { noticeOf, sessionCookieFor } from "../support/requests.ts";
import { fieldErrors, load, submit } from "../support/routes.ts";

async function world() {
  const w = await createWorld();
  const opening = await createOpening(w.employer.id, { kind: "job", title: "Lagerarbetare" });
  const proposal = await db.proposal.create({
    data: {
      participantId: w.participant.id,
      openingId: opening.id,
      coachId: w.coach.id,
      score: 80,
      status: "presented",
      participantAnswer: "yes",
      participantAnsweredAt: new Date(),
      presentedAt: new Date(),
    },
  });
  await db.participant.update({
    where: { id: w.participant.id },
    data: { birthYear: 1990, realName: "Hemligt Namn" },
  });
  const otherEmployer = await createEmployer({ organizationId: w.organization.id });
  const otherOrg = await createOrganization();
  return {
    ...w,
    opening,
    proposal,
    coachCookie: await sessionCookieFor(w.coach.id),
    employerCookie: await sessionCookieFor(w.employerUser.id),
    participantCookie: await sessionCookieFor(w.participantUser.id),
    otherEmployerCookie: await sessionCookieFor((await createUser("employer", { employerId: otherEmployer.id })).id),
    otherCoachCookie: await sessionCookieFor((await createUser("coach", { organizationId: otherOrg.id })).id),
  };
}
type World = Awaited<ReturnType<typeof world>>;

const start = () => dayKey(addDays(new Date(), 30));
const planFields = (overrides: Record<string, string> = {}) => ({
  form: "nystartsjobb",
  monthlySalary: "25 000",
  hoursPerWeek: "40",
  contributionCategory: "standard",
  startDate: start(),
  step1Months: "6",
  step1Share: "60",
  step2Months: "6",
  step2Share: "40",
  note: "Beslutet kommer från Arbetsförmedlingen.",
  ...overrides,
});

const coachProposalPath = (w: World) => `/coach/forslag/${w.proposal.id}/lonestod`;
const employerProposalPath = (w: World) => `/arbetsgivare/forslag/${w.proposal.id}/lonestod`;
const onProposal = (w: World) => ({ proposalId: w.proposal.id });

type EmployerView = {
  subject: { pseudonym: string };
  plan: {
    input: { contributionCategory: string; steps: unknown[] };
    calculation: {
      months: Array<{ index: number; salary: number; subsidy: number; netCost: number; wageCost: number }>;
    };
  };
};

describe("lönestödsförslag on a presented candidate", () => {
  test("the coach saves it; the employer reads the cost month by month and asks the coach", async () => {
    const w = await world();
    const saved = await submit(coachWageSubsidy, coachProposalPath(w), planFields(), w.coachCookie, onProposal(w));
    expect(saved.status).toBe(302);
    expect(await noticeOf(saved)).toContain("Lönestödsförslaget är sparat");

    const proposalPage = await load(employerProposal, `/arbetsgivare/forslag/${w.proposal.id}`, w.employerCookie, {
      proposalId: w.proposal.id,
    });
    expect((proposalPage.value as { hasWageSubsidy: boolean }).hasWageSubsidy).toBe(true);

    const page = await load(employerWageSubsidy, employerProposalPath(w), w.employerCookie, onProposal(w));
    expect(page.status).toBe(200);
    const view = page.value as EmployerView;
    expect(view.plan.calculation.months).toHaveLength(12);
    // 25 000 kr + 31,42 % = 32 855 kr; 60 % of (20 000 + 6 284) = 15 770 kr, then 40 % = 10 514 kr.
    expect(view.plan.calculation.months[0]).toMatchObject({ wageCost: 32_855, subsidy: 15_770, netCost: 17_085 });
    expect(view.plan.calculation.months[6]).toMatchObject({ subsidy: 10_514, netCost: 22_341 });
    const text = JSON.stringify(page.value);
    expect(text).not.toContain("Hemligt Namn");
    expect(text).not.toMatch(/\b1990\b/); // random ids and names may hold the digits, never the year itself
    expect(text).not.toContain("birthYear");
    expect(text).not.toContain(w.participant.id);

    const asked = await submit(
      employerWageSubsidy,
      employerProposalPath(w),
      { body: "Gäller stödet även om vi förlänger?" },
      w.employerCookie,
      onProposal(w),
    );
    expect(asked.status).toBe(302);
    const thread = await db.thread.findFirstOrThrow({
      where: { employerId: w.employer.id, kind: "question" },
      include: { messages: true },
    });
    expect(thread.subject).toBe(`Lönestödsförslag: ${w.participant.pseudonym} – Lagerarbetare`);
    expect(thread.messages[0]!.body).toContain("Gäller stödet även om vi förlänger?");
    expect(asked.response!.headers.get("Location")).toBe(`/arbetsgivare/fragor/${thread.id}`);
  });

  test("salary, hours, shares and dates out of range are refused with Swedish messages and change nothing", async () => {
    const w = await world();
    const bad = await submit(
      coachWageSubsidy,
      coachProposalPath(w),
      planFields({ monthlySalary: "2000", hoursPerWeek: "0", step1Share: "120", startDate: "2024-01-01" }),
      w.coachCookie,
      onProposal(w),
    );
    expect(bad.status).toBe(400);
    const errors = fieldErrors(bad);
    expect(errors.monthlySalary).toEqual(["Månadslönen vid heltid ska vara mellan 10 000 och 100 000 kr."]);
    expect(errors.hoursPerWeek).toEqual(["Timmar per vecka ska vara mellan 1 och 40."]);
    expect(errors.step1Share).toEqual(["Andelen ska vara mellan 0 och 100 procent."]);
    expect(errors.startDate?.[0]).toContain("senare datum");
    expect(await db.wageSubsidyPlan.count({ where: { proposalId: w.proposal.id } })).toBe(0);
    const none = await load(employerWageSubsidy, employerProposalPath(w), w.employerCookie, onProposal(w));
    expect(none.status).toBe(404);
  });

  test("a lönestöd form needs the participant's disclosed needs; the contribution category shows as a rate", async () => {
    const w = await world();
    const refused = await submit(
      coachWageSubsidy,
      coachProposalPath(w),
      planFields({ form: "lonestod_trygghet" }),
      w.coachCookie,
      onProposal(w),
    );
    expect(refused.status).toBe(400);
    expect(fieldErrors(refused).form?.[0]).toContain("Deltagaren har inte valt att visa sina anpassningar");
    expect(await db.wageSubsidyPlan.count({ where: { proposalId: w.proposal.id } })).toBe(0);

    await db.profile.update({
      where: { participantId: w.participant.id },
      data: { needs: JSON.stringify([{ code: "quiet_workspace", must: true }]), disclosure: '{"needs":true}' },
    });
    const saved = await submit(
      coachWageSubsidy,
      coachProposalPath(w),
      planFields({ form: "lonestod_trygghet", contributionCategory: "pension_age", step1Share: "80" }),
      w.coachCookie,
      onProposal(w),
    );
    expect(saved.status).toBe(302);
    const page = await load(employerWageSubsidy, employerProposalPath(w), w.employerCookie, onProposal(w));
    const view = page.value as EmployerView;
    expect(view.plan.input.contributionCategory).toBe("pension_age");
    // 25 000 × 10,21 % = 2 553; the employer page labels it "Bara ålderspensionsavgift", never with an age.
    expect(view.plan.calculation.months[0]!.wageCost).toBe(27_553);
  });

  test("scope: another employer or organisation gets 404, a participant 403", async () => {
    const w = await world();
    await submit(coachWageSubsidy, coachProposalPath(w), planFields(), w.coachCookie, onProposal(w));
    expect(
      (await load(employerWageSubsidy, employerProposalPath(w), w.otherEmployerCookie, onProposal(w))).status,
    ).toBe(404);
    expect(
      (
        await submit(
          employerWageSubsidy,
          employerProposalPath(w),
          { body: "Hej" },
          w.otherEmployerCookie,
          onProposal(w),
        )
      ).status,
    ).toBe(404);
    expect((await load(coachWageSubsidy, coachProposalPath(w), w.otherCoachCookie, onProposal(w))).status).toBe(404);
    expect(
      (await submit(coachWageSubsidy, coachProposalPath(w), planFields(), w.otherCoachCookie, onProposal(w))).status,
    ).toBe(404);
    expect((await load(coachWageSubsidy, coachProposalPath(w), w.participantCookie, onProposal(w))).status).toBe(403);
    expect((await load(employerWageSubsidy, employerProposalPath(w), w.participantCookie, onProposal(w))).status).toBe(
      403,
    );
    expect((await load(employerWageSubsidy, employerProposalPath(w), w.coachCookie, onProposal(w))).status).toBe(403);

    // Before the participant's yes and the presentation, the employer does not know the proposal exists.
    await db.proposal.update({ where: { id: w.proposal.id }, data: { status: "proposed", presentedAt: null } });
    expect((await load(employerWageSubsidy, employerProposalPath(w), w.employerCookie, onProposal(w))).status).toBe(
      404,
    );
  });
});

describe("lönestödsförslag on a placement", () => {
  test("the employer's question lands in the placement's support thread", async () => {
    const w = await world();
    const { placement, thread } = await createPlacementWithThread(w, { kind: "job" });
    const params = { placementId: placement.id };
    const saved = await submit(
      coachWageSubsidy,
      `/coach/placeringar/${placement.id}/lonestod`,
      planFields({ form: "introduktionsjobb", hoursPerWeek: "20", holidayPay: "on", step2Months: "", step2Share: "" }),
      w.coachCookie,
      params,
    );
    expect(saved.status).toBe(302);
    const page = await load(
      employerWageSubsidy,
      `/arbetsgivare/placeringar/${placement.id}/lonestod`,
      w.employerCookie,
      params,
    );
    const view = page.value as EmployerView;
    expect(view.plan.calculation.months).toHaveLength(6);
    expect(view.plan.calculation.months[0]!.salary).toBe(12_500);

    const asked = await submit(
      employerWageSubsidy,
      `/arbetsgivare/placeringar/${placement.id}/lonestod`,
      { body: "Kan vi räkna med 80 procent?" },
      w.employerCookie,
      params,
    );
    expect(asked.status).toBe(302);
    const messages = await db.message.findMany({ where: { threadId: thread!.id }, orderBy: { createdAt: "asc" } });
    expect(messages.at(-1)!.body).toBe("Fråga om lönestödsförslaget: Kan vi räkna med 80 procent?");
    expect(messages.at(-1)!.visibility).toBe("employer");

    const empty = await submit(
      employerWageSubsidy,
      `/arbetsgivare/placeringar/${placement.id}/lonestod`,
      { body: " " },
      w.employerCookie,
      params,
    );
    expect(empty.status).toBe(400);
    expect(fieldErrors(empty).body).toEqual(["Fyll i frågan."]);
  });
});

describe("handledarstöd", () => {
  test("the supervisor ticks the checklist; only disclosed accommodations add guides; the coach sees progress", async () => {
    const w = await world();
    const { placement } = await createPlacementWithThread(w, { kind: "job", startDate: new Date() });
    const params = { placementId: placement.id };
    const path = `/arbetsgivare/placeringar/${placement.id}/handledare`;
    await db.profile.update({
      where: { participantId: w.participant.id },
      data: {
        needs: JSON.stringify([
          { code: "written_instructions", must: true },
          { code: "extra_breaks", must: false },
        ]),
        disclosure: JSON.stringify({ needs: false }),
      },
    });
    type Page = { guides: Array<{ code: string }>; items: Array<{ id: string; done: boolean }>; progress: object };
    const hidden = (await load(employerSupervisor, path, w.employerCookie, params)).value as Page;
    expect(hidden.guides).toEqual([]);
    expect(hidden.items.some((i) => i.id.startsWith("written_instructions"))).toBe(false);
    expect(hidden.progress).toEqual({ done: 0, total: 10 });

    await db.profile.update({ where: { participantId: w.participant.id }, data: { disclosure: '{"needs":true}' } });
    const shown = (await load(employerSupervisor, path, w.employerCookie, params)).value as Page;
    expect(shown.guides.map((g) => g.code)).toEqual(["written_instructions", "extra_breaks"]);
    expect(shown.progress).toEqual({ done: 0, total: 12 });

    const ticked = await submit(
      employerSupervisor,
      path,
      { itemId: "written_instructions:1", done: "yes" },
      w.employerCookie,
      params,
    );
    expect(ticked.status).toBe(302);
    expect(await noticeOf(ticked)).toBe("Klart: Skriv ner de första arbetsuppgifterna som korta steg.");
    await submit(employerSupervisor, path, { itemId: "before:tasks", done: "yes" }, w.employerCookie, params);
    const unknown = await submit(employerSupervisor, path, { itemId: "nope", done: "yes" }, w.employerCookie, params);
    expect(unknown.status).toBe(400);
    const badDone = await submit(
      employerSupervisor,
      path,
      { itemId: "before:tasks", done: "kanske" },
      w.employerCookie,
      params,
    );
    expect(badDone.status).toBe(400);

    const after = (await load(employerSupervisor, path, w.employerCookie, params)).value as Page;
    expect(after.progress).toEqual({ done: 2, total: 12 });
    const employerPage = await load(
      employerPlacement,
      `/arbetsgivare/placeringar/${placement.id}`,
      w.employerCookie,
      params,
    );
    expect((employerPage.value as { extras: { checklist: object } }).extras.checklist).toEqual({ done: 2, total: 12 });

    const coachPage = await load(coachPlacement, `/coach/placeringar/${placement.id}`, w.coachCookie, params);
    expect((coachPage.value as { extras: { checklist: object } }).extras.checklist).toEqual({ done: 2, total: 12 });
    const week = await load(coachWeek, "/coach/vecka", w.coachCookie);
    const rows = (week.value as { introductions: Array<{ id: string; progress: object }> }).introductions;
    expect(rows.find((r) => r.id === placement.id)?.progress).toEqual({ done: 2, total: 12 });

    // Unticking counts down; another employer gets 404, a participant 403, and nothing changes.
    await submit(employerSupervisor, path, { itemId: "before:tasks", done: "no" }, w.employerCookie, params);
    expect(((await load(employerSupervisor, path, w.employerCookie, params)).value as Page).progress).toEqual({
      done: 1,
      total: 12,
    });
    expect((await load(employerSupervisor, path, w.otherEmployerCookie, params)).status).toBe(404);
    expect(
      (await submit(employerSupervisor, path, { itemId: "before:team", done: "yes" }, w.otherEmployerCookie, params))
        .status,
    ).toBe(404);
    expect(
      (await submit(employerSupervisor, path, { itemId: "before:team", done: "yes" }, w.participantCookie, params))
        .status,
    ).toBe(403);
    expect(await db.checklistTick.count({ where: { placementId: placement.id } })).toBe(1);
  });
});
