// Phones, zoom and focus (issue 14): every page type of every role fits a 320 px screen (the page
// never scrolls sideways; wide tables scroll inside their own named region) and passes axe; the
// header menu collapses behind a "Meny" button on small screens and stays one row for coaches at
// 1280 px; focus goes to the new page's h1 after client-side navigation (and the title is
// announced), and to the error summary after a failed submit; a message double-clicked is sent once
// and the form is empty afterwards; a page that does not exist says so in Swedish.
import type { Page } from "@playwright/test";
import { db } from "../../app/utils/db.server.ts";
import { createPlacementWithThread, createQuestion, createUser, createWorld } from "../support/factories.ts";
import { expect, expectAccessible, test } from "./support/fixtures.ts";

async function world() {
  const w = await createWorld();
  // Long names and addresses, the kind that used to push pages wider than the screen.
  await db.user.update({
    where: { id: w.employerUser.id },
    data: { email: `personalavdelningen.rekryteringsansvarig.${w.employerUser.id}@kommunalaverksamheter.example.se` },
  });
  const { placement, opening, proposal, thread } = await createPlacementWithThread(w, {
    title: "Lagerarbetare/Terminalarbetare med truckkort och orderplockning",
  });
  const question = await createQuestion(w.employerUser, w.organization.id);
  return { ...w, placement, opening, proposal, thread: thread!, question };
}

/** How much wider than the screen the page is (0 when it fits). */
async function overflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

async function sweep(page: Page, paths: string[]) {
  const tooWide: string[] = [];
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(500);
    const extra = await overflow(page);
    if (extra > 0) tooWide.push(`${path} (+${extra} px)`);
    await expectAccessible(page);
  }
  return tooWide;
}

