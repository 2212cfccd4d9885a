// "Fråga coachen": an employer asks at any time; the contact coach (or the shared inbox) is told by
// email through the outbox and a real SMTP server; a coach answers in Brygga; the employer is told,
// sees when it was answered and how long it took. Message bodies are validated and never HTML.
import { describe, expect, test } from "vitest";
import { sendDueEmails } from "../../emails/outbox.server.ts";
import * as coachQuestion from "~/routes/coach/question.tsx";
import * as coachQuestions from "~/routes/coach/questions.tsx";
import * as employerHome from "~/routes/employer/home.tsx";
import * as question from "~/routes/employer/question.tsx";
import * as questionNew from "~/routes/employer/question-new.tsx";
import * as questions from "~/routes/employer/questions.tsx";
import { db } from "~/utils/db.server.ts";
import { listEmployerThreads, typicalResponseMs } from "~/utils/questions.server.ts";
import { extractLinks, useTestSmtpServer } from "../setup/smtp.ts";
import { createEmployer, createOrganization, createQuestion, createUser, createWorld } from "../support/factories.ts";
import { getRequest, postRequest, sessionCookieFor, settle, testContext } from "../support/requests.ts";

const smtp = useTestSmtpServer();

async function ask(cookie: string, fields: Record<string, string>) {
  return settle(() =>
    questionNew.action({
      request: postRequest("/arbetsgivare/fragor/ny", fields, cookie),
      params: {},
      context: testContext(),
    }),
  );
}

function threadIdFrom(location: string | null | undefined) {
  const id = /\/fragor\/([^/?]+)/.exec(location ?? "")?.[1];
  expect(id, `redirect to the thread, got ${location}`).toBeTruthy();
  return id!;
}

