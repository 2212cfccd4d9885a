// Issue 11 end to end, from nothing: `npm run org:create` → the admin signs in from the mailbox →
// invites a coach (a bad submit first) → the coach signs in from the invitation → an employer
// registers at /for-arbetsgivare and confirms by email → cannot publish yet → the coach accepts →
// the employer publishes → the coach matches a participant to the opening. axe on every new page;
// the new pages work at 320 px without sideways scrolling.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Page } from "@playwright/test";
import { formatOrgNumber } from "../../app/domain/org-number.ts";
import { db } from "../../app/utils/db.server.ts";
import { E2E_BASE_URL } from "../../playwright.config.ts";
import { createOpening, createParticipant } from "../support/factories.ts";
import { expect, expectAccessible, test } from "./support/fixtures.ts";

const run = promisify(execFile);

/** Opens the newest mail to `to` in the local mailbox and follows the link in its plain text. */
async function followMailLink(page: Page, to: string, link: RegExp) {
  await page.goto("/dev/mejl");
  const row = page.getByRole("row").filter({ hasText: to });
  await expect(async () => {
    await page.reload();
    await expect(row.first()).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await row.first().getByRole("link").click();
  const href = await page.locator(".plain-text").getByRole("link", { name: link }).first().getAttribute("href");
  await page.goto(href!);
}

/** At 320 px wide the page does not scroll sideways; axe passes there too. */
async function expectNarrowFits(page: Page) {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `sideways scroll on ${page.url()}`).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await page.setViewportSize(size);
}

/** The operator's shell: the e2e server's database, mailbox and address; no SMTP server (local mailbox). */
function operatorEnv(): NodeJS.ProcessEnv {
  const { SMTP_URL: _none, ...env } = process.env;
  return { ...env, APP_URL: E2E_BASE_URL, NODE_ENV: "production" };
}

/** A valid organisation number that no earlier run used (the check digit makes most numbers invalid). */
function uniqueOrgNumber(seed: number): string {
  for (let i = seed; ; i++) {
    const base = `55${String(i % 10_000_000).padStart(7, "0")}`;
    for (let d = 0; d < 10; d++) {
      const formatted = formatOrgNumber(base + d);
      if (formatted) return formatted;
    }
  }
}

test("org:create → admin → coach → employer registers → coach accepts → publish → match", async ({ page, browser }) => {
  test.setTimeout(600_000);
  const tag = Date.now().toString(36);
  const orgName = `Jobbstöd ${tag}`;
  const adminEmail = `admin-${tag}@jobbstod.example`;
  const coachEmail = `coach-${tag}@jobbstod.example`;
  const employerEmail = `berit-${tag}@bageri.example`;
  const companyName = `Bageriet ${tag} AB`;
  const orgNumber = uniqueOrgNumber(Date.now() % 9_000_000);

  // ── The operator ──
  const created = await run(
    "node",
    [
      "--import",
      "tsx",
      "scripts/org.ts",
      "create",
      "--name",
      orgName,
      "--admin",
      adminEmail,
      "--admin-name",
      "Alva Admin",
      "--municipalities",
      "0680",
    ],
    { env: operatorEnv() },
  );
  expect(created.stdout).toContain(`Organisationen "${orgName}" är skapad`);

  // ── The admin signs in from the mailbox and invites a coach ──
  await followMailLink(page, adminEmail, /\/logga-in\/lank\?token=/);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1, name: orgName })).toBeVisible();

  await page.getByRole("link", { name: "Personal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Personal" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Namn").fill("Cesar Coach");
  await page.getByLabel("E-postadress").fill("inte-en-adress");
  await page.getByRole("button", { name: "Skicka inbjudan" }).click();
  await expect(page.getByLabel("E-postadress")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Skriv en giltig e-postadress, till exempel namn@foretag.se.")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("E-postadress").fill(coachEmail);
  await page.getByLabel("Roll").selectOption("coach");
  await page.getByRole("button", { name: "Skicka inbjudan" }).click();
  await expect(page.getByRole("status")).toContainText("Inbjudan till Cesar Coach är skickad");
  await expect(page.getByRole("button", { name: "Skicka igen till Cesar Coach" })).toBeVisible();
  await expectNarrowFits(page);

  await page.getByRole("link", { name: "Organisationen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Organisationen" })).toBeVisible();
  await page.getByLabel("Finansiär (samordningsförbund)").fill("Samordningsförbundet Södra Vätterbygden");
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page.getByRole("status")).toContainText("Organisationens uppgifter är sparade.");
  await expectNarrowFits(page);
  await page.getByRole("button", { name: "Logga ut" }).click();

  // ── The coach signs in from the invitation ──
  await followMailLink(page, coachEmail, /\/logga-in\/lank\?token=/);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page).toHaveURL(/\/coach$/);
  await expect(page.getByRole("heading", { level: 1, name: "Min översikt" })).toBeVisible();
  const coach = await db.user.findUniqueOrThrow({ where: { email: coachEmail } });

  // ── An employer registers (own browser context) ──
  const employerContext = await browser.newContext();
  const employerPage = await employerContext.newPage();
  await employerPage.goto("/for-arbetsgivare");
  await expect(employerPage.getByRole("heading", { level: 1, name: "För arbetsgivare" })).toBeVisible();
  await expectAccessible(employerPage);
  await expectNarrowFits(employerPage);
  await employerPage.getByLabel("Företagets namn").fill(companyName);
  await employerPage.getByLabel("Organisationsnummer").fill("556036-0794");
  await employerPage.getByLabel("Sektor").selectOption("private");
  await employerPage.getByLabel("Arbetsplatsens gatuadress").fill("Torget 3");
  await employerPage.getByLabel("Postnummer").fill("553 20");
  await employerPage.getByLabel("Ditt namn").fill("Berit Bagare");
  await employerPage.getByLabel("E-postadress").fill(employerEmail);
  await employerPage.getByLabel("Telefon").fill("036-12 34 56");
  await employerPage.getByLabel("Vad skulle ni kunna erbjuda?").fill("Disk och packning av bröd på morgnarna.");
  await employerPage.getByRole("button", { name: "Skicka anmälan" }).click();
  await expect(employerPage.getByLabel("Organisationsnummer")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(employerPage);
  await employerPage.getByLabel("Organisationsnummer").fill(orgNumber);
  await employerPage.getByRole("button", { name: "Skicka anmälan" }).click();
  await expect(employerPage.getByRole("heading", { level: 1, name: "Kolla din e-post" })).toBeVisible();
  await expectAccessible(employerPage);

  await followMailLink(employerPage, employerEmail, /\/for-arbetsgivare\/bekrafta\?token=/);
  await expect(
    employerPage.getByRole("heading", { level: 1, name: `Bekräfta anmälan för ${companyName}` }),
  ).toBeVisible();
  await expectAccessible(employerPage);
  await employerPage.getByRole("button", { name: "Bekräfta och logga in" }).click();
  await expect(employerPage).toHaveURL(/\/arbetsgivare$/);
  await expect(employerPage.getByRole("status").first()).toContainText("väntar på att en coach");
  await expectAccessible(employerPage);

  // A draft (made here directly; the opening form has its own tests) cannot be published yet.
  const employer = await db.employer.findUniqueOrThrow({ where: { orgNumber }, include: { workplaces: true } });
  const title = `Bagerihjälp ${tag}`;
  const opening = await createOpening(employer.id, {
    status: "draft",
    kind: "job",
    title,
    workplaceId: employer.workplaces[0]!.id,
  });
  await employerPage.goto(`/arbetsgivare/annonser/${opening.id}`);
  await employerPage.getByRole("button", { name: "Publicera" }).click();
  await expect(employerPage.getByRole("alert")).toContainText("när en coach har tagit emot er anmälan");

  // ── The coach accepts ──
  await page.goto("/coach");
  await expect(page.getByRole("heading", { name: /Ny arbetsgivare vill ansluta/ })).toBeVisible();
  await expect(page.getByText(companyName)).toBeVisible();
  await page.goto("/coach/vecka");
  await expect(page.getByRole("heading", { name: /Ny arbetsgivare vill ansluta/ })).toBeVisible();
  await page.getByRole("link", { name: "Se anmälningarna" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nya arbetsgivare" })).toBeVisible();
  await expectAccessible(page);
  await expectNarrowFits(page);
  await page.getByRole("button", { name: `Ta emot ${companyName}` }).click();
  await expect(page.getByRole("status")).toContainText(`Du är nu kontaktperson för ${companyName}`);

  // ── The employer is told who, and publishes ──
  await followMailLink(employerPage, employerEmail, /\/arbetsgivare\/annonser/);
  await employerPage.goto(`/arbetsgivare/annonser/${opening.id}`);
  await employerPage.getByRole("button", { name: "Publicera" }).click();
  await expect(employerPage.getByText(/Publicerad/).first()).toBeVisible();
  await expect
    .poll(async () => (await db.opening.findUniqueOrThrow({ where: { id: opening.id } })).status)
    .toBe("published");
  await employerContext.close();

  // ── The coach matches a participant to the new opening ──
  const participant = await createParticipant(coach.organizationId!, { coachId: coach.id });
  await db.profile.update({
    where: { participantId: participant.id },
    data: { preferences: JSON.stringify({ hoursMin: 10, hoursMax: 30, schedule: ["day"] }) },
  });
  await page.goto(`/coach/uppdrag/${opening.id}/matchning`);
  // "Föreslå" asks first (issue 14): it opens a small form with an optional note.
  await page
    .locator("summary")
    .filter({ hasText: `Föreslå för ${participant.pseudonym}` })
    .click();
  await page.getByRole("button", { name: `Skicka förslaget för ${participant.pseudonym}` }).click();
  await expect(page.getByRole("status")).toContainText(participant.pseudonym);
  await expect
    .poll(async () => db.proposal.count({ where: { participantId: participant.id, openingId: opening.id } }))
    .toBe(1);
});
