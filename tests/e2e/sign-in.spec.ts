// Each role signs in through a real email link taken from the local mailbox page and lands on
// its own start page. axe runs on every page visited.
import { createWorld } from "../support/factories.ts";
import { expect, expectAccessible, test } from "./support/fixtures.ts";

test("every role signs in with the link from the local mailbox", async ({ page }) => {
  test.setTimeout(600_000);
  const world = await createWorld();
  const accounts = [
    { user: world.admin, heading: world.organization.name, path: "/admin" },
    { user: world.coach, heading: "Min översikt", path: "/coach" },
    { user: world.employerUser, heading: world.employer.name, path: "/arbetsgivare" },
    { user: world.participantUser, heading: `Hej ${world.participant.pseudonym}!`, path: "/deltagare" },
  ];

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: /Brygga/ })).toBeVisible();
  await expectAccessible(page);

  for (const [index, account] of accounts.entries()) {
    await page.goto("/logga-in");
    await expect(page.getByRole("heading", { name: "Logga in" })).toBeVisible();
    if (index === 0) await expectAccessible(page);
    await page.getByLabel("E-postadress").fill(account.user.email!);
    await page.getByRole("button", { name: "Skicka inloggningslänk" }).click();
    await expect(page.getByRole("heading", { name: "Kolla din e-post" })).toBeVisible();
    if (index === 0) await expectAccessible(page);

    // The outbox worker delivers to the local mailbox; wait for the message to show up.
    await page.goto("/dev/mejl");
    const row = page.getByRole("row").filter({ hasText: account.user.email! });
    await expect(async () => {
      await page.reload();
      await expect(row.first()).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 15_000 });
    if (index === 0) await expectAccessible(page);
    await row.first().getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name: /Logga in/ })).toBeVisible();
    if (index === 0) await expectAccessible(page);

    await page
      .locator(".plain-text")
      .getByRole("link", { name: /\/logga-in\/lank\?token=/ })
      .click();
    await expect(page.getByRole("heading", { name: "Välkommen tillbaka" })).toBeVisible();
    if (index === 0) await expectAccessible(page);
    await page.getByRole("button", { name: "Logga in" }).click();

    await expect(page).toHaveURL(new RegExp(`${account.path}$`));
    await expect(page.getByRole("heading", { level: 1, name: account.heading })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Logga ut" }).click();
    await expect(page.getByRole("link", { name: "Logga in" }).first()).toBeVisible();
  }
});

test("a used link cannot sign in again", async ({ page }) => {
  const { coach } = await createWorld();
  await page.goto("/logga-in");
  await page.getByLabel("E-postadress").fill(coach.email!);
  await page.getByRole("button", { name: "Skicka inloggningslänk" }).click();
  await page.goto("/dev/mejl");
  const row = page.getByRole("row").filter({ hasText: coach.email! });
  await expect(async () => {
    await page.reload();
    await expect(row.first()).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await row.first().getByRole("link").click();
  const href = await page
    .locator(".plain-text")
    .getByRole("link", { name: /token=/ })
    .getAttribute("href");
  await page.goto(href!);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page).toHaveURL(/\/coach$/);
  await page.getByRole("button", { name: "Logga ut" }).click();

  await page.goto(href!);
  await expect(page.getByRole("alert")).toContainText("redan använts");
  await expectAccessible(page);
});

test("a bad email address gets a message next to the field", async ({ page }) => {
  await page.goto("/logga-in");
  await page.getByLabel("E-postadress").fill("inte-en-adress");
  await page.getByRole("button", { name: "Skicka inloggningslänk" }).click();
  const field = page.getByLabel("E-postadress");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Skriv en giltig e-postadress")).toBeVisible();
  await expect(field).toHaveValue("inte-en-adress");
  await expectAccessible(page);
});