describe("asking a question", () => {
  test("opens a question thread with the organisation; the contact coach gets an email with a link to answer", async () => {
    const { organization, coach, employer, employerUser } = await createWorld();
    const cookie = await sessionCookieFor(employerUser.id);
    const result = await ask(cookie, {
      subject: "Lönestöd för en ny medarbetare",
      body: "Hej!\nHur ansöker vi om lönestöd? Se https://arbetsformedlingen.se",
    });
    expect(result.status).toBe(302);
    const threadId = threadIdFrom(result.response?.headers.get("Location"));
    expect(result.response?.headers.get("Location")).toBe(`/arbetsgivare/fragor/${threadId}`);

    const thread = await db.thread.findUniqueOrThrow({ where: { id: threadId }, include: { messages: true } });
    expect(thread).toMatchObject({
      kind: "question",
      employerId: employer.id,
      organizationId: organization.id,
      subject: "Lönestöd för en ny medarbetare",
      status: "open",
      createdById: employerUser.id,
    });
    expect(thread.messages).toEqual([
      expect.objectContaining({
        authorId: employerUser.id,
        body: "Hej!\nHur ansöker vi om lönestöd? Se https://arbetsformedlingen.se",
        via: "web",
      }),
    ]);

    expect(await sendDueEmails()).toMatchObject({ sent: 1 });
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.envelope.to).toEqual([coach.email]);
    expect(mail!.subject).toBe(`Ny fråga från ${employer.name}: Lönestöd för en ny medarbetare`);
    expect(mail!.text).toContain(`Hej ${coach.name}!`);
    expect(mail!.text).toContain("Hur ansöker vi om lönestöd?");
    expect(extractLinks(mail!)).toContain(`http://localhost:3000/coach/fragor/${threadId}`);
  });

  test("without a contact coach the question goes to the organisation's shared inbox", async () => {
    const organization = await db.organization.update({
      where: { id: (await createOrganization()).id },
      data: { sharedInboxEmail: "inkorg@coacher.test.brygga.se" },
    });
    const employer = await createEmployer({ organizationId: organization.id });
    const employerUser = await createUser("employer", { employerId: employer.id });
    const result = await ask(await sessionCookieFor(employerUser.id), {
      subject: "Fråga om praktik",
      body: "Kan vi ta emot en praktikant i juni?",
    });
    expect(result.status).toBe(302);
    await sendDueEmails();
    const mail = await smtp.waitForMessage((m) => m.envelope.to.includes("inkorg@coacher.test.brygga.se"));
    expect(mail.text).toContain("Hej!");
    expect(mail.subject).toContain("Fråga om praktik");
  });

  test("a coach who turned mail off is not emailed; the shared inbox is used instead", async () => {
    const { organization, coach, employerUser } = await createWorld();
    await db.user.update({ where: { id: coach.id }, data: { notifyMessages: "off" } });
    await db.organization.update({
      where: { id: organization.id },
      data: { sharedInboxEmail: "gemensam@test.brygga.se" },
    });
    await ask(await sessionCookieFor(employerUser.id), { subject: "Hej", body: "En fråga" });
    expect(await db.emailOutbox.count({ where: { to: coach.email! } })).toBe(0);
    expect(await db.emailOutbox.count({ where: { to: "gemensam@test.brygga.se" } })).toBe(1);
  });

  test("an employer not linked to any coaching organisation is told so; nothing is saved", async () => {
    const employer = await createEmployer();
    const employerUser = await createUser("employer", { employerId: employer.id });
    const before = await db.thread.count();
    const result = await ask(await sessionCookieFor(employerUser.id), { subject: "Hej", body: "En fråga" });
    expect(result.status).toBe(400);
    expect(result.value).toMatchObject({
      message: expect.stringMatching(/inte kopplade till någon coachorganisation/),
    });
    expect(await db.thread.count()).toBe(before);
  });

  test.each([
    ["no subject", { subject: "", body: "Fråga" }, "subject", /Fyll i vad frågan gäller/],
    ["a subject that is too long", { subject: "x".repeat(121), body: "Fråga" }, "subject", /högst 120 tecken/],
    ["no message", { subject: "Hej", body: "   \n " }, "body", /Skriv ett meddelande/],
    ["a message that is too long", { subject: "Hej", body: "x".repeat(5001) }, "body", /högst 5000 tecken/],
  ])("%s → 400 with a message, the text kept, nothing saved or sent", async (_name, fields, field, message) => {
    const { employerUser } = await createWorld();
    const before = { threads: await db.thread.count(), mails: await db.emailOutbox.count() };
    const result = await ask(await sessionCookieFor(employerUser.id), fields);
    expect(result.status).toBe(400);
    expect(result.value).toMatchObject({
      errors: { [field]: [expect.stringMatching(message)] },
      values: { subject: fields.subject },
    });
    expect(await db.thread.count()).toBe(before.threads);
    expect(await db.emailOutbox.count()).toBe(before.mails);
  });
});

