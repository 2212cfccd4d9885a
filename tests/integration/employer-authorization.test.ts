// Authorization for every employer route, loader and action: the employer sees only their own
// employer's data (another employer's opening, workplace or thread is a 404), participants and other
// roles are refused, visitors are sent to sign in; coaches act on an employer's pages only for
// employers linked to their own organisation, and what they do is recorded as on the employer's behalf.
import { describe, expect, test } from "vitest";
import * as vocabularyApi from "~/routes/api/vocabulary.ts";
import * as coachEmployerNew from "~/routes/coach/employer-new.tsx";
import * as coachEmployers from "~/routes/coach/employers.tsx";
import * as coachQuestion from "~/routes/coach/question.tsx";
import * as coachQuestions from "~/routes/coach/questions.tsx";
import * as colleagues from "~/routes/employer/colleagues.tsx";
import * as employerHome from "~/routes/employer/home.tsx";
import * as opening from "~/routes/employer/opening.tsx";
import * as openingEdit from "~/routes/employer/opening-edit.tsx";
import * as openingNew from "~/routes/employer/opening-new.tsx";
import * as openings from "~/routes/employer/openings.tsx";
import * as profile from "~/routes/employer/profile.tsx";
import * as question from "~/routes/employer/question.tsx";
import * as questionNew from "~/routes/employer/question-new.tsx";
import * as questions from "~/routes/employer/questions.tsx";
import * as workplaceEdit from "~/routes/employer/workplace-edit.tsx";
import * as workplaceNew from "~/routes/employer/workplace-new.tsx";
import * as workplaces from "~/routes/employer/workplaces.tsx";
import * as openingView from "~/routes/openings/opening.tsx";
import * as search from "~/routes/openings/search.tsx";
import { db } from "~/utils/db.server.ts";
import {
  createOpening,
  createQuestion,
  createUser,
  createWorkplace,
  createWorld,
  openingFields,
} from "../support/factories.ts";
import { getRequest, postRequest, sessionCookieFor, settle, testContext } from "../support/requests.ts";

type Args = { request: Request; params: Record<string, string>; context: ReturnType<typeof testContext> };
type RouteModule = { loader?: (args: Args) => Promise<unknown>; action?: (args: Args) => Promise<unknown> };
const m = (module: unknown) => module as RouteModule;

function load(module: RouteModule, path: string, cookie?: string, params: Record<string, string> = {}) {
  return settle(() => module.loader!({ request: getRequest(path, cookie), params, context: testContext() }));
}
function act(
  module: RouteModule,
  path: string,
  fields: Record<string, string | string[]>,
  cookie?: string,
  params: Record<string, string> = {},
) {
  return settle(() => module.action!({ request: postRequest(path, fields, cookie), params, context: testContext() }));
}

/** Two complete worlds: ours (with an opening, a workplace and a question) and theirs. */
async function setup() {
  const ours = await createWorld();
  const theirs = await createWorld();
  const ourOpening = await createOpening(ours.employer.id, { status: "draft" });
  const theirOpening = await createOpening(theirs.employer.id, { status: "draft" });
  const theirPublished = await createOpening(theirs.employer.id, { status: "published" });
  const ourQuestion = await createQuestion(ours.employerUser, ours.organization.id);
  const theirQuestion = await createQuestion(theirs.employerUser, theirs.organization.id);
  const cookies = {
    employer: await sessionCookieFor(ours.employerUser.id),
    coach: await sessionCookieFor(ours.coach.id),
    admin: await sessionCookieFor(ours.admin.id),
    participant: await sessionCookieFor(ours.participantUser.id),
    otherCoach: await sessionCookieFor(theirs.coach.id),
  };
  return { ours, theirs, ourOpening, theirOpening, theirPublished, ourQuestion, theirQuestion, cookies };
}

/** The employer's pages: path (without the /arbetsgivare or /coach/arbetsgivare/:id prefix), module, params, a valid-looking POST. */
type EmployerPage = {
  name: string;
  path: string;
  module: RouteModule;
  params: Record<string, string>;
  post: Record<string, string | string[]> | null;
};