test.describe("at 320 px", () => {
  test.describe.configure({ mode: "parallel" });
  test.use({ viewport: { width: 320, height: 640 } });

  // One test per role (and the coach's pages in two halves), run side by side: each builds its own world.
  type World = Awaited<ReturnType<typeof world>>;
  const sweeps: Array<{ who: string; signInAs: ((w: World) => string) | null; paths: (w: World) => string[] }> = [
    {
      who: "a visitor",
      signInAs: null,
      paths: () => [
        "/",
        "/om",
        "/for-arbetsgivare",
        "/for-arbetsgivare/handledare",
        "/logga-in",
        "/logga-in/kod",
        "/finns-inte",
        "/dev/mejl",
      ],
    },
    {
      who: "an admin",
      signInAs: (w) => w.admin.id,
      paths: (w) => [
        "/admin",
        "/admin/arenden",
        "/admin/personal",
        `/admin/personal/${w.coach.id}`,
        "/admin/organisation",
        "/admin/import",
        "/admin/logg",
        "/rapporter",
      ],
    },
    {
      who: "a coach (participants and matching)",
      signInAs: (w) => w.coach.id,
      paths: (w) => {
        const p = `/coach/deltagare/${w.participant.id}`;
        return [
          "/coach",
          "/coach/vecka",
          "/coach/deltagare",
          "/coach/deltagare/ny",
          p,
          `${p}/uppgifter`,
          `${p}/yrkesprofil`,
          `${p}/matchning`,
          `${p}/utfall`,
          `/coach/uppdrag/${w.opening.id}/matchning`,
          "/coach/forslag",
          `/coach/forslag/${w.proposal.id}`,
          `/coach/forslag/${w.proposal.id}/lonestod`,
        ];
      },
    },
    {
      who: "a coach (placements, employers and questions)",
      signInAs: (w) => w.coach.id,
      paths: (w) => [
        "/coach/placeringar",
        `/coach/placeringar/${w.placement.id}`,
        `/coach/placeringar/${w.placement.id}/moten/nytt`,
        "/coach/kontakter",
        "/coach/arbetsgivare",
        "/coach/arbetsgivare/ny",
        `/coach/arbetsgivare/${w.employer.id}/annonser`,
        "/coach/fragor",
        `/coach/fragor/${w.question.id}`,
        "/coach/installningar",
        "/uppdrag",
        `/uppdrag/${w.opening.id}`,
      ],
    },
    {
      who: "an employer",
      signInAs: (w) => w.employerUser.id,
      paths: (w) => [
        "/arbetsgivare",
        "/arbetsgivare/annonser",
        "/arbetsgivare/annonser/ny",
        `/arbetsgivare/annonser/${w.opening.id}`,
        `/arbetsgivare/annonser/${w.opening.id}/redigera`,
        "/arbetsgivare/forslag",
        `/arbetsgivare/forslag/${w.proposal.id}`,
        "/arbetsgivare/placeringar",
        `/arbetsgivare/placeringar/${w.placement.id}`,
        `/arbetsgivare/placeringar/${w.placement.id}/handledare`,
        "/arbetsgivare/arbetsplatser",
        "/arbetsgivare/fragor",
        "/arbetsgivare/fragor/ny",
        `/arbetsgivare/fragor/${w.question.id}`,
        "/arbetsgivare/foretaget",
        "/arbetsgivare/kollegor",
        "/arbetsgivare/installningar",
      ],
    },
    {
      who: "a participant",
      signInAs: (w) => w.participantUser.id,
      paths: (w) => [
        "/deltagare",
        "/deltagare/profil",
        "/deltagare/forslag",
        `/deltagare/forslag/${w.proposal.id}`,
        `/deltagare/placering/${w.placement.id}`,
      ],
    },
  ];

  for (const { who, signInAs, paths } of sweeps) {
    test(`every page type of ${who} fits the screen and passes axe`, async ({ page, signIn }) => {
      test.setTimeout(600_000);
      const w = await world();
      if (signInAs) await signIn(signInAs(w));
      expect(await sweep(page, paths(w)), "pages that scroll sideways at 320 px").toEqual([]);
    });
  }

  test("the header menu opens and closes with the keyboard; without it the page is short", async ({ page, signIn }) => {
    const { coach } = await createWorld();
    await signIn(coach.id);
    await page.goto("/coach");
    const menu = page.getByRole("button", { name: "Meny" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("navigation", { name: "Huvudmeny" })).toBeHidden();
    // The header takes one row, not five.
    const headerHeight = await page.locator(".site-header").evaluate((el) => el.getBoundingClientRect().height);
    expect(headerHeight).toBeLessThan(100);

    await menu.focus();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    const nav = page.getByRole("navigation", { name: "Huvudmeny" });
    await expect(nav.getByRole("link", { name: "Mina deltagare" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible();
    await expectAccessible(page);
    await page.keyboard.press("Tab");
    await expect(nav.getByRole("link", { name: "Översikt" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeFocused();

    await menu.click();
    await nav.getByRole("link", { name: "Mina deltagare" }).click();
    await expect(page).toHaveURL(/\/coach\/deltagare$/);
    await expect(menu).toHaveAttribute("aria-expanded", "false");
  });
});

test("at 1280 px the coach's menu is one row and there is no menu button", async ({ page, signIn }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const { coach } = await createWorld();
  await signIn(coach.id);
  await page.goto("/coach");
  await expect(page.getByRole("button", { name: "Meny" })).toBeHidden();
  const tops = await page
    .getByRole("navigation", { name: "Huvudmeny" })
    .getByRole("link")
    .evaluateAll((links) => links.map((l) => Math.round(l.getBoundingClientRect().top)));
  expect(tops.length).toBe(10);
  expect(new Set(tops).size).toBe(1);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
});

test("client-side navigation moves focus to the new page's h1 and announces its title", async ({ page, signIn }) => {
  const { coach } = await createWorld();
  await signIn(coach.id);
  await page.goto("/coach");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Förslag" }).click();
  await expect(page).toHaveURL(/\/coach\/forslag$/);
  const h1 = page.getByRole("heading", { level: 1 });
  await expect(h1).toBeFocused();
  await expect(page.getByTestId("page-announcer")).toHaveText(await page.title());
});

test("a failed sign-in puts focus on the error summary; the button is never disabled", async ({ page }) => {
  await page.goto("/logga-in");
  await page.getByLabel("E-postadress").fill("inte-en-adress");
  const button = page.getByRole("button", { name: "Skicka inloggningslänk" });
  await button.click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Ingen länk skickades");
  await expect(summary).toBeFocused();
  await expect(button).not.toHaveAttribute("disabled");
  await expect(page.getByLabel("E-postadress")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
});

test("a message double-clicked is sent once, mailed once, and the form is empty afterwards", async ({
  page,
  signIn,
}) => {
  const w = await world();
  await signIn(w.coach.id);
  await page.goto(`/coach/placeringar/${w.placement.id}`);
  const before = {
    messages: await db.message.count({ where: { threadId: w.thread.id } }),
    mails: await db.emailOutbox.count({ where: { to: w.employerUser.email! } }),
  };
  const box = page.getByLabel("Nytt meddelande");
  await box.fill("Hej! Hur gick första veckan?");
  await page.getByRole("button", { name: "Skicka", exact: true }).dblclick();
  await expect(page.getByRole("status").filter({ hasText: "Meddelandet är skickat" })).toBeVisible();
  await expect(box).toHaveValue("");
  expect(await db.message.count({ where: { threadId: w.thread.id } })).toBe(before.messages + 1);
  expect(await db.emailOutbox.count({ where: { to: w.employerUser.email! } })).toBeLessThanOrEqual(before.mails + 1);

  // The same form sent again outside the browser's own guard (a resend): still one message.
  const formKey = await page.locator('input[name="formKey"]').inputValue();
  const resend = async () =>
    page.evaluate(async (key) => {
      const body = new URLSearchParams({ intent: "message", body: "Dubbelt?", formKey: key });
      await fetch(location.pathname, { method: "POST", body, redirect: "manual" });
    }, formKey);
  await resend();
  await resend();
  expect(await db.message.count({ where: { threadId: w.thread.id } })).toBe(before.messages + 2);
  await expectAccessible(page);
});

test("a page that does not exist says so in Swedish, with a way back", async ({ page }) => {
  const response = await page.goto("/det-har-finns-inte");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Sidan finns inte" })).toBeVisible();
  await expect(page.getByText("No route matches")).toHaveCount(0);
  await page.getByRole("link", { name: "Till startsidan", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('footer [lang="en"]').first()).toHaveText("Supported Employment");
});

test("an admin's staff page: a long e-mail address wraps instead of widening the page", async ({ page, signIn }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const w = await createWorld();
  await createUser("coach", {
    organizationId: w.organization.id,
    email: "en.mycket.lang.e-postadress.for.en.jobbcoach@arbetsmarknadsforvaltningen.example.se",
  });
  await signIn(w.admin.id);
  await page.goto("/admin/personal");
  expect(await overflow(page)).toBeLessThanOrEqual(0);
});