describe("answering", () => {
  test("the coach sees open questions oldest first, answers, and the employer is told — with the response time", async () => {
    const { organization, coach, employer, employerUser } = await createWorld();
    const older = await createQuestion(employerUser, organization.id, { subject: "Äldre fråga" });
    const newer = await createQuestion(employerUser, organization.id, { subject: "Nyare fråga" });
    const asked = new Date(Date.now() - 3 * 3_600_000 - 20 * 60_000);
    await db.message.updateMany({
      where: { threadId: older.id },
      data: { createdAt: new Date(asked.getTime() - 86_400_000) },
    });
    await db.message.updateMany({ where: { threadId: newer.id }, data: { createdAt: asked } });
    const coachCookie = await sessionCookieFor(coach.id);

    const list = await settle(() =>
      coachQuestions.loader({ request: getRequest("/coach/fragor", coachCookie), params: {}, context: testContext() }),
    );
    const waiting = (list.value as { waiting: Array<{ subject: string }> }).waiting.map((t) => t.subject);
    expect(waiting).toEqual(["Äldre fråga", "Nyare fråga"]);

    const reply = await settle(() =>
      coachQuestion.action({
        request: postRequest(
          `/coach/fragor/${newer.id}`,
          { intent: "reply", body: "Hej! Ja, det går bra. <b>Ring mig</b>." },
          coachCookie,
        ),
        params: { threadId: newer.id },
        context: testContext(),
      }),
    );
    expect(reply.status).toBe(302);
    expect(reply.response?.headers.get("Location")).toBe(`/coach/fragor/${newer.id}`);

    await sendDueEmails();
    const mail = await smtp.waitForMessage((m) => m.envelope.to.includes(employerUser.email!));
    expect(mail.subject).toBe("Svar på din fråga: Nyare fråga");
    expect(mail.text).toContain(
      `${coach.name} på ${organization.name} har svarat på ”Nyare fråga” (efter 3 timmar och 20 minuter)`,
    );
    expect(mail.html).toContain("&lt;b&gt;Ring mig&lt;/b&gt;");
    expect(extractLinks(mail)).toContain(`http://localhost:3000/arbetsgivare/fragor/${newer.id}`);

    const employerCookie = await sessionCookieFor(employerUser.id);
    const page = await settle(() =>
      question.loader({
        request: getRequest(`/arbetsgivare/fragor/${newer.id}`, employerCookie),
        params: { threadId: newer.id },
        context: testContext(),
      }),
    );
    const value = page.value as {
      waitingSince: Date | null;
      lastAnswer: { afterMs: number } | null;
      messages: Array<{ side: string; body: string; responseMs: number | null }>;
    };
    expect(value.waitingSince).toBeNull();
    expect(Math.round(value.lastAnswer!.afterMs / 60_000)).toBe(200);
    expect(value.messages.map((m) => m.side)).toEqual(["employer", "staff"]);
    expect(value.messages[1]!.body).toBe("Hej! Ja, det går bra. <b>Ring mig</b>.");
    expect(value.messages[1]!.responseMs).toBe(value.lastAnswer!.afterMs);

    const after = await settle(() =>
      coachQuestions.loader({ request: getRequest("/coach/fragor", coachCookie), params: {}, context: testContext() }),
    );
    const lists = after.value as { waiting: Array<{ id: string }>; answered: Array<{ id: string }> };
    expect(lists.waiting.map((t) => t.id)).toEqual([older.id]);
    expect(lists.answered.map((t) => t.id)).toEqual([newer.id]);
    expect(employer.id).toBeTruthy();
  });

  test("another coach of the organisation may answer; a follow-up reaches the contact coach", async () => {
    const { organization, coach, employerUser } = await createWorld();
    const colleague = await createUser("coach", { organizationId: organization.id });
    const thread = await createQuestion(employerUser, organization.id, { subject: "Anpassningar" });
    const colleagueCookie = await sessionCookieFor(colleague.id);
    const reply = await settle(() =>
      coachQuestion.action({
        request: postRequest(`/coach/fragor/${thread.id}`, { body: "Svar från en kollega" }, colleagueCookie),
        params: { threadId: thread.id },
        context: testContext(),
      }),
    );
    expect(reply.status).toBe(302);

    const employerCookie = await sessionCookieFor(employerUser.id);
    const followUp = await settle(() =>
      question.action({
        request: postRequest(
          `/arbetsgivare/fragor/${thread.id}`,
          { intent: "reply", body: "Tack! En sak till." },
          employerCookie,
        ),
        params: { threadId: thread.id },
        context: testContext(),
      }),
    );
    expect(followUp.status).toBe(302);
    await sendDueEmails();
    const mail = await smtp.waitForMessage((m) => m.envelope.to.includes(coach.email!));
    expect(mail.subject).toBe(
      `Nytt meddelande från ${(await db.employer.findUniqueOrThrow({ where: { id: employerUser.employerId! } })).name}: Anpassningar`,
    );
  });

  test("closing and reopening; a new employer message reopens a closed question", async () => {
    const { organization, coach, employerUser } = await createWorld();
    const thread = await createQuestion(employerUser, organization.id);
    const coachCookie = await sessionCookieFor(coach.id);
    const post = (
      cookie: string,
      module: typeof question | typeof coachQuestion,
      path: string,
      fields: Record<string, string>,
    ) =>
      settle(() =>
        module.action({
          request: postRequest(path, fields, cookie),
          params: { threadId: thread.id },
          context: testContext(),
        }),
      );
    expect((await post(coachCookie, coachQuestion, `/coach/fragor/${thread.id}`, { intent: "close" })).status).toBe(
      302,
    );
    expect((await db.thread.findUniqueOrThrow({ where: { id: thread.id } })).status).toBe("closed");
    const employerCookie = await sessionCookieFor(employerUser.id);
    expect(
      (
        await post(employerCookie, question, `/arbetsgivare/fragor/${thread.id}`, {
          intent: "reply",
          body: "Jag undrar en sak till",
        })
      ).status,
    ).toBe(302);
    expect((await db.thread.findUniqueOrThrow({ where: { id: thread.id } })).status).toBe("open");
    expect((await post(coachCookie, coachQuestion, `/coach/fragor/${thread.id}`, { intent: "close" })).status).toBe(
      302,
    );
    expect((await post(coachCookie, coachQuestion, `/coach/fragor/${thread.id}`, { intent: "reopen" })).status).toBe(
      302,
    );
    expect((await db.thread.findUniqueOrThrow({ where: { id: thread.id } })).status).toBe("open");
  });

  test("an empty or too long answer is refused and nothing is sent", async () => {
    const { organization, coach, employerUser } = await createWorld();
    const thread = await createQuestion(employerUser, organization.id);
    const cookie = await sessionCookieFor(coach.id);
    for (const body of ["", " \n ", "x".repeat(5001)]) {
      const result = await settle(() =>
        coachQuestion.action({
          request: postRequest(`/coach/fragor/${thread.id}`, { intent: "reply", body }, cookie),
          params: { threadId: thread.id },
          context: testContext(),
        }),
      );
      expect(result.status).toBe(400);
      expect(result.value).toMatchObject({
        errors: { body: [expect.stringMatching(/Skriv ett meddelande|högst 5000 tecken/)] },
      });
    }
    expect(await db.message.count({ where: { threadId: thread.id } })).toBe(1);
    expect(await db.emailOutbox.count({ where: { to: employerUser.email! } })).toBe(0);
  });
});

