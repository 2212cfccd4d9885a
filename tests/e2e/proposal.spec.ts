// Issue 5 end to end, one browser context per person, axe on every page visited:
// the coach finds the participant's matches (a bad filter is shown at the field; "varför inte?"
// names the rule), proposes with the keyboard → the participant reads the proposal in plain Swedish
// and says yes → the employer cannot see anything until the coach presents → the coach presents →
// the employer reads only what the participant disclosed, books a study visit, then sets the start
// → a placement with its support thread; the participant and the coach see where it stands.
import type { Browser, BrowserContext } from "@playwright/test";
import { startSession } from "../../app/utils/auth.server.ts";
import { db } from "../../app/utils/db.server.ts";
import { E2E_BASE_URL } from "../../playwright.config.ts";
import { createOpening, createWorld } from "../support/factories.ts";
import { expect, expectAccessible, test } from "./support/fixtures.ts";
import { dayKey, toSwedishDateTimeInput } from "../../app/domain/swedish-time.ts";

async function signedInContext(browser: Browser, userId: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  const [pair] = (await startSession(userId, "playwright")).split(";");
  const [name, ...value] = pair!.split("=");
  await context.addCookies([
    { name: name!, value: value.join("="), url: E2E_BASE_URL, httpOnly: true, sameSite: "Lax" },
  ]);
  return context;
}

const DAY = 86_400_000;

