// Sign-in: links (valid, expired, reused, unknown address, rate limit), codes, sessions, sign-out.
import { describe, expect, test } from "vitest";
import * as signInRoute from "~/routes/auth/sign-in.tsx";
import * as verifyRoute from "~/routes/auth/verify-link.tsx";
import * as codeRoute from "~/routes/auth/sign-in-code.tsx";
import * as signOutRoute from "~/routes/auth/sign-out.tsx";
import { getUser, issueParticipantCode, SESSION_LIFETIME_DAYS } from "~/utils/auth.server.ts";
import { db } from "~/utils/db.server.ts";
import { hashToken } from "~/utils/tokens.server.ts";
import { useFixedClock } from "../support/clock.ts";
import { createUser, createWorld } from "../support/factories.ts";
import { getRequest, postRequest, settle, testContext } from "../support/requests.ts";

async function requestLink(email: string, ip = "10.1.1.1") {
  return settle(() =>
    signInRoute.action({ request: postRequest("/logga-in", { email }), params: {}, context: testContext(ip) }),
  );
}

async function latestLinkFor(email: string): Promise<string> {
  const mail = await db.emailOutbox.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  const match = mail.text.match(/https?:\/\/\S+\/logga-in\/lank\?token=[\w-]+/);
  expect(match, "the sign-in mail contains the link").not.toBeNull();
  return match![0];
}

async function useLink(link: string) {
  const token = new URL(link).searchParams.get("token")!;
  return settle(() =>
    verifyRoute.action({ request: postRequest("/logga-in/lank", { token }), params: {}, context: testContext() }),
  );
}

function cookieFrom(response: Response | undefined): string {
  const header = response?.headers.get("Set-Cookie") ?? "";
  return header.split(";")[0]!;
}

describe("sign-in link", () => {
  // Just before midnight on New Year's Eve: the link's 15 minutes run into the next year.
  const clock = useFixedClock("2026-12-31T22:50:00Z");

  test("a valid link signs the user in once and lands on the role's start page", async () => {
    const { coach } = await createWorld();
    const sent = await requestLink(coach.email!);
    expect(sent.status).toBe(302);
    expect(sent.response?.headers.get("Location")).toBe(`/logga-in?skickat=${encodeURIComponent(coach.email!)}`);

    const link = await latestLinkFor(coach.email!);
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { to: coach.email! } });
    expect(mail.subject).toMatch(/Logga in/);
    expect(mail.html).toContain(link.replace(/&/g, "&amp;"));

    // Opening the link only shows a confirmation: a mail scanner fetching it does not use it up.
    const opened = await settle(() =>
      verifyRoute.loader({
        request: getRequest(new URL(link).pathname + new URL(link).search),
        params: {},
        context: testContext(),
      }),
    );
    expect(opened.status).toBe(200);

    const used = await useLink(link);
    expect(used.status).toBe(302);
    expect(used.response?.headers.get("Location")).toBe("/coach");
    const cookie = cookieFrom(used.response);
    expect(used.response?.headers.get("Set-Cookie")).toMatch(/HttpOnly/i);
    expect(used.response?.headers.get("Set-Cookie")).toMatch(/SameSite=Lax/i);
    const user = await getUser(getRequest("/", cookie));
    expect(user?.id).toBe(coach.id);
  });

  test("the token is stored only as a hash", async () => {
    const user = await createUser("employer");
    await requestLink(user.email!);
    const link = await latestLinkFor(user.email!);
    const token = new URL(link).searchParams.get("token")!;
    const stored = await db.loginToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(stored.tokenHash).not.toContain(token);
    expect(Math.abs(stored.expiresAt.getTime() - stored.createdAt.getTime() - 15 * 60_000)).toBeLessThan(1000);
  });

  test("a reused link is refused", async () => {
    const user = await createUser("admin");
    await requestLink(user.email!);
    const link = await latestLinkFor(user.email!);
    expect((await useLink(link)).status).toBe(302);
    const again = await useLink(link);
    expect(again.status).toBe(400);
    expect(again.value).toEqual({ problem: expect.stringMatching(/redan använts/) });
  });

  test("an expired link is refused", async () => {
    const user = await createUser("coach");
    await requestLink(user.email!);
    const link = await latestLinkFor(user.email!);
    clock.advance(16 * 60_000);
    const result = await useLink(link);
    expect(result.status).toBe(400);
    expect(result.value).toEqual({ problem: expect.stringMatching(/gått ut/) });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  test("a made-up token is refused and creates no session", async () => {
    const before = await db.session.count();
    const result = await useLink("http://localhost:3000/logga-in/lank?token=not-a-real-token-123456789");
    expect(result.status).toBe(400);
    expect(await db.session.count()).toBe(before);
  });

  test("an unknown address gets the same answer and no mail", async () => {
    const known = await createUser("coach");
    const forKnown = await requestLink(known.email!, "10.2.2.2");
    const forUnknown = await requestLink("nobody-here@test.brygga.se", "10.2.2.3");
    expect(forUnknown.status).toBe(forKnown.status);
    expect(forUnknown.response?.headers.get("Location")).toBe(
      `/logga-in?skickat=${encodeURIComponent("nobody-here@test.brygga.se")}`,
    );
    expect(await db.emailOutbox.count({ where: { to: "nobody-here@test.brygga.se" } })).toBe(0);
  });

  test("an invalid address is a 400 with a message and sends nothing", async () => {
    const before = { mails: await db.emailOutbox.count(), requests: await db.signInRequest.count() };
    const result = await requestLink("inte-en-adress");
    expect(result.status).toBe(400);
    expect(result.value).toMatchObject({ errors: { email: [expect.stringMatching(/giltig e-postadress/)] } });
    expect(await db.emailOutbox.count()).toBe(before.mails);
    expect(await db.signInRequest.count()).toBe(before.requests);
  });

  test("too many requests for one address from one client address are limited, for known and unknown addresses alike", async () => {
    const user = await createUser("employer");
    for (let i = 0; i < 3; i++) expect((await requestLink(user.email!, "10.3.3.1")).status).toBe(302);
    const limited = await requestLink(user.email!, "10.3.3.1");
    expect(limited.status).toBe(429);
    expect(await db.emailOutbox.count({ where: { to: user.email! } })).toBe(3);

    for (let i = 0; i < 3; i++) await requestLink("ghost@test.brygga.se", "10.4.4.1");
    expect((await requestLink("ghost@test.brygga.se", "10.4.4.1")).status).toBe(429);
  });

  test("requests from elsewhere cannot lock the owner out: past the cap they only stop more mail", async () => {
    const user = await createUser("employer");
    // A stranger spreads requests over many client addresses.
    for (let i = 0; i < 12; i++) expect((await requestLink(user.email!, `10.8.8.${i}`)).status).toBe(302);
    expect(await db.emailOutbox.count({ where: { to: user.email! } })).toBe(10);
    // The owner, from their own address, gets the normal answer, and the latest link still works.
    expect((await requestLink(user.email!, "10.2.2.2")).status).toBe(302);
    const session = await useLink(await latestLinkFor(user.email!));
    expect(session.status).toBe(302);
  });

  test("too many requests from one address are limited", async () => {
    for (let i = 0; i < 20; i++) expect((await requestLink(`person${i}@test.brygga.se`, "10.9.9.9")).status).toBe(302);
    expect((await requestLink("one-more@test.brygga.se", "10.9.9.9")).status).toBe(429);
    expect((await requestLink("one-more@test.brygga.se", "10.9.9.10")).status).toBe(302);
  });
});

