// Email both ways in a placement's support thread (issue 6): an employer asks → the coach is told by
// email (a real SMTP server) with a signed Reply-To → the coach answers BY EMAIL (real SMTP to the
// inbound receiver) → the answer, without the quoted text, is in the thread → the employer is told.
// Forged, unknown and oversized mail is refused without posting; a closed thread gets a polite
// answer; per-user settings (each, daily digest, off); an SMTP outage delays mail and loses none.
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sendDueEmails } from "../../emails/outbox.server.ts";
import { startInboundServer, type InboundServer } from "../../emails/inbound.server.ts";
import { replyAddress } from "../../emails/reply-address.server.ts";
import * as coachPlacement from "~/routes/coach/placement.tsx";
import * as coachQuestion from "~/routes/coach/question.tsx";
import * as employerPlacement from "~/routes/employer/placement.tsx";
import * as employerSettings from "~/routes/employer/settings.tsx";
import { dayKey } from "~/domain/swedish-time.ts";
import { db } from "~/utils/db.server.ts";
import { sendDueDigests } from "~/utils/notifications.server.ts";
import { useTestSmtpServer, type ReceivedMessage } from "../setup/smtp.ts";
import {
  createPlacementWithThread,
  createQuestion,
  createUser,
  createWorld,
  createEmployer,
} from "../support/factories.ts";
import { sessionCookieFor } from "../support/requests.ts";
import { load, submit } from "../support/routes.ts";

const INBOUND_DOMAIN = "svar.brygga.test";
const savedEnv = { INBOUND_DOMAIN: process.env.INBOUND_DOMAIN, REPLY_SECRET: process.env.REPLY_SECRET };
process.env.INBOUND_DOMAIN = INBOUND_DOMAIN;
process.env.REPLY_SECRET = "test-reply-secret-0123456789";

const smtp = useTestSmtpServer();
let inbound: InboundServer;
const MAX_BYTES = 60_000;
const quiet = { info: () => {}, warn: () => {}, error: (...args: unknown[]) => console.error(...args) };

beforeAll(async () => {
  inbound = await startInboundServer({ port: 0, host: "127.0.0.1", maxBytes: MAX_BYTES, logger: quiet });
});
afterAll(async () => {
  await inbound?.stop();
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

/** Send a mail to the inbound receiver over real SMTP, as the person's mail server would. */
async function sendToInbound(message: {
  from: string;
  to: string;
  subject?: string;
  text?: string;
  html?: string;
  messageId?: string;
  headers?: Record<string, string>;
}) {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port: inbound.port,
    secure: false,
    ignoreTLS: true,
  });
  try {
    return await transport.sendMail({ subject: "Re: Nytt meddelande", ...message });
  } finally {
    transport.close();
  }
}

function replyToOf(mail: ReceivedMessage): string | undefined {
  return mail.replyTo?.value[0]?.address;
}

async function deliver() {
  const result = await sendDueEmails();
  expect(result.retried).toBe(0);
  return result;
}

async function world() {
  const w = await createWorld();
  const { placement, thread } = await createPlacementWithThread(w);
  return { ...w, placement, thread: thread! };
}