test("coach → participant → employer → placement", async ({ page, signIn, browser }) => {
  test.setTimeout(600_000);
  const { coach, employer, employerUser, participant, participantUser } = await createWorld();
  const tag = Date.now().toString(36);
  const title = `Lagerjobb i Torsvik ${tag}`;
  const job = await createOpening(employer.id, { kind: "job", title });
  const practice = await createOpening(employer.id, { kind: "practice", title: `Lagerpraktik ${tag}` });
  await db.participant.update({ where: { id: participant.id }, data: { realName: "Hemliga Helena Svensson" } });
  await db.profile.update({
    where: { participantId: participant.id },
    data: {
      strengths: JSON.stringify(["Noggrann", "Kommer alltid i tid"]),
      education: "Hemlig utbildning",
      preferences: JSON.stringify({ hoursMin: 10, hoursMax: 30, schedule: ["day"] }),
      disclosure: JSON.stringify({ strengths: true, preferences: true, education: false }),
    },
  });

  // ── The coach: matches, a bad filter, "varför inte?", propose ──
  await signIn(coach.id);
  await page.goto(`/coach/deltagare/${participant.id}`);
  await expect(page.getByRole("heading", { level: 1, name: participant.pseudonym })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("navigation", { name: "Deltagarens sidor" }).getByRole("link", { name: "Matchningar" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Matchningar för ${participant.pseudonym}` })).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expect(page.getByRole("link", { name: `Lagerpraktik ${tag}` })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByLabel("Högst avstånd (km)").fill("långt");
  await page.getByRole("button", { name: "Visa matchningar" }).click();
  await expect(page.getByLabel("Högst avstånd (km)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Avståndet ska vara ett tal mellan 1 och 200 km.").first()).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Högst avstånd (km)").fill("25");
  await page.getByRole("checkbox", { name: "Anställning" }).check();
  await page.getByRole("button", { name: "Visa matchningar" }).click();
  await expect(page.getByLabel("Högst avstånd (km)")).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("link", { name: title })).toBeVisible();

  // "Varför inte?" with the practice place's link: the rule is named.
  await page.getByLabel("Annons: rubrik, länk eller id").fill(`${E2E_BASE_URL}/uppdrag/${practice.id}`);
  await page.getByLabel("Annons: rubrik, länk eller id").press("Enter");
  await expect(page.getByText(/Praktikplats passar inte deltagarens mål/)).toBeVisible();
  await expectAccessible(page);

  // Propose with the keyboard: "Föreslå" opens the confirmation with a personal note (issue 14).
  const propose = page
    .locator("summary")
    .filter({ hasText: `Föreslå ${title}` })
    .first();
  await propose.focus();
  await page.keyboard.press("Enter");
  const note = page.getByLabel("Personlig hälsning (valfritt)").first();
  await expect(note).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(note).toBeFocused();
  await page.keyboard.type("Jag tänkte på dig direkt.");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: `Skicka förslaget ${title}` }).first()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText(`${participant.pseudonym} har fått förslaget`);
  await expectAccessible(page);
  const proposal = await db.proposal.findFirstOrThrow({ where: { participantId: participant.id, openingId: job.id } });
  expect(proposal.status).toBe("proposed");

  // Reverse matching from the opening.
  await page.goto(`/coach/uppdrag/${job.id}/matchning`);
  await expect(page.getByRole("heading", { level: 1, name: `Deltagare som matchar ${title}` })).toBeVisible();
  await expect(page.getByRole("link", { name: participant.pseudonym, exact: true })).toBeVisible();
  await expectAccessible(page);

  // ── The employer cannot see anything yet ──
  const employerContext = await signedInContext(browser, employerUser.id);
  const employerPage = await employerContext.newPage();
  await employerPage.goto(`/arbetsgivare/forslag/${proposal.id}`);
  await expect(employerPage.getByRole("heading", { level: 1, name: "Sidan finns inte" })).toBeVisible();
  await expectAccessible(employerPage);

  // ── The participant reads it in plain Swedish and says yes ──
  const participantContext = await signedInContext(browser, participantUser.id);
  const participantPage = await participantContext.newPage();
  await participantPage.goto("/deltagare");
  await expect(participantPage.getByRole("heading", { name: "Förslag till dig" })).toBeVisible();
  await expect(participantPage.getByText("Ett förslag väntar på ditt svar.")).toBeVisible();
  await expectAccessible(participantPage);
  await participantPage.getByRole("link", { name: `Läs mer och svara om ${title}` }).click();
  await expect(participantPage.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(participantPage.getByText("Ett jobb. Du blir anställd och får lön.")).toBeVisible();
  await expect(participantPage.getByText("Plocka varor")).toBeVisible();
  await expect(participantPage.getByText("Mellan 10 och 20 timmar i veckan.")).toBeVisible();
  await expect(
    participantPage.getByText(`Arbetsgivaren ser namnet ${participant.pseudonym}. De ser inte ditt riktiga namn.`),
  ).toBeVisible();
  await expect(
    participantPage.getByRole("heading", { name: "Det här får arbetsgivaren veta om du säger ja" }),
  ).toBeVisible();
  await expectAccessible(participantPage);
  await participantPage.getByLabel("Vill du säga något mer? Du behöver inte skriva något.").fill("Jag gillar lager.");
  const yes = participantPage.getByRole("button", { name: "Ja, det vill jag" });
  await yes.focus();
  await participantPage.keyboard.press("Enter");
  await expect(participantPage.getByRole("status")).toContainText("Tack! Ditt svar är sparat.");
  await expect(participantPage.getByText("Du sa ja. Din coach berättar om dig för arbetsgivaren.")).toBeVisible();
  await expectAccessible(participantPage);

  // Still nothing for the employer: a yes is not yet a presentation.
  await employerPage.goto("/arbetsgivare");
  await expect(employerPage.getByRole("heading", { name: "Behöver ditt svar nu" })).toBeVisible();
  await expect(employerPage.getByRole("link", { name: participant.pseudonym })).toHaveCount(0);

  // ── The coach presents ──
  await page.goto("/coach/forslag");
  await expect(page.getByRole("heading", { level: 2, name: "Väntar på dig (1)" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: `Öppna förslaget ${title} för ${participant.pseudonym}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${participant.pseudonym} – ${title}` })).toBeVisible();
  await expect(page.getByText("Jag gillar lager.")).toBeVisible();
  await expect(page.getByText("Noggrann")).toBeVisible(); // the preview of what the employer sees
  await expectAccessible(page);
  await page.getByRole("button", { name: "Presentera för arbetsgivaren" }).click();
  await expect(page.getByRole("status")).toContainText(`${participant.pseudonym} är presenterad för ${employer.name}`);
  await expectAccessible(page);

  // ── The employer: only the disclosed items; a study visit, then the start ──
  await employerPage.goto("/arbetsgivare");
  await expectAccessible(employerPage);
  await employerPage.getByRole("link", { name: participant.pseudonym }).click();
  await expect(
    employerPage.getByRole("heading", { level: 1, name: `${participant.pseudonym} – ${title}` }),
  ).toBeVisible();
  await expect(employerPage.getByText("Noggrann")).toBeVisible();
  await expect(employerPage.getByText("Vill jobba 10–30 timmar i veckan.")).toBeVisible();
  await expect(employerPage.getByText("Hemliga Helena Svensson")).toHaveCount(0);
  await expect(employerPage.getByText("Hemlig utbildning")).toHaveCount(0);
  await expect(employerPage.getByText("Jag gillar lager.")).toHaveCount(0);
  await expectAccessible(employerPage);

  const visitDay = toSwedishDateTimeInput(new Date(Date.now() + 3 * DAY)).slice(0, 10);
  await employerPage.getByLabel("Dag och tid för studiebesöket").fill(`${visitDay}T10:00`);
  await employerPage.getByRole("button", { name: "Boka studiebesök" }).click();
  await expect(employerPage.getByRole("status")).toContainText("Studiebesöket är bokat");
  await expect(employerPage.getByRole("heading", { name: "Efter studiebesöket: vad vill ni?" })).toBeVisible();
  await expectAccessible(employerPage);

  // The participant sees the visit.
  await participantPage.reload();
  await expect(participantPage.getByText(/Arbetsgivaren vill träffa dig\. Ni ses/)).toBeVisible();
  await expectAccessible(participantPage);

  // After the visit: the start, keyboard only.
  const startDate = dayKey(new Date(Date.now() + 14 * DAY));
  await employerPage.getByLabel("Startdatum").fill(startDate);
  await employerPage.getByLabel("Timmar per vecka (valfritt)").fill("15");
  await employerPage.getByLabel("Timmar per vecka (valfritt)").press("Enter");
  await expect(employerPage.getByRole("status")).toContainText(`${participant.pseudonym} börjar`);
  await expect(employerPage.getByRole("heading", { name: "Starten är bestämd" })).toBeVisible();
  await expectAccessible(employerPage);
  await employerPage.goto(`/arbetsgivare/annonser/${job.id}`);
  await expect(employerPage.getByRole("heading", { name: "Presenterade deltagare" })).toBeVisible();
  await expect(employerPage.getByText(/Börjar /)).toBeVisible();
  await expectAccessible(employerPage);
  await employerPage.goto("/arbetsgivare/forslag");
  await expect(employerPage.getByRole("heading", { level: 1, name: "Presenterade deltagare" })).toBeVisible();
  await expectAccessible(employerPage);

  const placement = await db.placement.findUniqueOrThrow({
    where: { proposalId: proposal.id },
    include: { thread: true },
  });
  expect(dayKey(placement.startDate)).toBe(startDate);
  expect(placement.hoursPerWeek).toBe(15);
  expect(placement.thread?.kind).toBe("placement");

  // ── Everyone sees where it stands ──
  await participantPage.goto("/deltagare/forslag");
  await expect(participantPage.getByRole("heading", { level: 1, name: "Dina förslag" })).toBeVisible();
  await expect(participantPage.getByText(/Arbetsgivaren sa ja! Du börjar/)).toBeVisible();
  await expectAccessible(participantPage);

  await page.goto("/coach/forslag");
  await expect(page.getByRole("heading", { name: /Avslutade och startade/ })).toBeVisible();
  await expect(page.getByText(/^Start /)).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/coach/forslag/${proposal.id}`);
  await expect(page.getByRole("heading", { name: "Steg för steg" })).toBeVisible();
  await expect(page.getByText(/Studiebesök$/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Till placeringen och stödtråden" })).toBeVisible();
  await expectAccessible(page);

  await participantContext.close();
  await employerContext.close();
});