function employerPages(s: Awaited<ReturnType<typeof setup>>): EmployerPage[] {
  const o = s.ourOpening;
  return [
    { name: "openings", path: "annonser", module: m(openings), params: {}, post: null },
    { name: "new opening", path: "annonser/ny", module: m(openingNew), params: {}, post: openingFields(o.workplaceId) },
    {
      name: "opening",
      path: `annonser/${o.id}`,
      module: m(opening),
      params: { openingId: o.id },
      post: { intent: "publish" },
    },
    {
      name: "edit opening",
      path: `annonser/${o.id}/redigera`,
      module: m(openingEdit),
      params: { openingId: o.id },
      post: openingFields(o.workplaceId),
    },
    { name: "workplaces", path: "arbetsplatser", module: m(workplaces), params: {}, post: null },
    {
      name: "new workplace",
      path: "arbetsplatser/ny",
      module: m(workplaceNew),
      params: {},
      post: { name: "Lagret", street: "Lagergatan 2", postalCode: "55320" },
    },
    {
      name: "edit workplace",
      path: `arbetsplatser/${o.workplaceId}`,
      module: m(workplaceEdit),
      params: { workplaceId: o.workplaceId },
      post: { name: "Lagret", street: "Lagergatan 2", postalCode: "55320" },
    },
    {
      name: "profile",
      path: "foretaget",
      module: m(profile),
      params: {},
      post: { name: "Nytt Namn AB", sector: "private" },
    },
    {
      name: "colleagues",
      path: "kollegor",
      module: m(colleagues),
      params: {},
      post: { name: "Kim Kollega", email: `kim-${Date.now()}@test.brygga.se` },
    },
  ];
}