describe("an employer asks, the coach answers by email", () => {
  test("the question reaches the coach with a signed Reply-To; the emailed answer lands in the thread without the quote", async () => {
    const w = await world();
    const employerCookie = await sessionCookieFor(w.employerUser.id);
    const asked = await submit(
      employerPlacement,
      `/arbetsgivare/placeringar/${w.placement.id}`,
      { intent: "message", body: "Hej! Hur gör vi med raster första veckan?" },
      employerCookie,
      { placementId: w.placement.id },
    );
    expect(asked.status).toBe(302);

    await deliver();
    const notice = await smtp.waitForMessage((m) => m.envelope.to.includes(w.coach.email!));
    expect(notice.subject).toBe(`Nytt meddelande: ${w.thread.subject}`);
    expect(notice.text).toContain("Hur gör vi med raster första veckan?");
    expect(notice.text).toContain("Du kan också svara direkt på det här mejlet");
    const replyTo = replyToOf(notice)!;
    expect(replyTo).toBe(replyAddress(w.thread.id, w.coach.id));
    expect(replyTo).toMatch(
      new RegExp(`^reply\\+${w.thread.id}\\.${w.coach.id}\\.[a-z2-7]{20}@${INBOUND_DOMAIN.replaceAll(".", "\\.")}$`),
    );

    // The coach answers from their mail program: new text on top, a signature, the quote below.
    const answer = [
      "Hej!",
      "Första veckan räcker det med en kort rast efter två timmar. Jag kommer förbi på onsdag: https://brygga.example.se/info",
      "",
      "-- ",
      `${w.coach.name}`,
      "Jobbcoach, 036-10 20 30",
      "",
      `Den 5 mars 2026 kl. 10:15 skrev Brygga <no-reply@brygga.local>:`,
      "> Hej! Hur gör vi med raster första veckan?",
      ">",
      "> Läs och svara i Brygga",
    ].join("\n");
    const sent = await sendToInbound({
      from: w.coach.email!,
      to: replyTo,
      subject: `Re: ${notice.subject}`,
      text: answer,
      messageId: "<svar-1@coach.test>",
    });
    expect(sent.accepted).toEqual([replyTo]);

    const messages = await db.message.findMany({ where: { threadId: w.thread.id }, orderBy: { createdAt: "asc" } });
    const reply = messages.at(-1)!;
    expect(reply).toMatchObject({
      authorId: w.coach.id,
      via: "email",
      visibility: "employer",
      body: "Hej!\nFörsta veckan räcker det med en kort rast efter två timmar. Jag kommer förbi på onsdag: https://brygga.example.se/info",
    });

    // The employer is told, with their own reply address, and sees the answer (via e-post) on the page.
    await deliver();
    const toEmployer = await smtp.waitForMessage((m) => m.envelope.to.includes(w.employerUser.email!));
    expect(toEmployer.subject).toBe(`Nytt meddelande: ${w.thread.subject}`);
    expect(toEmployer.text).toContain("Första veckan räcker det med en kort rast");
    expect(replyToOf(toEmployer)).toBe(replyAddress(w.thread.id, w.employerUser.id));
    const page = await load(employerPlacement, `/arbetsgivare/placeringar/${w.placement.id}`, employerCookie, {
      placementId: w.placement.id,
    });
    const view = page.value as {
      messages: Array<{ body: string; via: string; side: string }>;
      waitingSince: Date | null;
    };
    expect(view.messages.at(-1)).toMatchObject({ via: "email", side: "staff" });
    expect(view.waitingSince).toBeNull();

    // The employer answers by email from Outlook (Swedish header block below the answer).
    const outlook = [
      "Tack, då vet vi!",
      "",
      "Med vänliga hälsningar",
      "Per",
      "",
      "________________________________",
      "Från: Brygga <no-reply@brygga.local>",
      "Skickat: den 5 mars 2026 10:20",
      `Till: ${w.employerUser.email}`,
      `Ämne: ${toEmployer.subject}`,
      "",
      "Hej! Första veckan …",
    ].join("\r\n");
    await sendToInbound({ from: w.employerUser.email!, to: replyToOf(toEmployer)!, text: outlook });
    const last = await db.message.findFirstOrThrow({
      where: { threadId: w.thread.id },
      orderBy: { createdAt: "desc" },
    });
    expect(last).toMatchObject({
      authorId: w.employerUser.id,
      via: "email",
      body: "Tack, då vet vi!\n\nMed vänliga hälsningar\nPer",
    });
  });

  test("a reply in HTML only (Gmail style, quote in a blockquote) is posted as plain text", async () => {
    const w = await world();
    const address = replyAddress(w.thread.id, w.coach.id)!;
    await sendToInbound({
      from: w.coach.email!,
      to: address,
      html: `<div dir="ltr">Vi ses <b>på torsdag</b> kl 9.<script>alert(1)</script></div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Thu, Mar 5, 2026 at 10:15 AM Brygga &lt;no-reply@brygga.local&gt; wrote:<br></div><blockquote class="gmail_quote">Hej! Hur gör vi?</blockquote></div>`,
    });
    const last = await db.message.findFirstOrThrow({
      where: { threadId: w.thread.id },
      orderBy: { createdAt: "desc" },
    });
    expect(last.via).toBe("email");
    expect(last.body).toBe("Vi ses på torsdag kl 9.");
  });

  test("the same reply delivered twice is posted once; automated mail (out of office, bounces) is dropped", async () => {
    const w = await world();
    const address = replyAddress(w.thread.id, w.employerUser.id)!;
    const before = await db.message.count({ where: { threadId: w.thread.id } });
    await sendToInbound({ from: w.employerUser.email!, to: address, text: "Tack!", messageId: "<dubbel@ag.test>" });
    await sendToInbound({ from: w.employerUser.email!, to: address, text: "Tack!", messageId: "<dubbel@ag.test>" });
    expect(await db.message.count({ where: { threadId: w.thread.id } })).toBe(before + 1);

    await sendToInbound({
      from: w.employerUser.email!,
      to: address,
      text: "Jag är på semester till måndag.",
      headers: { "Auto-Submitted": "auto-replied" },
    });
    expect(await db.message.count({ where: { threadId: w.thread.id } })).toBe(before + 1);
    expect(await db.emailOutbox.count({ where: { template: "replyNotPosted" } })).toBe(0);
  });

  test("a reply to a question thread works the same way", async () => {
    const w = await createWorld();
    const thread = await createQuestion(w.employerUser, w.organization.id, { subject: "Lönestöd" });
    const cookie = await sessionCookieFor(w.coach.id);
    expect(
      (
        await submit(coachQuestion, `/coach/fragor/${thread.id}`, { intent: "reply", body: "Ja, det går." }, cookie, {
          threadId: thread.id,
        })
      ).status,
    ).toBe(302);
    await deliver();
    const answered = await smtp.waitForMessage((m) => m.envelope.to.includes(w.employerUser.email!));
    expect(answered.subject).toBe("Svar på din fråga: Lönestöd");
    expect(answered.text).toContain("Du kan också svara direkt på det här mejlet");
    await sendToInbound({
      from: w.employerUser.email!,
      to: replyToOf(answered)!,
      text: "Hur lång tid tar det?\n\nOn Thu, Mar 5, 2026 at 10:15 AM Brygga <no-reply@brygga.local> wrote:\n> Ja, det går.",
    });
    const last = await db.message.findFirstOrThrow({ where: { threadId: thread.id }, orderBy: { createdAt: "desc" } });
    expect(last).toMatchObject({ authorId: w.employerUser.id, via: "email", body: "Hur lång tid tar det?" });
    await deliver();
    const toCoach = await smtp.waitForMessage((m) => m.envelope.to.includes(w.coach.email!));
    expect(toCoach.subject).toBe(`Nytt meddelande från ${w.employer.name}: Lönestöd`);
    expect(replyToOf(toCoach)).toBe(replyAddress(thread.id, w.coach.id));
  });
});