describe("what the employer sees", () => {
  test("the question list: newest activity first, the last message, counts and unread for each reader; the typical answer time of the 50 newest questions", async () => {
    const { organization, coach, employer, employerUser } = await createWorld();
    const at = (minutes: number) => new Date(Date.UTC(2027, 2, 10, 8, 0) + minutes * 60_000);
    const ask = (
      employerId: string,
      subject: string,
      messages: Array<[authorId: string, minute: number, body: string]>,
    ) =>
      db.thread.create({
        data: {
          kind: "question",
          employerId,
          organizationId: organization.id,
          subject,
          createdById: employerUser.id,
          createdAt: at(messages[0]![1]),
          lastMessageAt: at(messages.at(-1)![1]),
          messages: { create: messages.map(([authorId, minute, body]) => ({ authorId, body, createdAt: at(minute) })) },
        },
      });
    // Answered after 10 minutes, but 51st newest: not part of the typical time.
    await ask(employer.id, "Gammal", [
      [employerUser.id, -1000, "Första frågan"],
      [coach.id, -990, "Snabbt svar"],
    ]);
    const other = await createEmployer({ organizationId: organization.id });
    const otherUser = await createUser("employer", { employerId: other.id });
    for (let i = 0; i < 48; i++) await ask(other.id, `Obesvarad ${i}`, [[otherUser.id, -900 + i, "Hallå?"]]);
    // Answered after 30 minutes; then a second question and its answer in the same minute.
    const older = await ask(employer.id, "Äldre", [
      [employerUser.id, 0, "Hej"],
      [coach.id, 30, "Svar ett"],
      [employerUser.id, 40, "Tack, en sak till"],
      [coach.id, 40, "Samma minut"],
    ]);
    // Answered after 120 minutes.
    await ask(employer.id, "Nyare", [
      [employerUser.id, 100, "Fråga två"],
      [coach.id, 220, "Svar två"],
    ]);
    await db.threadRead.create({ data: { threadId: older.id, userId: employerUser.id, lastReadAt: at(35) } });

    const forEmployer = await listEmployerThreads(employer.id, employerUser.id);
    expect(forEmployer.map((t) => [t.subject, t.messageCount, t.unread])).toEqual([
      ["Nyare", 2, 1],
      ["Äldre", 4, 1],
      ["Gammal", 2, 1],
    ]);
    expect(forEmployer[1]).toMatchObject({
      employerName: employer.name,
      createdByName: employerUser.name,
      lastMessage: { body: "Samma minut", authorName: coach.name, side: "staff", createdAt: at(40) },
      waitingSince: null,
      firstAnswer: { at: at(30), afterMs: 30 * 60_000 },
      lastAnswer: { at: at(40), afterMs: 0 },
    });
    const forCoach = await listEmployerThreads(employer.id, coach.id, { take: 2 });
    expect(forCoach.map((t) => [t.subject, t.unread])).toEqual([
      ["Nyare", 1],
      ["Äldre", 2],
    ]);
    expect(await typicalResponseMs(organization.id)).toBe(75 * 60_000);
  });

  test("questions with their state and unread answers; the start page lists what needs an answer", async () => {
    const { organization, coach, employerUser } = await createWorld();
    const thread = await createQuestion(employerUser, organization.id, { subject: "Handledarstöd" });
    const coachCookie = await sessionCookieFor(coach.id);
    await settle(() =>
      coachQuestion.action({
        request: postRequest(`/coach/fragor/${thread.id}`, { body: "Vi kan komma på besök." }, coachCookie),
        params: { threadId: thread.id },
        context: testContext(),
      }),
    );
    const cookie = await sessionCookieFor(employerUser.id);
    const list = await settle(() =>
      questions.loader({ request: getRequest("/arbetsgivare/fragor", cookie), params: {}, context: testContext() }),
    );
    const [item] = (
      list.value as {
        threads: Array<{ subject: string; unread: number; waitingSince: Date | null; lastAnswer: unknown }>;
      }
    ).threads;
    expect(item).toMatchObject({ subject: "Handledarstöd", unread: 1, waitingSince: null });
    expect(item!.lastAnswer).not.toBeNull();

    const home = await settle(() =>
      employerHome.loader({ request: getRequest("/arbetsgivare", cookie), params: {}, context: testContext() }),
    );
    const homeValue = home.value as {
      todo: { unanswered: Array<{ subject: string }> };
      recipient: { coach: { name: string; phone: string } };
    };
    expect(homeValue.todo.unanswered.map((t) => t.subject)).toEqual(["Handledarstöd"]);
    expect(homeValue.recipient.coach).toMatchObject({ name: coach.name, phone: "036-10 20 30" });

    // Reading the thread marks it read.
    await settle(() =>
      question.loader({
        request: getRequest(`/arbetsgivare/fragor/${thread.id}`, cookie),
        params: { threadId: thread.id },
        context: testContext(),
      }),
    );
    const again = await settle(() =>
      questions.loader({ request: getRequest("/arbetsgivare/fragor", cookie), params: {}, context: testContext() }),
    );
    expect((again.value as { threads: Array<{ unread: number }> }).threads[0]!.unread).toBe(0);
  });
});
