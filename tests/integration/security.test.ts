// Issue 13: takeover paths, enumeration, sessions, rate limits and hostile text — each through the
// real route actions and the database.
import { describe, expect, test } from "vitest";
import * as signInCodeRoute from "~/routes/auth/sign-in-code.tsx";
import * as signInRoute from "~/routes/auth/sign-in.tsx";
import * as signOutRoute from "~/routes/auth/sign-out.tsx";
import * as verifyRoute from "~/routes/auth/verify-link.tsx";
import * as coachHome from "~/routes/coach/home.tsx";
import * as colleagues from "~/routes/employer/colleagues.tsx";
import * as questionNew from "~/routes/employer/question-new.tsx";
import { createSignInLinkToken, getUser, issueParticipantCode } from "~/utils/auth.server.ts";
import { db } from "~/utils/db.server.ts";
import { SIGN_IN_LIMITS } from "~/utils/rate-limit.server.ts";
import { useFixedClock } from "../support/clock.ts";
import { createUser, createWorld } from "../support/factories.ts";
import { getRequest, postRequest, sessionCookieFor, settle, testContext } from "../support/requests.ts";

const post = (
  module: { action: unknown },
  path: string,
  fields: Record<string, string>,
  cookie?: string,
  ip?: string,
) =>
  settle(() =>
    (module.action as (a: object) => Promise<unknown>)({
      request: postRequest(path, fields, cookie),
      params: {},
      context: testContext(ip),
    }),
  );

describe("redirect after sign-in (item 2)", () => {
  test.each(["/\t/evil.example/", "/\n/evil.example", "/\v/evil.example", "/\u3000/evil.example", "//evil.example"])(
    "a link with redirectTo %j signs in and stays on Brygga (no 500 after the link is used)",
    async (redirectTo) => {
      const { coach } = await createWorld();
      const token = await createSignInLinkToken(coach.id);
      const result = await post(verifyRoute, "/logga-in/lank", { token, redirectTo });
      expect(result.status).toBe(302);
      expect(result.response?.headers.get("Location")).toBe("/coach");
      expect(result.response?.headers.get("Cache-Control")).toBe("no-store");
    },
  );
});

describe("body size (item 4)", () => {
  test("a huge email is refused with a short answer that echoes at most the field's maximum", async () => {
    const before = await db.signInRequest.count();
    const result = await post(signInRoute, "/logga-in", { email: `${"a".repeat(900_000)}@example.se` });
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.value).length).toBeLessThan(1000);
    expect(await db.signInRequest.count()).toBe(before);
  });
});

describe("inviting a colleague (item 5)", () => {
  test("an address already in Brygga gets the same answer as a new one; its owner is told, the inviter is not", async () => {
    const { employer, employerUser } = await createWorld();
    const other = await createWorld(); // a participant in another organisation's programme
    const participantEmail = other.participantUser.email!;
    const cookie = await sessionCookieFor(employerUser.id);

    const known = await post(colleagues, "/arbetsgivare/kollegor", { name: "Kim", email: participantEmail }, cookie);
    const unknown = await post(
      colleagues,
      "/arbetsgivare/kollegor",
      { name: "Ny", email: "ny@test.brygga.se" },
      cookie,
    );
    expect(known.status).toBe(unknown.status);
    expect(known.response?.headers.get("Location")).toBe(unknown.response?.headers.get("Location"));
    expect(known.value).toBeUndefined();

    const participant = await db.user.findUniqueOrThrow({ where: { email: participantEmail } });
    expect(participant).toMatchObject({ role: "participant", employerId: null });
    const notice = await db.emailOutbox.findFirstOrThrow({ where: { to: participantEmail } });
    expect(notice.subject).toContain("ville bjuda in dig");
    expect(notice.text).not.toMatch(/logga-in\/lank/); // no sign-in link, nothing changes for the account
    expect(await db.user.count({ where: { employerId: employer.id } })).toBe(2); // the inviter and "Ny"
  });
});