describe("participant sign-in code", () => {
  test("a coach-issued code signs the participant in once", async () => {
    const { coach, participantUser } = await createWorld();
    const { code } = await issueParticipantCode(participantUser.id, coach.id);
    const typed = code.toLowerCase().replace("-", " ");
    const first = await settle(() =>
      codeRoute.action({
        request: postRequest("/logga-in/kod", { code: typed }),
        params: {},
        context: testContext("10.5.5.5"),
      }),
    );
    expect(first.status).toBe(302);
    expect(first.response?.headers.get("Location")).toBe("/deltagare");
    const second = await settle(() =>
      codeRoute.action({
        request: postRequest("/logga-in/kod", { code }),
        params: {},
        context: testContext("10.5.5.5"),
      }),
    );
    expect(second.status).toBe(400);
  });

  test("a new code replaces the old one", async () => {
    const { coach, participantUser } = await createWorld();
    const old = await issueParticipantCode(participantUser.id, coach.id);
    await issueParticipantCode(participantUser.id, coach.id);
    const result = await settle(() =>
      codeRoute.action({
        request: postRequest("/logga-in/kod", { code: old.code }),
        params: {},
        context: testContext("10.6.6.6"),
      }),
    );
    expect(result.status).toBe(400);
  });

  test("guessing codes is limited per client address", async () => {
    let last = 0;
    for (let i = 0; i < 11; i++) {
      last = (
        await settle(() =>
          codeRoute.action({
            request: postRequest("/logga-in/kod", { code: "AAAA-BBBB" }),
            params: {},
            context: testContext("10.7.7.7"),
          }),
        )
      ).status;
    }
    expect(last).toBe(429);
  });
});

describe("sessions", () => {
  test("sign-out revokes the session in the database", async () => {
    const user = await createUser("coach");
    await requestLink(user.email!);
    const used = await useLink(await latestLinkFor(user.email!));
    const cookie = cookieFrom(used.response);
    expect(await getUser(getRequest("/", cookie))).not.toBeNull();
    const out = await settle(() =>
      signOutRoute.action({ request: postRequest("/logga-ut", {}, cookie), params: {}, context: testContext() }),
    );
    expect(out.status).toBe(302);
    expect(await getUser(getRequest("/", cookie))).toBeNull();
    const session = await db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session.revokedAt).not.toBeNull();
  });

  test("sessions expire and deactivated users are signed out", async () => {
    const user = await createUser("employer");
    await requestLink(user.email!);
    const cookie = cookieFrom((await useLink(await latestLinkFor(user.email!))).response);
    const session = await db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session.expiresAt.getTime()).toBeGreaterThan(Date.now() + (SESSION_LIFETIME_DAYS - 1) * 86_400_000);
    expect(await getUser(getRequest("/", cookie))).toMatchObject({ id: user.id, role: "employer" });
    await db.session.update({
      where: { id: session.id },
      data: { expiresAt: new Date(session.createdAt.getTime() - 1000) },
    });
    expect(await getUser(getRequest("/", cookie))).toBeNull();
    await db.session.update({ where: { id: session.id }, data: { expiresAt: session.expiresAt } });
    expect(await getUser(getRequest("/", cookie))).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect(await getUser(getRequest("/", cookie))).toBeNull();
  });
});
