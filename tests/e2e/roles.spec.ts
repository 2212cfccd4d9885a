// Guards as a person meets them, and the participant's code sign-in, with the keyboard only.
import { db } from "../../app/utils/db.server.ts";
import { createParticipant, createWorld } from "../support/factories.ts";
import { expect, expectAccessible, test } from "./support/fixtures.ts";

test("an employer who opens a coach page is told they have no access", async ({ page, signIn }) => {
  const { employerUser } = await createWorld();
  await signIn(employerUser.id);
  await page.goto("/coach");
  await expect(page.getByRole("heading", { name: "Du har inte behörighet" })).toBeVisible();
  await expectAccessible(page);
});

test("a visitor is sent to sign in and comes back afterwards", async ({ page }) => {
  await page.goto("/arbetsgivare");
  await expect(page).toHaveURL(/\/logga-in\?redirectTo=%2Farbetsgivare/);
});

test("a coach creates a code and the participant signs in with it using only the keyboard", async ({
  page,
  signIn,
  browser,
}) => {
  const { organization, coach } = await createWorld();
  const participant = await createParticipant(organization.id, { coachId: coach.id, pseudonym: "Sam" });
  await signIn(coach.id);
  await page.goto("/coach");
  await expect(page.getByRole("heading", { name: "Min översikt" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Skapa kod för Sam" }).click();
  await expect(page.getByRole("heading", { name: "Inloggningskod för Sam" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Skapa kod" }).click();
  const code = (await page.locator(".code-display").textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

  const participantContext = await browser.newContext();
  const p = await participantContext.newPage();
  await p.goto("/logga-in/kod");
  await expectAccessible(p);
  // Keyboard only: skip link first, then into the form.
  await p.keyboard.press("Tab");
  await expect(p.getByRole("link", { name: "Hoppa till innehållet" })).toBeFocused();
  await p.getByLabel("Kod", { exact: true }).focus();
  await p.keyboard.type(code.toLowerCase());
  await p.keyboard.press("Enter");
  await expect(p.getByRole("heading", { name: "Hej Sam!" })).toBeVisible();
  await expect(p.getByText(`Din coach heter ${coach.name}.`)).toBeVisible();
  await expectAccessible(p);
  await participantContext.close();

  const linked = await db.participant.findUniqueOrThrow({ where: { id: participant.id } });
  expect(linked.userId).not.toBeNull();
});

test("healthz answers", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
  const home = await request.get("/");
  expect(home.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(home.headers()["referrer-policy"]).toBe("same-origin");
  expect(home.headers()["x-content-type-options"]).toBe("nosniff");
});
