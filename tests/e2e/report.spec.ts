// Issue 7 in the browser: an admin opens the outcome report, its charts and map, switches to the
// funder view and downloads a table; a coach records a retention check on a participant's outcome
// page. axe-core on every page visited.
import fs from "node:fs";
import { createWorld } from "../support/factories.ts";
import { createReportCohort, REPORT_PERIOD } from "../support/cohort.ts";
import { expect, expectAccessible, test } from "./support/fixtures.ts";

test("an admin opens the report with its charts, the map of Sweden and the funder view", async ({ page, signIn }) => {
  test.setTimeout(600_000);
  const world = await createWorld();
  await createReportCohort(world);
  await signIn(world.admin.id);

  await page.goto("/admin");
  await page.getByRole("navigation").getByRole("link", { name: "Rapporter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rapporter" })).toBeVisible();
  await expectAccessible(page);

  // The period 2025, by the form.
  await page.getByLabel("Från och med").fill(REPORT_PERIOD.from);
  await page.getByLabel("Till och med").fill(REPORT_PERIOD.to);
  await page.getByRole("button", { name: "Visa rapport" }).click();
  await expect(page).toHaveURL(/fran=2025-01-01&till=2025-12-31/);
  await expect(page.locator(".key-figure").first()).toHaveText("7 registrerade deltagare under perioden");

  // The charts: images with a name, each with its data table.
  for (const name of [
    "Sysselsättning före och efter, alla avslutade",
    "Försörjning före och efter, alla avslutade",
    "Vägen till arbete: antal deltagare per steg",
    "Första arbetsgivarkontakt: antal deltagare efter dagar från inskrivning",
    "Karta: deltagare per kommun, Jönköpings län",
  ]) {
    await expect(page.getByRole("img", { name })).toBeVisible();
  }
  const incomeTable = page.getByRole("table", { name: "Försörjning före och efter: totalt" });
  await expect(incomeTable.getByRole("row", { name: /Försörjningsstöd/ })).toContainText("−1");
  await expect(
    page.getByRole("table", { name: "Vägen till arbete" }).getByRole("row", { name: /Anställda/ }),
  ).toContainText("43 %");
  await expect(
    page.getByRole("table", { name: "Deltagare per kommun" }).getByRole("row", { name: /Jönköping/ }),
  ).toContainText("5");
  // Details per gender open with the keyboard.
  const women = page.locator("summary", { hasText: "Försörjning före och efter: kvinnor" });
  await women.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("table", { name: "Försörjning före och efter: kvinnor" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Definitioner" })).toBeVisible();
  await expectAccessible(page);

  // The map of the whole country.
  await page.getByRole("link", { name: "Hela Sverige" }).click();
  await expect(page.getByRole("img", { name: "Karta: deltagare per kommun, Sverige" })).toBeVisible();
  expect(await page.locator(".chart--map path").count()).toBeGreaterThanOrEqual(290);
  await expectAccessible(page);

  // The funder view hides small groups.
  await page.getByLabel("Som till finansiären (grupper med färre än 3 dolda)").check();
  await page.getByRole("button", { name: "Visa rapport" }).click();
  await expect(page).toHaveURL(/visning=finansiar/);
  await expect(page.getByText("Finansiärens visning: grupper med färre än 3 personer är dolda.")).toBeVisible();
  await expect(
    page
      .getByRole("table", { name: "Deltagare och samtycke" })
      .getByRole("row", { name: /Med samtycke \(registrerade\)/ }),
  ).toContainText("<3");
  await expectAccessible(page);

  // Download one table as CSV for Excel.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "CSV med avslutsorsaker" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("brygga-rapport-2025-01-01-2025-12-31-exit-reasons.csv");
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString("utf8")).toContain(
    "Avslutsorsak;Kvinnor;Män;Annat;Ej angivet;Totalt;Andel av alla avslutade (%)",
  );

  // A bad period is explained next to the field.
  await page.goto("/rapporter?fran=2025-12-31&till=2025-01-01");
  await expect(page.getByText("Periodens slut kan inte ligga före periodens början.")).toBeVisible();
  await expectAccessible(page);
});

test("a coach records a retention check on the participant's outcome page", async ({ page, signIn }) => {
  const world = await createWorld();
  const { participants } = await createReportCohort(world);
  await signIn(world.coach.id);
  await page.goto(`/coach/deltagare/${participants.K!.id}/utfall`);
  await expect(page.getByRole("heading", { level: 1, name: "Utfall för K" })).toBeVisible();
  await expect(page.getByText("Offentligt skyddat arbete (OSA) – inte på den öppna arbetsmarknaden")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Uppföljning", { exact: true }).selectOption("3");
  await page.getByLabel("Datum för uppföljningen").fill("2025-08-04");
  await page.getByRole("group", { name: "Är deltagaren fortfarande anställd?" }).getByLabel("Ja").check();
  await page.getByLabel("Timmar per vecka").fill("");
  await page.getByRole("button", { name: "Spara uppföljning" }).click();
  await expect(
    page.getByText("Skriv hur många timmar per vecka deltagaren arbetar, ett heltal från 1 till 60."),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Timmar per vecka").fill("18");
  await page.getByRole("button", { name: "Spara uppföljning" }).click();
  await expect(page.getByRole("status")).toHaveText("Uppföljningen efter 3 månader är sparad.");
  await expect(page.getByRole("row", { name: /Efter 3 månader/ })).toContainText("Anställd, 18 timmar i veckan");
  await expectAccessible(page);
});
