// Issue 13, against the real server: every form action gets the hostile bodies (wrong, missing or
// multipart Content-Type, a foreign Origin, huge and chunked bodies, control characters) as a
// visitor and as the role it is for, and never answers 5xx; signed-in pages are not cached; the
// local mailbox works on a local address; and Chromium stays on Brygga after a sign-in link with
// a hostile redirectTo.
import fs from "node:fs";
import path from "node:path";
import type { DefineRoutesFunction } from "@remix-run/dev/dist/config/routes.js";
import { routes } from "../../app/routes.ts";
import { createSignInLinkToken, startSession } from "../../app/utils/auth.server.ts";
import { db } from "../../app/utils/db.server.ts";
import { E2E_BASE_URL } from "../../playwright.config.ts";
import { hostileBodies, rawRequest } from "../support/raw-http.ts";
import { createPlacementWithThread, createQuestion, createWorkplace, createWorld } from "../support/factories.ts";
import { expect, test } from "./support/fixtures.ts";

/** Every route of app/routes.ts whose module exports an action. */
function actionRoutes(): string[] {
  const found: string[] = [];
  const defineRoutes = ((callback: (route: (p: string, file: string) => void) => void) => {
    callback((p, file) => {
      const source = fs.readFileSync(path.resolve("app", file), "utf8");
      if (/export (async function|const|function) action\b/.test(source)) found.push(`/${p}`);
    });
    return {};
  }) as unknown as DefineRoutesFunction;
  routes(defineRoutes);
  return found;
}

async function cookieFor(userId: string) {
  return (await startSession(userId, "playwright-fuzz")).split(";")[0]!;
}

test("no form action answers 5xx to hostile bodies", async () => {
  test.setTimeout(600_000);
  const world = await createWorld();
  const { placement, thread, opening, proposal } = await createPlacementWithThread(world);
  const question = await createQuestion(world.employerUser, world.organization.id);
  const workplace = await createWorkplace(world.employer.id);
  const meeting = await db.meeting.create({
    data: {
      placementId: placement.id,
      kind: "follow_up",
      scheduledAt: new Date(Date.now() + 86_400_000),
      createdById: world.coach.id,
    },
  });
  const params: Record<string, string> = {
    participantId: world.participant.id,
    employerId: world.employer.id,
    openingId: opening.id,
    workplaceId: workplace.id,
    threadId: question.id,
    proposalId: proposal.id,
    placementId: placement.id,
    meetingId: meeting.id,
    section: "intressen",
    messageId: "okand",
  };
  void thread;
  const cookies = {
    admin: await cookieFor(world.admin.id),
    coach: await cookieFor(world.coach.id),
    employer: await cookieFor(world.employerUser.id),
    participant: await cookieFor(world.participantUser.id),
  };
  const roleFor = (p: string): keyof typeof cookies =>
    p.startsWith("/admin") || p.startsWith("/rapporter")
      ? "admin"
      : p.startsWith("/arbetsgivare")
        ? "employer"
        : p.startsWith("/deltagare")
          ? "participant"
          : "coach";

  // Sign-out last: its action ends the session the other requests use.
  const paths = actionRoutes()
    .map((p) => p.replace(/:(\w+)/g, (_m, name: string) => params[name] ?? "okand"))
    .sort((a, b) => Number(a === "/logga-ut") - Number(b === "/logga-ut"));
  expect(paths.length).toBeGreaterThan(40);

  const failures: string[] = [];
  let requests = 0;
  for (const p of paths) {
    for (const [who, cookie] of [
      ["visitor", undefined],
      [roleFor(p), cookies[roleFor(p)]],
    ] as const) {
      for (const hostile of hostileBodies(E2E_BASE_URL)) {
        const headers = { ...hostile.headers, ...(cookie ? { Cookie: cookie } : {}) };
        const response = await rawRequest(E2E_BASE_URL + p, { ...hostile, headers });
        requests++;
        if (response.status >= 500) failures.push(`${response.status} ${p} (${who}): ${hostile.name}`);
        if (response.body.length > 300_000)
          failures.push(`${response.body.length} bytes back from ${p} (${who}): ${hostile.name}`);
      }
    }
  }
  console.log(`${paths.length} actions, ${requests} hostile requests`);
  expect(failures).toEqual([]);
});

test("signed-in responses are never cached; the local mailbox works on a local address", async () => {
  const world = await createWorld();
  const cookie = await cookieFor(world.coach.id);
  const signedIn = await rawRequest(`${E2E_BASE_URL}/coach`, { method: "GET", headers: { Cookie: cookie } });
  expect(signedIn.status).toBe(200);
  expect(signedIn.headers["cache-control"]).toBe("no-store");
  const data = await rawRequest(`${E2E_BASE_URL}/coach.data`, { method: "GET", headers: { Cookie: cookie } });
  expect(data.headers["cache-control"]).toBe("no-store");
  const anonymous = await rawRequest(`${E2E_BASE_URL}/om`, { method: "GET" });
  expect(anonymous.headers["cache-control"] ?? "").not.toContain("no-store");
  expect((await rawRequest(`${E2E_BASE_URL}/dev/mejl`, { method: "GET" })).status).toBe(200);
});

test("Chromium stays on Brygga after a sign-in link with a hostile redirectTo", async ({ page }) => {
  const world = await createWorld();
  for (const redirectTo of ["/\t/evil.example/", "/\\evil.example", "/\n/evil.example"]) {
    const token = await createSignInLinkToken(world.coach.id);
    const url = new URL("/logga-in/lank", E2E_BASE_URL);
    url.searchParams.set("token", token);
    url.searchParams.set("redirectTo", redirectTo);
    await page.goto(url.toString());
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect(page).toHaveURL(`${E2E_BASE_URL}/coach`);
    await page.context().clearCookies();
  }
});