describe("sessions (item 6)", () => {
  // Saturday night at the spring DST change: idle time is measured in real hours, not clock hours.
  const clock = useFixedClock("2027-03-27T22:30:00Z");

  test("staff and employers are signed out after 8 hours idle, participants after a week", async () => {
    const { coach, employerUser, participantUser } = await createWorld();
    const hour = 3_600_000;
    for (const [user, idleHours] of [
      [coach, 8],
      [employerUser, 8],
      [participantUser, 7 * 24],
    ] as const) {
      const cookie = await sessionCookieFor(user.id);
      clock.advance((idleHours - 1) * hour);
      expect(await getUser(getRequest("/", cookie)), `${user.role} active`).not.toBeNull();
      clock.advance((idleHours + 1) * hour);
      expect(await getUser(getRequest("/", cookie)), `${user.role} idle`).toBeNull();
      // Ended for good: coming back at once does not revive it.
      expect(await getUser(getRequest("/", cookie)), `${user.role} revoked`).toBeNull();
    }
  });

  test("use keeps a session alive", async () => {
    const { coach } = await createWorld();
    const cookie = await sessionCookieFor(coach.id);
    clock.advance(7 * 3_600_000);
    expect(
      (
        await settle(() =>
          coachHome.loader({ request: getRequest("/coach", cookie), params: {}, context: testContext() }),
        )
      ).status,
    ).toBe(200);
    // Seven more hours after that use: still signed in, since the idle time counts from the last use.
    clock.advance(7 * 3_600_000);
    expect(await getUser(getRequest("/", cookie))).not.toBeNull();
  });

  test("sign out everywhere ends every session of the account, and only that account's", async () => {
    const { coach, employerUser } = await createWorld();
    const phone = await sessionCookieFor(coach.id);
    const laptop = await sessionCookieFor(coach.id);
    const someoneElse = await sessionCookieFor(employerUser.id);
    const here = await post(signOutRoute, "/logga-ut", { intent: "here" }, phone);
    expect(here.status).toBe(302);
    expect(await getUser(getRequest("/", phone))).toBeNull();
    expect(await getUser(getRequest("/", laptop))).not.toBeNull();

    const tablet = await sessionCookieFor(coach.id);
    const everywhere = await post(signOutRoute, "/logga-ut", { intent: "everywhere" }, tablet);
    expect(everywhere.status).toBe(302);
    expect(await getUser(getRequest("/", laptop))).toBeNull();
    expect(await getUser(getRequest("/", tablet))).toBeNull();
    expect(await getUser(getRequest("/", someoneElse))).not.toBeNull();
  });
});

describe("participant codes (item 7)", () => {
  test("wrong codes spread over many client addresses lock every open code and are audited", async () => {
    const { coach, participant, participantUser } = await createWorld();
    const { code } = await issueParticipantCode(participantUser.id, coach.id);
    for (let i = 0; i < SIGN_IN_LIMITS.codeFailuresBeforeLock; i++) {
      const wrong = await post(signInCodeRoute, "/logga-in/kod", { code: "AAAA-BBBB" }, undefined, `10.20.${i}.1`);
      expect(wrong.status).toBe(400);
    }
    const real = await post(signInCodeRoute, "/logga-in/kod", { code }, undefined, "10.30.0.1");
    expect(real.status).toBe(400);
    expect(await db.session.count({ where: { userId: participantUser.id } })).toBe(0);
    const events = await db.auditEvent.findMany({ where: { entity: "signInCodes" } });
    expect(events.map((e) => e.participantId).sort()).toEqual([null, participant.id].sort());

    // The coach issues a new code, and it works.
    const fresh = await issueParticipantCode(participantUser.id, coach.id);
    const ok = await post(signInCodeRoute, "/logga-in/kod", { code: fresh.code }, undefined, "10.30.0.2");
    expect(ok.status).toBe(302);
  });

  test("correct codes do not count against the client address", async () => {
    const { coach } = await createWorld();
    for (let i = 0; i < SIGN_IN_LIMITS.codeFailuresPerIp + 2; i++) {
      const user = await createUser("participant");
      const { code } = await issueParticipantCode(user.id, coach.id);
      expect((await post(signInCodeRoute, "/logga-in/kod", { code }, undefined, "10.40.0.1")).status).toBe(302);
    }
  });
});

describe("control characters (item 8)", () => {
  test("are removed from a question's subject and text, and never reach the email Subject", async () => {
    const { coach, employerUser } = await createWorld();
    const cookie = await sessionCookieFor(employerUser.id);
    const result = await post(
      questionNew,
      "/arbetsgivare/fragor/ny",
      { subject: "Fråga\u202e\u0000 om\u001b lönestöd\u2028", body: "Hej\u0000!\u2028Rad två\u200b" },
      cookie,
    );
    expect(result.status).toBe(302);
    const thread = await db.thread.findFirstOrThrow({
      where: { createdById: employerUser.id },
      include: { messages: true },
    });
    expect(thread.subject).toBe("Fråga om lönestöd");
    expect(thread.messages[0]!.body).toBe("Hej!\nRad två");
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { to: coach.email! } });
    // eslint-disable-next-line no-control-regex -- what must not be there
    expect(mail.subject).not.toMatch(/[\u0000-\u001f\u202e\u2028]/);
  });
});