describe("refused without posting", () => {
  async function expectRefused(to: string, code: number, text = "Ett försök") {
    const error = await sendToInbound({ from: "someone@example.test", to, text }).then(
      () => null,
      (e: { responseCode?: number }) => e,
    );
    expect(error, `expected ${to} to be refused`).not.toBeNull();
    expect(error!.responseCode).toBe(code);
  }

  test("forged, unknown and foreign addresses are refused at RCPT; nothing is posted", async () => {
    const w = await world();
    const real = replyAddress(w.thread.id, w.employerUser.id)!;
    const [local] = real.split("@") as [string];
    const signature = local.split(".").at(-1)!;
    const other = await createWorld();
    const messagesBefore = await db.message.count();

    await expectRefused(`${local.slice(0, -1)}${signature.endsWith("a") ? "b" : "a"}@${INBOUND_DOMAIN}`, 550); // one character of the signature changed
    await expectRefused(`reply+${w.thread.id}.${other.employerUser.id}.${signature}@${INBOUND_DOMAIN}`, 550); // someone else's id with this signature
    await expectRefused(`reply+${w.thread.id}.${w.employerUser.id}@${INBOUND_DOMAIN}`, 550); // no signature
    await expectRefused(`info@${INBOUND_DOMAIN}`, 550);
    await expectRefused(real.replace(INBOUND_DOMAIN, "annan.example.test"), 550);
    // Correctly signed, but for a user who may not post in the thread (another employer's user).
    await expectRefused(replyAddress(w.thread.id, other.employerUser.id)!, 550);
    // A user who has left (deactivated) may no longer post.
    await db.user.update({ where: { id: w.employerUser.id }, data: { deactivatedAt: new Date() } });
    await expectRefused(real, 550);

    expect(await db.message.count()).toBe(messagesBefore);
  });

  test("an oversized mail is refused (552) and nothing is posted", async () => {
    const w = await world();
    const before = await db.message.count({ where: { threadId: w.thread.id } });
    const error = await sendToInbound({
      from: w.employerUser.email!,
      to: replyAddress(w.thread.id, w.employerUser.id)!,
      text: `Stor bilaga\n${"x".repeat(MAX_BYTES + 5000)}`,
    }).then(
      () => null,
      (e: { responseCode?: number }) => e,
    );
    expect(error?.responseCode).toBe(552);
    expect(await db.message.count({ where: { threadId: w.thread.id } })).toBe(before);
  });

  test("a reply to a closed thread is not posted; the sender gets a polite answer saying where to turn", async () => {
    const w = await world();
    const coachCookie = await sessionCookieFor(w.coach.id);
    // Today in Sweden (the form's calendar), not in UTC: they differ between 22:00 and midnight UTC.
    const today = dayKey(new Date());
    const ended = await submit(
      coachPlacement,
      `/coach/placeringar/${w.placement.id}`,
      { intent: "end", reason: "dropout", endDate: today },
      coachCookie,
      { placementId: w.placement.id },
    );
    expect(ended.status).toBe(302);
    expect((await db.thread.findUniqueOrThrow({ where: { id: w.thread.id } })).status).toBe("closed");
    await deliver();
    smtp.clear();

    const before = await db.message.count({ where: { threadId: w.thread.id } });
    await sendToInbound({
      from: w.employerUser.email!,
      to: replyAddress(w.thread.id, w.employerUser.id)!,
      text: "En fråga till efter avslutet.",
    });
    expect(await db.message.count({ where: { threadId: w.thread.id } })).toBe(before);

    await deliver();
    const polite = await smtp.waitForMessage((m) => m.envelope.to.includes(w.employerUser.email!));
    expect(polite.subject).toBe(`Ditt svar kom inte fram: ${w.thread.subject}`);
    expect(polite.text).toContain("är avslutad, så ditt svar har inte lagts in");
    expect(polite.text).toContain("http://localhost:3000/arbetsgivare/fragor/ny");
    expect(polite.text).toContain(w.coach.name); // someone to call
    expect(replyToOf(polite)).toBeUndefined();
  });

  test("a reply with nothing but the quote is not posted; the sender is told", async () => {
    const w = await world();
    const before = await db.message.count({ where: { threadId: w.thread.id } });
    await sendToInbound({
      from: w.coach.email!,
      to: replyAddress(w.thread.id, w.coach.id)!,
      text: "\n\nDen 5 mars 2026 kl. 10:15 skrev Brygga <no-reply@brygga.local>:\n> Hej!",
    });
    expect(await db.message.count({ where: { threadId: w.thread.id } })).toBe(before);
    await deliver();
    const polite = await smtp.waitForMessage((m) => m.envelope.to.includes(w.coach.email!));
    expect(polite.text).toContain("Vi hittade ingen ny text i svaret");
  });
});

