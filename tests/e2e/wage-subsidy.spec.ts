// Lönestödsförslag and handledarstöd in the browser (issue 15), with axe on every page and the
// employer's pages at 320 px: the coach prepares a proposal on a presented candidate; the employer
// opens the proposal, reads the cost month by month and asks the coach about it. On a placement
// the supervisor ticks the introduction checklist and the coach sees the progress on the placement
// and in the week view; the public page for supervisors shows every guide.
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { startSession } from "../../app/utils/auth.server.ts";
import { db } from "../../app/utils/db.server.ts";
import { addDays, dayKey } from "../../app/domain/swedish-time.ts";
import { formatMonth, monthKey } from "../../app/domain/wage-subsidy.ts";
import { E2E_BASE_URL } from "../../playwright.config.ts";
import { createOpening, createPlacementWithThread, createWorld } from "../support/factories.ts";
import { expect, expectAccessible, test } from "./support/fixtures.ts";

async function signedInContext(browser: Browser, userId: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  const [pair] = (await startSession(userId, "playwright")).split(";");
  const [name, ...value] = pair!.split("=");
  await context.addCookies([
    { name: name!, value: value.join("="), url: E2E_BASE_URL, httpOnly: true, sameSite: "Lax" },
  ]);
  return context;
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

test("the coach prepares a lönestödsförslag; the employer reads it month by month and asks the coach", async ({
  page,
  signIn,
  browser,
}) => {
  test.setTimeout(150_000);
  const w = await createWorld();
  const title = `Lagerjobb ${Date.now().toString(36)}`;
  const opening = await createOpening(w.employer.id, { kind: "job", title });
  const proposal = await db.proposal.create({
    data: {
      participantId: w.participant.id,
      openingId: opening.id,
      coachId: w.coach.id,
      score: 80,
      status: "presented",
      participantAnswer: "yes",
      participantAnsweredAt: new Date(),
      presentedAt: new Date(),
    },
  });
  const start = dayKey(addDays(new Date(), 30));

  // ── The coach fills in the proposal (a bad salary first: the message is next to the field).
  const coachContext = await signedInContext(browser, w.coach.id);
  const c = await coachContext.newPage();
  await c.goto(`/coach/forslag/${proposal.id}`);
  await c.getByRole("link", { name: "Lönestödsförslag till arbetsgivaren" }).click();
  await expect(
    c.getByRole("heading", { level: 1, name: `Lönestödsförslag: ${w.participant.pseudonym}` }),
  ).toBeVisible();
  await expectAccessible(c);
  await c.getByLabel("Stödform").selectOption("nystartsjobb");
  await c.getByLabel("Månadslön vid heltid (kronor)").fill("2 000");
  await c.getByLabel("Timmar per vecka").fill("40");
  await c.getByLabel("Startdatum").fill(start);
  await c.getByLabel("Steg 1: antal månader").fill("6");
  await c.getByLabel("Steg 1: andel i procent").fill("60");
  await c.getByLabel("Steg 2: antal månader").fill("6");
  await c.getByLabel("Steg 2: andel i procent").fill("40");
  await c.getByLabel("Räkna med semesterersättning (12 %)").uncheck();
  await c.getByRole("button", { name: "Spara förslaget" }).click();
  await expect(c.getByText("Månadslönen vid heltid ska vara mellan 10 000 och 100 000 kr.")).toBeVisible();
  await expect(c.getByLabel("Månadslön vid heltid (kronor)")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(c);
  await c.getByLabel("Månadslön vid heltid (kronor)").fill("25 000");
  await c.getByRole("button", { name: "Spara förslaget" }).click();
  await expect(c.getByText("Lönestödsförslaget är sparat.")).toBeVisible();
  await expect(c.getByRole("heading", { name: "Så ser arbetsgivaren förslaget" })).toBeVisible();
  await expectAccessible(c);

  // ── The employer opens the proposal and reads the cost month by month.
  await signIn(w.employerUser.id);
  await page.goto(`/arbetsgivare/forslag/${proposal.id}`);
  await page.getByRole("link", { name: "Läs lönestödsförslaget" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: `Lönestödsförslag: ${w.participant.pseudonym}` }),
  ).toBeVisible();
  await expect(page.getByText("Arbetsförmedlingen beslutar")).toBeVisible();
  const table = page.getByRole("table", { name: "Kostnad månad för månad (kronor)" });
  const first = table.getByRole("row", { name: new RegExp(`^1\\. ${formatMonth(monthKey(start, 0))}`) });
  // 25 000 kr + 7 855 kr contributions = 32 855 kr; 60 % of (20 000 + 6 284) = 15 770 kr; 17 085 kr left.
  await expect(first).toContainText(/32\s855 kr/);
  await expect(first).toContainText(/15\s770 kr/);
  await expect(first).toContainText(/17\s085 kr/);
  const seventh = table.getByRole("row", { name: new RegExp(`^7\\. ${formatMonth(monthKey(start, 6))}`) });
  await expect(seventh).toContainText(/10\s514 kr/);
  await expect(page.getByRole("img", { name: /Er kostnad och stödet, månad för månad/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Arbetsförmedlingen: Nystartsjobb/ })).toBeVisible();
  await expectAccessible(page);
  await expectNarrowFits(page);

  // ── … and asks the coach about it.
  await page.getByLabel("Din fråga").fill("Gäller stödet om vi förlänger anställningen?");
  await page.getByRole("button", { name: "Skicka frågan" }).click();
  await expect(page.getByText("Frågan är skickad till coachen.")).toBeVisible();
  await expect(
    page.getByText("Fråga om lönestödsförslaget: Gäller stödet om vi förlänger anställningen?"),
  ).toBeVisible();
  await expectAccessible(page);

  // The coach finds the question among the organisation's questions.
  await c.goto("/coach/fragor");
  await expect(c.getByRole("link", { name: `Lönestödsförslag: ${w.participant.pseudonym} – ${title}` })).toBeVisible();
  await coachContext.close();
});

test("the supervisor ticks the introduction checklist and the coach sees the progress", async ({
  page,
  signIn,
  browser,
}) => {
  test.setTimeout(150_000);
  const w = await createWorld();
  const title = `Lagerpraktik ${Date.now().toString(36)}`;
  const { placement } = await createPlacementWithThread(w, { title, startDate: new Date() });
  await db.profile.update({
    where: { participantId: w.participant.id },
    data: { needs: JSON.stringify([{ code: "written_instructions", must: true }]), disclosure: '{"needs":true}' },
  });

  await signIn(w.employerUser.id);
  await page.goto(`/arbetsgivare/placeringar/${placement.id}`);
  await page.getByRole("link", { name: "Till handledarstödet" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: `Handledarstöd: ${w.participant.pseudonym}` }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "Skriftliga instruktioner eller checklistor" })).toBeVisible();
  await expect(page.getByText("0 av 11 klara")).toBeVisible();
  await expectAccessible(page);
  await expectNarrowFits(page);
  await page
    .getByRole("button", { name: "Markera klar: Skriv ner de första arbetsuppgifterna som korta steg." })
    .click();
  await expect(page.getByText("1 av 11 klara")).toBeVisible();
  await page.getByRole("button", { name: "Markera klar: Ta emot personen vid entrén och visa runt." }).click();
  await expect(page.getByText("2 av 11 klara")).toBeVisible();
  await expect(page.getByRole("button", { name: "Ångra: Ta emot personen vid entrén och visa runt." })).toBeVisible();
  await expectAccessible(page);

  const coachContext = await signedInContext(browser, w.coach.id);
  const c = await coachContext.newPage();
  await c.goto(`/coach/placeringar/${placement.id}`);
  await expect(
    c
      .getByRole("region", { name: "Stöd till arbetsgivaren" })
      .getByText("Handledarens lista för introduktionen: 2 av 11 klara."),
  ).toBeVisible();
  await expectAccessible(c);
  await c.goto("/coach/vecka");
  const introductions = c.getByRole("region", { name: "Introduktioner hos arbetsgivare" });
  await expect(introductions.getByRole("listitem").filter({ hasText: w.participant.pseudonym })).toContainText(
    "2 av 11 klara",
  );
  await expectAccessible(c);
  await coachContext.close();

  // The public page for supervisors, signed out.
  const anonymous = await browser.newContext();
  const p = await anonymous.newPage();
  await p.goto("/for-arbetsgivare/handledare");
  await expect(p.getByRole("heading", { level: 1, name: "Handledarstöd" })).toBeVisible();
  await expect(p.getByRole("heading", { level: 2, name: "Tolk eller språkstöd" })).toBeVisible();
  await expectAccessible(p);
  await expectNarrowFits(p);
  await anonymous.close();
});
