// Issue 12 in the browser: an admin imports the organisation's existing participants. A file with one
// bad line gets a dry-run report (line, column, Swedish message) with focus on the error summary and
// nothing written; the fixed file's dry run puts focus on the report's heading; confirming imports
// it, and the pseudonyms appear on the organisation's caseloads. axe-core on every page visited; the
// import page does not scroll sideways at 320 px.
import type { Page } from "@playwright/test";
import { importColumns } from "../../app/domain/import/columns.ts";
import { db } from "../../app/utils/db.server.ts";
import { createWorld } from "../support/factories.ts";
import { expect, expectAccessible, test } from "./support/fixtures.ts";

/** A participants CSV (UTF-8, `;`) from the template's example row, one row per given change. */
function participantsCsv(rows: Array<Record<string, string>>): Buffer {
  const columns = importColumns.participants;
  const lines = [columns.map((c) => c.header), ...rows.map((values) => columns.map((c) => values[c.key] ?? c.example))];
  return Buffer.from(lines.map((cells) => cells.join(";")).join("\r\n") + "\r\n", "utf8");
}

async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test("an admin imports participants: a bad line is reported and nothing written; the fixed file is imported", async ({
  page,
  signIn,
}) => {
  const world = await createWorld();
  const tag = world.organization.id.slice(-6);
  // Two people still in the programme (no exit), with the organisation's coach.
  const ongoing = { exitedAt: "", exitReason: "", exitOccupation: "", exitIncome: "", coachEmail: world.coach.email! };
  const people = [
    { ...ongoing, ref: `E2E-${tag}-1`, pseudonym: `Importerad Ada ${tag}` },
    { ...ongoing, ref: `E2E-${tag}-2`, pseudonym: `Importerad Bo ${tag}`, gender: "Man" },
  ];
  const imported = () =>
    db.participant.count({ where: { organizationId: world.organization.id, externalRef: { not: null } } });

  await signIn(world.admin.id);
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto("/admin/import");
  await expect(page.getByRole("heading", { level: 1, name: "Importera" })).toBeVisible();
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  await expectAccessible(page);

  // Line 3 (the second person) has an unknown gender code.
  const fileField = page.getByLabel("Fil (CSV i UTF-8 eller Excel .xlsx, högst 10 MB)");
  await fileField.setInputFiles({
    name: "deltagare.csv",
    mimeType: "text/csv",
    buffer: participantsCsv([people[0]!, { ...people[1]!, gender: "Okänt" }]),
  });
  await page.getByRole("button", { name: "Provkör" }).click();
  const summary = page.locator("main .alert--error");
  await expect(summary).toHaveText("1 fel i filen. Inget har skrivits.");
  await expect(summary).toBeFocused();
  const problems = page.getByRole("table", { name: "Fel i filen (1)" });
  const problem = problems.getByRole("row").nth(1);
  await expect(problem.getByRole("cell").nth(0)).toHaveText("3");
  await expect(problem.getByRole("cell").nth(1)).toHaveText("Kön");
  await expect(problem.getByRole("cell").nth(2)).toContainText("Okänd kod");
  await expect(page.getByRole("button", { name: "Importera" })).toHaveCount(0);
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  expect(await imported()).toBe(0);

  // The fixed file: a clean dry run, focus on the report, still nothing written.
  await fileField.setInputFiles({ name: "deltagare.csv", mimeType: "text/csv", buffer: participantsCsv(people) });
  await page.getByRole("button", { name: "Provkör" }).click();
  const heading = page.getByRole("heading", { name: "Provkörning: deltagare.csv" });
  await expect(heading).toBeFocused();
  await expect(page.getByText("2 nya och 0 uppdaterade (Deltagare)", { exact: false })).toBeVisible();
  await expectAccessible(page);
  expect(await imported()).toBe(0);

  await page.getByRole("button", { name: "Importera" }).click();
  await expect(
    page.getByText("deltagare.csv (deltagare): 2 rader importerade: 2 nya och 0 uppdaterade."),
  ).toBeVisible();
  expect(await imported()).toBe(2);

  // The participants are on the organisation's caseloads, by pseudonym, with their coach.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/admin/arenden");
  const caseload = page.getByRole("table", { name: `Deltagare hos ${world.coach.name}` });
  for (const person of people)
    await expect(caseload.getByRole("row", { name: new RegExp(person.pseudonym) })).toBeVisible();
  await expectAccessible(page);
});