describe("notification settings", () => {
  test("off: no mail; digest: nothing at once, then one daily summary of what is unread", async () => {
    const w = await world();
    const colleague = await createUser("employer", { employerId: w.employer.id });
    const cookie = await sessionCookieFor(w.coach.id);
    // Both employer users are in the conversation.
    await submit(
      employerPlacement,
      `/arbetsgivare/placeringar/${w.placement.id}`,
      { intent: "message", body: "Hej från kollegan" },
      await sessionCookieFor(colleague.id),
      { placementId: w.placement.id },
    );
    expect(
      (
        await submit(
          employerSettings,
          "/arbetsgivare/installningar",
          { notifyMessages: "off" },
          await sessionCookieFor(colleague.id),
        )
      ).status,
    ).toBe(302);
    expect(
      (
        await submit(
          employerSettings,
          "/arbetsgivare/installningar",
          { notifyMessages: "digest" },
          await sessionCookieFor(w.employerUser.id),
        )
      ).status,
    ).toBe(302);
    expect(
      (
        await submit(
          employerSettings,
          "/arbetsgivare/installningar",
          { notifyMessages: "sometimes" },
          await sessionCookieFor(w.employerUser.id),
        )
      ).status,
    ).toBe(400);
    await db.user.update({
      where: { id: w.employerUser.id },
      data: { digestSentAt: new Date(Date.now() - 2 * 86_400_000) },
    });
    await deliver();
    smtp.clear();

    await submit(
      coachPlacement,
      `/coach/placeringar/${w.placement.id}`,
      { intent: "message", body: "Första meddelandet från coachen." },
      cookie,
      { placementId: w.placement.id },
    );
    await submit(
      coachPlacement,
      `/coach/placeringar/${w.placement.id}`,
      { intent: "message", body: "Och ett till." },
      cookie,
      { placementId: w.placement.id },
    );
    expect(
      await db.emailOutbox.count({
        where: { to: { in: [w.employerUser.email!, colleague.email!] }, status: "pending" },
      }),
    ).toBe(0);

    const first = await sendDueDigests();
    expect(first.sent).toBeGreaterThanOrEqual(1);
    await deliver();
    const digest = await smtp.waitForMessage((m) => m.envelope.to.includes(w.employerUser.email!));
    expect(digest.subject).toBe("Brygga: 2 nya meddelanden i 1 konversation");
    expect(digest.text).toContain("Första meddelandet från coachen.");
    expect(digest.text).toContain(`http://localhost:3000/arbetsgivare/placeringar/${w.placement.id}`);
    expect(smtp.messagesTo(colleague.email!)).toEqual([]);

    // The same day: no second digest.
    expect((await sendDueDigests()).users).toBe(0);
  });
});