describe("employer pages under /arbetsgivare", () => {
  test("the employer gets in; coaches, admins and participants get 403; visitors are sent to sign in", async () => {
    const s = await setup();
    for (const page of employerPages(s)) {
      const path = `/arbetsgivare/${page.path}`;
      expect((await load(page.module, path, s.cookies.employer, page.params)).status, `employer on ${path}`).toBe(200);
      for (const role of ["coach", "admin", "participant"] as const) {
        expect((await load(page.module, path, s.cookies[role], page.params)).status, `${role} on ${path}`).toBe(403);
        if (page.post && page.module.action) {
          expect(
            (await act(page.module, path, page.post, s.cookies[role], page.params)).status,
            `${role} posting to ${path}`,
          ).toBe(403);
        }
      }
      const anonymous = await load(page.module, path, undefined, page.params);
      expect(anonymous.status).toBe(302);
      expect(anonymous.response?.headers.get("Location")).toMatch(/^\/logga-in\?redirectTo=/);
      if (page.post && page.module.action)
        expect((await act(page.module, path, page.post, undefined, page.params)).status).toBe(302);
    }
  });

  test("another employer's opening, workplace or thread is a 404 — to read, change, publish, close or duplicate", async () => {
    const s = await setup();
    const cookie = s.cookies.employer;
    const o = s.theirOpening;
    const checks: Array<[string, RouteModule, Record<string, string>, Record<string, string | string[]>]> = [
      [`/arbetsgivare/annonser/${o.id}`, m(opening), { openingId: o.id }, { intent: "publish" }],
      [`/arbetsgivare/annonser/${o.id}`, m(opening), { openingId: o.id }, { intent: "close", reason: "other" }],
      [`/arbetsgivare/annonser/${o.id}`, m(opening), { openingId: o.id }, { intent: "duplicate" }],
      [`/arbetsgivare/annonser/${o.id}/redigera`, m(openingEdit), { openingId: o.id }, openingFields(o.workplaceId)],
      [
        `/arbetsgivare/arbetsplatser/${o.workplaceId}`,
        m(workplaceEdit),
        { workplaceId: o.workplaceId },
        { intent: "delete" },
      ],
      [`/arbetsgivare/fragor/${s.theirQuestion.id}`, m(question), { threadId: s.theirQuestion.id }, { body: "Hej!" }],
    ];
    for (const [path, module, params, fields] of checks) {
      expect((await load(module, path, cookie, params)).status, `GET ${path}`).toBe(404);
      expect(
        (await act(module, path, fields, cookie, params)).status,
        `POST ${path} ${JSON.stringify(fields).slice(0, 40)}`,
      ).toBe(404);
    }
    expect(
      (await load(m(opening), "/arbetsgivare/annonser/nonexistent", cookie, { openingId: "nonexistent" })).status,
    ).toBe(404);
    // Nothing changed on their side.
    expect(await db.opening.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({
      status: "draft",
      title: o.title,
    });
    expect(await db.opening.count({ where: { employerId: s.theirs.employer.id } })).toBe(2);
    expect(await db.workplace.count({ where: { id: o.workplaceId } })).toBe(1);
    expect(await db.message.count({ where: { threadId: s.theirQuestion.id } })).toBe(1);
  });

  test("the start page and the question pages are the employer's only", async () => {
    const s = await setup();
    const pages: Array<[string, RouteModule, Record<string, string>]> = [
      ["/arbetsgivare", m(employerHome), {}],
      ["/arbetsgivare/fragor", m(questions), {}],
      ["/arbetsgivare/fragor/ny", m(questionNew), {}],
      [`/arbetsgivare/fragor/${s.ourQuestion.id}`, m(question), { threadId: s.ourQuestion.id }],
    ];
    for (const [path, module, params] of pages) {
      expect((await load(module, path, s.cookies.employer, params)).status, path).toBe(200);
      for (const role of ["coach", "admin", "participant"] as const)
        expect((await load(module, path, s.cookies[role], params)).status, `${role} ${path}`).toBe(403);
      expect((await load(module, path, undefined, params)).status).toBe(302);
    }
    expect(
      (await act(m(questionNew), "/arbetsgivare/fragor/ny", { subject: "Hej", body: "Fråga" }, s.cookies.participant))
        .status,
    ).toBe(403);
    expect(
      (await act(m(questionNew), "/arbetsgivare/fragor/ny", { subject: "Hej", body: "Fråga" }, s.cookies.coach)).status,
    ).toBe(403);
  });

  test("a deactivated colleague is signed out", async () => {
    const s = await setup();
    const colleague = await createUser("employer", { employerId: s.ours.employer.id });
    const cookie = await sessionCookieFor(colleague.id);
    await db.user.update({ where: { id: colleague.id }, data: { deactivatedAt: new Date() } });
    expect((await load(m(openings), "/arbetsgivare/annonser", cookie)).status).toBe(302);
  });
});

describe("coaches on an employer's behalf under /coach/arbetsgivare/:employerId", () => {
  test("a coach or admin of the linked organisation gets in; a coach of another organisation gets 404; employers and participants 403", async () => {
    const s = await setup();
    for (const page of employerPages(s)) {
      const params = { ...page.params, employerId: s.ours.employer.id };
      const path = `/coach/arbetsgivare/${s.ours.employer.id}/${page.path}`;
      expect((await load(page.module, path, s.cookies.coach, params)).status, `coach on ${path}`).toBe(200);
      expect((await load(page.module, path, s.cookies.admin, params)).status, `admin on ${path}`).toBe(200);
      expect((await load(page.module, path, s.cookies.otherCoach, params)).status, `other coach on ${path}`).toBe(404);
      expect((await load(page.module, path, s.cookies.employer, params)).status, `employer on ${path}`).toBe(403);
      expect((await load(page.module, path, s.cookies.participant, params)).status, `participant on ${path}`).toBe(403);
      if (page.post && page.module.action) {
        expect(
          (await act(page.module, path, page.post, s.cookies.otherCoach, params)).status,
          `other coach posting to ${path}`,
        ).toBe(404);
      }
    }
    expect(await db.openingEvent.count({ where: { openingId: s.ourOpening.id } })).toBe(0);
    expect((await db.employer.findUniqueOrThrow({ where: { id: s.ours.employer.id } })).name).toBe(
      s.ours.employer.name,
    );
  });

  test("an opening of another employer is a 404 even under a linked employer's path", async () => {
    const s = await setup();
    const params = { employerId: s.ours.employer.id, openingId: s.theirOpening.id };
    expect(
      (
        await load(
          m(opening),
          `/coach/arbetsgivare/${s.ours.employer.id}/annonser/${s.theirOpening.id}`,
          s.cookies.coach,
          params,
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await act(
          m(opening),
          `/coach/arbetsgivare/${s.ours.employer.id}/annonser/${s.theirOpening.id}`,
          { intent: "publish" },
          s.cookies.coach,
          params,
        )
      ).status,
    ).toBe(404);
    expect((await db.opening.findUniqueOrThrow({ where: { id: s.theirOpening.id } })).status).toBe("draft");
  });

  test("what a coach does is recorded as done on the employer's behalf", async () => {
    const s = await setup();
    const employerId = s.ours.employer.id;
    const workplace = await createWorkplace(employerId);
    const base = `/coach/arbetsgivare/${employerId}/annonser`;
    const created = await act(
      m(openingNew),
      `${base}/ny`,
      openingFields(workplace.id, { intent: "save" }),
      s.cookies.coach,
      { employerId },
    );
    expect(created.status).toBe(302);
    const location = created.response?.headers.get("Location") ?? "";
    expect(location).toMatch(new RegExp(`^${base}/[^/?]+$`));
    const openingId = /annonser\/([^/?]+)/.exec(location)![1]!;

    const published = await act(m(opening), `${base}/${openingId}`, { intent: "publish" }, s.cookies.coach, {
      employerId,
      openingId,
    });
    expect(published.status).toBe(302);
    const saved = await db.opening.findUniqueOrThrow({
      where: { id: openingId },
      include: { events: { orderBy: { createdAt: "asc" } } },
    });
    expect(saved).toMatchObject({ employerId, status: "published", createdById: s.ours.coach.id });
    expect(saved.events.map((e) => [e.action, e.userId, e.onBehalf])).toEqual([
      ["created", s.ours.coach.id, true],
      ["published", s.ours.coach.id, true],
    ]);

    // The employer sees who did it, and that it was on their behalf.
    const page = await load(m(opening), `/arbetsgivare/annonser/${openingId}`, s.cookies.employer, { openingId });
    const events = (page.value as { opening: { events: Array<{ onBehalf: boolean; who: string }> } }).opening.events;
    expect(events.every((e) => e.onBehalf && e.who.includes(s.ours.coach.name) && e.who.includes("(Coach)"))).toBe(
      true,
    );

    // The employer's own action is not on behalf.
    await act(m(opening), `/arbetsgivare/annonser/${openingId}`, { intent: "fill" }, s.cookies.employer, { openingId });
    const last = await db.openingEvent.findFirstOrThrow({ where: { openingId, action: "filled" } });
    expect(last).toMatchObject({ userId: s.ours.employerUser.id, onBehalf: false });
  });

  test("the coach's employer list and new-employer page: staff only, own organisation only", async () => {
    const s = await setup();
    const list = await load(m(coachEmployers), "/coach/arbetsgivare", s.cookies.coach);
    expect(list.status).toBe(200);
    const names = (list.value as { employers: Array<{ name: string }> }).employers.map((e) => e.name);
    expect(names).toContain(s.ours.employer.name);
    expect(names).not.toContain(s.theirs.employer.name);
    for (const role of ["employer", "participant"] as const) {
      expect((await load(m(coachEmployers), "/coach/arbetsgivare", s.cookies[role])).status).toBe(403);
      expect((await load(m(coachEmployerNew), "/coach/arbetsgivare/ny", s.cookies[role])).status).toBe(403);
      expect(
        (await act(m(coachEmployerNew), "/coach/arbetsgivare/ny", { name: "X AB", sector: "private" }, s.cookies[role]))
          .status,
      ).toBe(403);
    }
    expect((await load(m(coachEmployers), "/coach/arbetsgivare")).status).toBe(302);
  });
});

describe("coach question pages", () => {
  test("coaches of the organisation see its questions; another organisation's thread is a 404; employers and participants 403", async () => {
    const s = await setup();
    expect((await load(m(coachQuestions), "/coach/fragor", s.cookies.coach)).status).toBe(200);
    const ours = { threadId: s.ourQuestion.id };
    expect((await load(m(coachQuestion), `/coach/fragor/${s.ourQuestion.id}`, s.cookies.coach, ours)).status).toBe(200);
    expect((await load(m(coachQuestion), `/coach/fragor/${s.ourQuestion.id}`, s.cookies.admin, ours)).status).toBe(200);
    expect((await load(m(coachQuestion), `/coach/fragor/${s.ourQuestion.id}`, s.cookies.otherCoach, ours)).status).toBe(
      404,
    );
    expect(
      (await act(m(coachQuestion), `/coach/fragor/${s.ourQuestion.id}`, { body: "Svar" }, s.cookies.otherCoach, ours))
        .status,
    ).toBe(404);
    for (const role of ["employer", "participant"] as const) {
      expect((await load(m(coachQuestions), "/coach/fragor", s.cookies[role])).status).toBe(403);
      expect((await load(m(coachQuestion), `/coach/fragor/${s.ourQuestion.id}`, s.cookies[role], ours)).status).toBe(
        403,
      );
      expect(
        (await act(m(coachQuestion), `/coach/fragor/${s.ourQuestion.id}`, { body: "Svar" }, s.cookies[role], ours))
          .status,
      ).toBe(403);
    }
    expect((await load(m(coachQuestion), `/coach/fragor/${s.ourQuestion.id}`, undefined, ours)).status).toBe(302);
    expect(await db.message.count({ where: { threadId: s.ourQuestion.id } })).toBe(1);
  });
});

describe("Sök uppdrag and the vocabulary", () => {
  test("coaches, admins and employers may search; participants may not; visitors sign in", async () => {
    const s = await setup();
    for (const role of ["coach", "admin", "employer"] as const)
      expect((await load(m(search), "/uppdrag", s.cookies[role])).status).toBe(200);
    expect((await load(m(search), "/uppdrag", s.cookies.participant)).status).toBe(403);
    expect((await load(m(search), "/uppdrag")).status).toBe(302);
  });

  test("a published opening can be read by anyone searching; a draft only by its own employer and linked coaches", async () => {
    const s = await setup();
    const published = { openingId: s.theirPublished.id };
    expect((await load(m(openingView), `/uppdrag/${s.theirPublished.id}`, s.cookies.employer, published)).status).toBe(
      200,
    );
    expect((await load(m(openingView), `/uppdrag/${s.theirPublished.id}`, s.cookies.coach, published)).status).toBe(
      200,
    );
    const view = await load(m(openingView), `/uppdrag/${s.theirPublished.id}`, s.cookies.employer, published);
    expect(view.value).not.toHaveProperty("opening.events");
    expect(view.value).toMatchObject({ manageLink: null });

    const draft = { openingId: s.theirOpening.id };
    expect((await load(m(openingView), `/uppdrag/${s.theirOpening.id}`, s.cookies.employer, draft)).status).toBe(404);
    expect((await load(m(openingView), `/uppdrag/${s.theirOpening.id}`, s.cookies.coach, draft)).status).toBe(404);
    expect((await load(m(openingView), `/uppdrag/${s.theirOpening.id}`, s.cookies.otherCoach, draft)).status).toBe(200);
    expect(
      (await load(m(openingView), `/uppdrag/${s.ourOpening.id}`, s.cookies.employer, { openingId: s.ourOpening.id }))
        .value,
    ).toMatchObject({
      manageLink: `/arbetsgivare/annonser/${s.ourOpening.id}`,
    });
    expect(
      (await load(m(openingView), `/uppdrag/${s.theirPublished.id}`, s.cookies.participant, published)).status,
    ).toBe(403);
  });

  test("the vocabulary API answers signed-in users and refuses bad parameters", async () => {
    const s = await setup();
    const ok = await load(m(vocabularyApi), "/api/vokabular?q=lagerarb&typ=yrke", s.cookies.employer);
    expect(ok.status).toBe(200);
    const body = (await ok.response!.json()) as { hits: Array<{ id: string; label: string }> };
    expect(body.hits[0]).toMatchObject({ id: "DLEi_bTh_oLA" });
    const skills = await load(m(vocabularyApi), "/api/vokabular?q=truck&typ=kompetens", s.cookies.coach);
    expect(((await skills.response!.json()) as { hits: unknown[] }).hits.length).toBeGreaterThan(0);
    expect((await load(m(vocabularyApi), "/api/vokabular?q=lager&typ=bil", s.cookies.coach)).status).toBe(400);
    expect((await load(m(vocabularyApi), `/api/vokabular?q=${"a".repeat(101)}&typ=yrke`, s.cookies.coach)).status).toBe(
      400,
    );
    expect((await load(m(vocabularyApi), "/api/vokabular?q=lager&typ=yrke")).status).toBe(302);
  });
});
