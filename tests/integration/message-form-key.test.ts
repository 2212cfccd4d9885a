// Posting a message is idempotent per form render (issue 14): each page load gives the message form
// a fresh key; the same key posted again (a double click, a resent form, two posts at once) creates
// no second message and sends no second email. A new page load gives a new key, so a second,
// deliberate message is posted as usual.
import { describe, expect, test } from "vitest";
import * as coachPlacement from "~/routes/coach/placement.tsx";
import * as coachQuestion from "~/routes/coach/question.tsx";
import * as employerPlacement from "~/routes/employer/placement.tsx";
import * as questionNew from "~/routes/employer/question-new.tsx";
import { db } from "~/utils/db.server.ts";
import { createPlacementWithThread, createQuestion, createWorld } from "../support/factories.ts";
import { sessionCookieFor } from "../support/requests.ts";
import { fieldErrors, load, submit } from "../support/routes.ts";

async function placementWorld() {
  const w = await createWorld();
  const { placement, thread } = await createPlacementWithThread(w);
  return {
    ...w,
    placement,
    thread: thread!,
    coachCookie: await sessionCookieFor(w.coach.id),
    employerCookie: await sessionCookieFor(w.employerUser.id),
  };
}

const outboxCount = () => db.emailOutbox.count();

describe("the placement thread's message form", () => {
  test("every page load gives a new key; the same key posted twice is one message and one email", async () => {
    const w = await placementWorld();
    const path = `/arbetsgivare/placeringar/${w.placement.id}`;
    const page1 = (await load(employerPlacement, path, w.employerCookie, { placementId: w.placement.id })).value as {
      formKey: string;
    };
    const page2 = (await load(employerPlacement, path, w.employerCookie, { placementId: w.placement.id })).value as {
      formKey: string;
    };
    expect(page1.formKey).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(page2.formKey).not.toBe(page1.formKey);

    const before = {
      messages: await db.message.count({ where: { threadId: w.thread.id } }),
      mails: await outboxCount(),
    };
    const fields = { intent: "message", body: "Hur går första veckan?", formKey: page1.formKey };
    const first = await submit(employerPlacement, path, fields, w.employerCookie, { placementId: w.placement.id });
    expect(first.status).toBe(302);
    const afterFirst = await outboxCount();
    expect(afterFirst).toBeGreaterThan(before.mails);

    const second = await submit(employerPlacement, path, fields, w.employerCookie, { placementId: w.placement.id });
    expect(second.status).toBe(302);
    expect(await db.message.count({ where: { threadId: w.thread.id } })).toBe(before.messages + 1);
    expect(await outboxCount()).toBe(afterFirst);

    // A new render of the form (new key) posts a new message as usual.
    const third = await submit(employerPlacement, path, { ...fields, formKey: page2.formKey }, w.employerCookie, {
      placementId: w.placement.id,
    });
    expect(third.status).toBe(302);
    expect(await db.message.count({ where: { threadId: w.thread.id } })).toBe(before.messages + 2);
  });

  test("two posts of the same form at the same moment create one message", async () => {
    const w = await placementWorld();
    const path = `/coach/placeringar/${w.placement.id}`;
    const before = await db.message.count({ where: { threadId: w.thread.id } });
    const fields = { intent: "message", body: "Vi ses på torsdag.", formKey: "samtidigt-1234567890abcd" };
    const results = await Promise.all(
      [1, 2, 3].map(() => submit(coachPlacement, path, fields, w.coachCookie, { placementId: w.placement.id })),
    );
    expect(results.map((r) => r.status)).toEqual([302, 302, 302]);
    expect(await db.message.count({ where: { threadId: w.thread.id } })).toBe(before + 1);
  });

  test("a malformed key is refused with a Swedish message and nothing is posted", async () => {
    const w = await placementWorld();
    const path = `/coach/placeringar/${w.placement.id}`;
    const before = { messages: await db.message.count(), mails: await outboxCount() };
    const result = await submit(
      coachPlacement,
      path,
      { intent: "message", body: "Hej", formKey: "<script>" },
      w.coachCookie,
      { placementId: w.placement.id },
    );
    expect(result.status).toBe(400);
    expect(fieldErrors(result).formKey?.[0]).toMatch(/Ladda om sidan/);
    expect(await db.message.count()).toBe(before.messages);
    expect(await outboxCount()).toBe(before.mails);
  });
});

describe("question threads", () => {
  test("a coach's reply posted twice with the same key is one reply and one email to the employer", async () => {
    const w = await createWorld();
    const thread = await createQuestion(w.employerUser, w.organization.id);
    const cookie = await sessionCookieFor(w.coach.id);
    const path = `/coach/fragor/${thread.id}`;
    const page = (await load(coachQuestion, path, cookie, { threadId: thread.id })).value as { formKey: string };
    const fields = { intent: "reply", body: "Ring mig så tar vi det.", formKey: page.formKey };
    await submit(coachQuestion, path, fields, cookie, { threadId: thread.id });
    const mails = await outboxCount();
    await submit(coachQuestion, path, fields, cookie, { threadId: thread.id });
    expect(await db.message.count({ where: { threadId: thread.id } })).toBe(2);
    expect(await outboxCount()).toBe(mails);
  });

  test("a new question sent twice from the same form is one question; both posts lead to it", async () => {
    const w = await createWorld();
    const cookie = await sessionCookieFor(w.employerUser.id);
    const page = (await load(questionNew, "/arbetsgivare/fragor/ny", cookie)).value as { formKey: string };
    const fields = { subject: "Lönestöd", body: "Hur ansöker vi?", formKey: page.formKey };
    const before = { threads: await db.thread.count(), mails: await outboxCount() };
    const first = await submit(questionNew, "/arbetsgivare/fragor/ny", fields, cookie);
    const mails = await outboxCount();
    const second = await submit(questionNew, "/arbetsgivare/fragor/ny", fields, cookie);
    expect(first.status).toBe(302);
    expect(second.status).toBe(302);
    expect(second.response?.headers.get("Location")).toBe(first.response?.headers.get("Location"));
    expect(await db.thread.count()).toBe(before.threads + 1);
    expect(mails).toBe(before.mails + 1);
    expect(await outboxCount()).toBe(mails);
  });
});