describe("an SMTP outage", () => {
  test("the server stops mid-way: mail waits in the outbox and arrives when it is back; nothing is lost", async () => {
    const w = await world();
    const cookie = await sessionCookieFor(w.employerUser.id);
    await submit(
      employerPlacement,
      `/arbetsgivare/placeringar/${w.placement.id}`,
      { intent: "message", body: "Före avbrottet" },
      cookie,
      { placementId: w.placement.id },
    );
    await deliver();
    await smtp.waitForMessage((m) => m.text?.includes("Före avbrottet") ?? false);

    await smtp.stop();
    const during = await submit(
      employerPlacement,
      `/arbetsgivare/placeringar/${w.placement.id}`,
      { intent: "message", body: "Under avbrottet" },
      cookie,
      { placementId: w.placement.id },
    );
    expect(during.status).toBe(302); // the user's request does not fail
    const failed = await sendDueEmails();
    expect(failed).toMatchObject({ sent: 0, retried: 1 });
    const row = await db.emailOutbox.findFirstOrThrow({
      where: { to: w.coach.email!, text: { contains: "Under avbrottet" } },
    });
    expect(row).toMatchObject({ status: "pending", attempts: 1 });

    await smtp.start();
    const later = await sendDueEmails({ now: new Date(Date.now() + 60 * 60_000) });
    expect(later.sent).toBe(1);
    const mail = await smtp.waitForMessage((m) => m.text?.includes("Under avbrottet") ?? false);
    expect(mail.envelope.to).toEqual([w.coach.email]);
    expect(replyToOf(mail)).toBe(replyAddress(w.thread.id, w.coach.id));
    expect(await db.emailOutbox.count({ where: { status: "pending" } })).toBe(0);
    // The message itself was saved at once.
    expect(await db.message.count({ where: { threadId: w.thread.id, body: "Under avbrottet" } })).toBe(1);
  });
});

test("an employer not in the thread's organisation never gets the coach's notices", async () => {
  const w = await world();
  const stranger = await createEmployer({ organizationId: w.organization.id });
  const strangerUser = await createUser("employer", { employerId: stranger.id });
  await submit(
    coachPlacement,
    `/coach/placeringar/${w.placement.id}`,
    { intent: "message", body: "Bara för rätt arbetsgivare" },
    await sessionCookieFor(w.coach.id),
    { placementId: w.placement.id },
  );
  await deliver();
  expect(smtp.messagesTo(strangerUser.email!)).toEqual([]);
  expect(smtp.messagesTo(w.employerUser.email!)).toHaveLength(1);
});
