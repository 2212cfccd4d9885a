// Every role reaches its own pages and is refused on the others'; another organisation's data is a 404.
import { describe, expect, test } from "vitest";
import * as adminHome from "~/routes/admin/home.tsx";
import * as coachHome from "~/routes/coach/home.tsx";
import * as participantCode from "~/routes/coach/participant-sign-in-code.tsx";
import * as employerHome from "~/routes/employer/home.tsx";
import * as participantHome from "~/routes/participant/home.tsx";
import { db } from "~/utils/db.server.ts";
import { createParticipant, createWorld } from "../support/factories.ts";
import { getRequest, postRequest, sessionCookieFor, settle, testContext } from "../support/requests.ts";

type LoaderModule = {
  loader: (args: {
    request: Request;
    params: Record<string, string>;
    context: ReturnType<typeof testContext>;
  }) => Promise<unknown>;
};

const pages: Array<{ path: string; module: LoaderModule; allowed: string[] }> = [
  { path: "/admin", module: adminHome as unknown as LoaderModule, allowed: ["admin"] },
  { path: "/coach", module: coachHome as unknown as LoaderModule, allowed: ["coach", "admin"] },
  { path: "/arbetsgivare", module: employerHome as unknown as LoaderModule, allowed: ["employer"] },
  { path: "/deltagare", module: participantHome as unknown as LoaderModule, allowed: ["participant"] },
];

describe("role guards", () => {
  test.each(pages)(
    "$path: allowed roles get in, other roles get 403, visitors are sent to sign in",
    async ({ path, module, allowed }) => {
      const world = await createWorld();
      const usersByRole = {
        admin: world.admin,
        coach: world.coach,
        employer: world.employerUser,
        participant: world.participantUser,
      };
      for (const [role, user] of Object.entries(usersByRole)) {
        const cookie = await sessionCookieFor(user.id);
        const result = await settle(() =>
          module.loader({ request: getRequest(path, cookie), params: {}, context: testContext() }),
        );
        expect(result.status, `${role} on ${path}`).toBe(allowed.includes(role) ? 200 : 403);
      }
      const anonymous = await settle(() =>
        module.loader({ request: getRequest(path), params: {}, context: testContext() }),
      );
      expect(anonymous.status).toBe(302);
      expect(anonymous.response?.headers.get("Location")).toBe(`/logga-in?redirectTo=${encodeURIComponent(path)}`);
    },
  );
});

describe("organisation scoping", () => {
  test("a coach cannot create a sign-in code for another organisation's participant (404)", async () => {
    const ours = await createWorld();
    const theirs = await createWorld();
    const cookie = await sessionCookieFor(ours.coach.id);
    const path = `/coach/deltagare/${theirs.participant.id}/inloggningskod`;
    const params = { participantId: theirs.participant.id };

    expect(
      (
        await settle(() =>
          participantCode.loader({ request: getRequest(path, cookie), params, context: testContext() }),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await settle(() =>
          participantCode.action({ request: postRequest(path, {}, cookie), params, context: testContext() }),
        )
      ).status,
    ).toBe(404);
    expect(await db.loginToken.count({ where: { kind: "code" } })).toBe(0);
  });

  test("a coach creates a code for a participant without an account; it is audited", async () => {
    const { organization, coach } = await createWorld();
    const participant = await createParticipant(organization.id, { coachId: coach.id, pseudonym: "Kim" });
    const cookie = await sessionCookieFor(coach.id);
    const path = `/coach/deltagare/${participant.id}/inloggningskod`;
    const result = await settle(() =>
      participantCode.action({
        request: postRequest(path, {}, cookie),
        params: { participantId: participant.id },
        context: testContext(),
      }),
    );
    expect(result.status).toBe(200);
    expect(result.value).toMatchObject({ code: expect.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/) });
    const updated = await db.participant.findUniqueOrThrow({ where: { id: participant.id }, include: { user: true } });
    expect(updated.user).toMatchObject({ role: "participant", email: null, name: "Kim" });
    expect(
      await db.auditEvent.count({
        where: { participantId: participant.id, actorId: coach.id, entity: "sign-in-code" },
      }),
    ).toBe(1);
  });

  test("an employer sees only their own employer's openings on the start page", async () => {
    const ours = await createWorld();
    const theirs = await createWorld();
    const cookie = await sessionCookieFor(ours.employerUser.id);
    const result = await settle(() =>
      employerHome.loader({ request: getRequest("/arbetsgivare", cookie), params: {}, context: testContext() }),
    );
    const employer = (result.value as { employer: { name: string } }).employer;
    expect(employer.name).toBe(ours.employer.name);
    expect(employer.name).not.toBe(theirs.employer.name);
  });
});
