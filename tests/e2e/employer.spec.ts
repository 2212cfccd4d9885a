// An employer's whole path, keyboard-friendly and checked with axe on every page: sign in → add a
// workplace → post a practice place with environment and accommodations (the occupation chosen
// with the keyboard in the combobox) → publish → find it in search → ask the coach → the coach
// answers in another browser → the employer sees the answer and how long it took.
import type { Browser, BrowserContext } from "@playwright/test";
import { startSession } from "../../app/utils/auth.server.ts";
import { db } from "../../app/utils/db.server.ts";
import { E2E_BASE_URL } from "../../playwright.config.ts";
import { createOpening, createWorld } from "../support/factories.ts";
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

test("an employer posts a practice place, finds it in search, asks the coach and sees the answer", async ({
  page,
  signIn,
  browser,
}) => {
  test.setTimeout(600_000);
  const { coach, employer, employerUser } = await createWorld();
  const title = `Praktik på lagret ${Date.now().toString(36)}`;
  const word = title.split(" ").at(-1)!;
  await signIn(employerUser.id);

  // Start page
  await page.goto("/arbetsgivare");
  await expect(page.getByRole("heading", { level: 1, name: employer.name })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Din kontakt" })).toBeVisible();
  await expect(page.getByText(coach.name)).toBeVisible();
  await expectAccessible(page);

  // Add a workplace
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Arbetsplatser" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Arbetsplatser" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Lägg till arbetsplats" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ny arbetsplats" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Namn på arbetsplatsen", { exact: true }).fill("Lagret i Torsvik");
  await page.getByLabel("Gatuadress", { exact: true }).fill("Lagergatan 4");
  await page.getByLabel("Postnummer", { exact: true }).fill("553 2"); // a typo first: the error is shown next to the field
  await page.getByRole("button", { name: "Spara arbetsplatsen" }).click();
  await expect(page.getByLabel("Postnummer", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Skriv postnumret med fem siffror")).toBeVisible();
  await expect(page.getByLabel("Gatuadress", { exact: true })).toHaveValue("Lagergatan 4");
  await expectAccessible(page);
  await page.getByLabel("Postnummer", { exact: true }).fill("553 20");
  await page.getByRole("button", { name: "Spara arbetsplatsen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Arbetsplatsen är sparad." })).toBeVisible();
  await expect(page.getByText("Lagergatan 4, 553 20 Jönköping")).toBeVisible();
  await expectAccessible(page);

  // Post a practice place
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Annonser" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Era annonser" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Ny annons" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ny annons" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("radio", { name: /Praktikplats/ }).check();
  await page.getByLabel("Rubrik", { exact: true }).fill(title);
  await expect(page.getByLabel("Arbetsplats", { exact: true })).toHaveValue(/.+/);

  // The occupation, with the keyboard only.
  const occupation = page.getByRole("combobox", { name: "Yrke" });
  await occupation.focus();
  await page.keyboard.type("lagerarb");
  const listbox = page.getByRole("listbox", { name: "Förslag: Yrke" });
  await expect(listbox.getByRole("option").first()).toBeVisible();
  await expect(occupation).toHaveAttribute("aria-expanded", "true");
  await expectAccessible(page);
  await page.keyboard.press("ArrowDown");
  await expect(occupation).toHaveAttribute("aria-activedescendant", /option-0$/);
  await page.keyboard.press("Enter");
  await expect(occupation).toHaveAttribute("aria-expanded", "false");
  await expect(occupation).toHaveValue("Lagerarbetare/Terminalarbetare");
  await expect(page.getByText("Valt yrke: Lagerarbetare/Terminalarbetare", { exact: true })).toBeVisible();

  await page
    .getByLabel("Beskrivning", { exact: true })
    .fill("Ett lugnt lager med fem kollegor och en fast handledare.");
  await page
    .getByLabel("Arbetsuppgifter", { exact: true })
    .fill("Plocka varor efter plocklista\nPacka order\nSortera returer");

  // A skill, also with the keyboard.
  const skill = page.getByRole("combobox", { name: "Kompetenser (valfritt)" });
  await skill.focus();
  await page.keyboard.type("truck");
  await expect(
    page.getByRole("listbox", { name: "Förslag: Kompetenser (valfritt)" }).getByRole("option").first(),
  ).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("list", { name: "Valda: Kompetenser (valfritt)" }).getByRole("listitem")).toHaveCount(1);

  // Hours wrong way round first.
  await page.getByRole("group", { name: "Timmar per vecka" }).getByLabel("Minst", { exact: true }).fill("25");
  await page.getByRole("group", { name: "Timmar per vecka" }).getByLabel("Högst", { exact: true }).fill("20");
  await page.getByRole("group", { name: "När på dygnet eller veckan?" }).getByLabel("Dagtid", { exact: true }).check();
  await page.getByRole("group", { name: "Starttid" }).getByLabel("Flexibel starttid", { exact: true }).check();
  await page.getByLabel("Tempo", { exact: true }).selectOption({ label: "Lugnt tempo" });
  await page.getByLabel("Ljudnivå", { exact: true }).selectOption({ label: "Tyst" });
  await page.getByLabel("Kundkontakt", { exact: true }).selectOption({ label: "Ingen kundkontakt" });
  await page
    .getByRole("group", { name: "Hur ges instruktioner?" })
    .getByLabel("Skriftliga instruktioner", { exact: true })
    .check();
  const offered = page.getByRole("group", { name: "Anpassningar" });
  await offered.getByLabel("Skriftliga instruktioner eller checklistor", { exact: true }).check();
  await offered.getByLabel("En fast handledare", { exact: true }).check();
  await offered.getByLabel("Extra pauser", { exact: true }).check();
  await page.getByLabel("Handledare (valfritt)", { exact: true }).fill("Maria Lind");
  await page.getByLabel("Samma handledare hela tiden", { exact: true }).check();
  await page.getByLabel("Syfte", { exact: true }).fill("Prova lagerarbete och träna på att följa en plocklista.");
  await page.getByLabel("Längd i veckor", { exact: true }).fill("5");
  await page.getByRole("button", { name: "Spara som utkast" }).click();

  await expect(page.getByText("Annonsen är inte sparad.")).toBeVisible();
  const hoursMax = page.getByRole("group", { name: "Timmar per vecka" }).getByLabel("Högst", { exact: true });
  await expect(hoursMax).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Högsta antal timmar kan inte vara mindre än minsta antal timmar.")).toBeVisible();
  await expect(page.getByLabel("Rubrik", { exact: true })).toHaveValue(title);
  await expect(page.getByRole("combobox", { name: "Yrke" })).toHaveValue("Lagerarbetare/Terminalarbetare");
  await expect(offered.getByLabel("Extra pauser", { exact: true })).toBeChecked();
  await expectAccessible(page);
  await page.getByRole("group", { name: "Timmar per vecka" }).getByLabel("Minst", { exact: true }).fill("10");
  await page.getByRole("button", { name: "Spara som utkast" }).click();

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Annonsen är sparad som utkast.")).toBeVisible();
  await expect(page.getByText("Utkast", { exact: true })).toBeVisible();
  await expect(page.getByText("Lugnt tempo")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Extra pauser" })).toBeVisible();
  await expectAccessible(page);

  // Publish
  await page.getByRole("button", { name: "Publicera" }).click();
  await expect(page.getByText("Annonsen är publicerad.")).toBeVisible();
  await expect(page.getByText("Publicerad", { exact: true })).toBeVisible();
  await expectAccessible(page);

  // Find it in search
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Sök uppdrag" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sök uppdrag" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("searchbox", { name: "Sökord" }).fill(word);
  await page.getByLabel("Typ", { exact: true }).selectOption({ label: "Praktikplats" });
  await page.getByRole("button", { name: "Sök", exact: true }).click();
  await expect(page.getByRole("heading", { name: "1 träff" })).toBeVisible();
  await expect(page.getByText(`${employer.name} · Praktikplats · Jönköping · 10–20 tim/vecka`)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("link", { name: "Hantera annonsen" })).toBeVisible();
  await expectAccessible(page);

  // Ask the coach
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Fråga coachen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Frågor till coachen" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Ställ en fråga" }).click();
  await expect(page.getByText(`Frågan går till ${coach.name}`)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Vad gäller frågan?", { exact: true }).fill("Lönestöd efter praktiken");
  await page
    .getByLabel("Din fråga", { exact: true })
    .fill("Hej! Om praktiken går bra vill vi anställa. Hur fungerar lönestöd?");
  await page.getByRole("button", { name: "Skicka frågan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lönestöd efter praktiken" })).toBeVisible();
  await expect(page.getByText("Din fråga är skickad.")).toBeVisible();
  await expect(page.getByText("Väntar på svar", { exact: true })).toBeVisible();
  await expectAccessible(page);

  // Let the question have waited a while, so the response time is clearly shown.
  const thread = await db.thread.findFirstOrThrow({
    where: { employerId: employer.id, subject: "Lönestöd efter praktiken" },
  });
  await db.message.updateMany({
    where: { threadId: thread.id },
    data: { createdAt: new Date(Date.now() - 95 * 60_000) },
  });

  // The coach answers, in another browser.
  const coachContext = await signedInContext(browser, coach.id);
  const c = await coachContext.newPage();
  await c.goto("/coach");
  await c.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Frågor" }).click();
  await expect(c.getByRole("heading", { level: 1, name: "Frågor från arbetsgivare" })).toBeVisible();
  await expect(c.getByRole("heading", { name: "Väntar på svar (1)" })).toBeVisible();
  await expectAccessible(c);
  await c.getByRole("link", { name: "Lönestöd efter praktiken" }).click();
  await expect(c.getByText("Hur fungerar lönestöd?")).toBeVisible();
  await expectAccessible(c);
  await c
    .getByLabel("Ditt svar", { exact: true })
    .fill("Hej! Ja, lönestöd går att söka. Läs mer på https://arbetsformedlingen.se så ringer jag i morgon.");
  await c.getByRole("button", { name: "Skicka svaret" }).click();
  await expect(c.getByText("Svaret är skickat.")).toBeVisible();
  await expect(c.getByText("Svar efter 1 timme och 35 minuter")).toBeVisible();
  await expectAccessible(c);
  await coachContext.close();

  // The employer sees the answer and how long it took.
  await page.reload();
  await expect(page.getByText("Hej! Ja, lönestöd går att söka.")).toBeVisible();
  await expect(page.getByRole("link", { name: "https://arbetsformedlingen.se" })).toBeVisible();
  await expect(page.getByText("Besvarad", { exact: true })).toBeVisible();
  await expect(page.getByText(/efter 1 timme och 35 minuter\./)).toBeVisible();
  await expect(page.getByText("Svar efter 1 timme och 35 minuter")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Start" }).click();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expectAccessible(page);
});

test("a coach posts and closes an opening on an employer's behalf", async ({ page, signIn }) => {
  const { coach, employer } = await createWorld();
  const opening = await createOpening(employer.id, { status: "draft", title: "Vika handdukar på hotellet" });
  await signIn(coach.id);
  await page.goto("/coach/arbetsgivare");
  await expect(page.getByRole("heading", { level: 1, name: "Arbetsgivare" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: employer.name }).click();
  await expect(page.getByText(`Du arbetar åt ${employer.name} som coach.`)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Vika handdukar på hotellet" }).click();
  await page.getByRole("button", { name: "Publicera" }).click();
  await expect(page.getByText("Annonsen är publicerad.")).toBeVisible();

  // Close with a reason, keyboard only.
  await page.getByText("Stäng annonsen", { exact: true }).first().focus();
  await page.keyboard.press("Enter");
  await page.getByLabel("Varför stängs annonsen?", { exact: true }).selectOption({ label: "Tillsatt på annat sätt" });
  await page.getByRole("button", { name: "Stäng annonsen" }).click();
  await expect(page.getByText("Annonsen är stängd och syns inte längre i sökningen.")).toBeVisible();
  await expect(
    page.getByRole("listitem").filter({ hasText: "Stängde annonsen: Tillsatt på annat sätt" }),
  ).toContainText("För arbetsgivarens räkning");
  await expectAccessible(page);

  const events = await db.openingEvent.findMany({ where: { openingId: opening.id } });
  expect(events.map((e) => [e.action, e.userId, e.onBehalf]).sort()).toEqual([
    ["closed", coach.id, true],
    ["published", coach.id, true],
  ]);
});

test("the opening form works on a phone: no sideways scrolling, sections follow the kind, errors next to fields", async ({
  page,
  signIn,
}) => {
  const { employer, employerUser } = await createWorld();
  await db.workplace.create({
    data: {
      employerId: employer.id,
      name: "Butiken",
      street: "Storgatan 1",
      postalCode: "55320",
      municipalityCode: "0680",
      lat: 57.78,
      lng: 14.16,
    },
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(employerUser.id);
  await page.goto("/arbetsgivare/annonser/ny");
  await expect(page.getByRole("heading", { level: 1, name: "Ny annons" })).toBeVisible();
  await expectAccessible(page);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);

  // A job asks for its employment form, not for a practice purpose.
  await page.getByRole("radio", { name: "Anställning" }).check();
  await expect(page.getByLabel("Anställningsform", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Syfte", { exact: true })).toHaveCount(0);
  await page.getByRole("radio", { name: "Praktikplats" }).check();
  await expect(page.getByLabel("Syfte", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Anställningsform", { exact: true })).toHaveCount(0);

  await page.getByRole("button", { name: "Spara som utkast" }).click();
  await expect(page.getByRole("alert")).toContainText("Annonsen är inte sparad.");
  await expect(page.getByLabel("Rubrik", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("combobox", { name: "Yrke" })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Skriv syftet med praktiken")).toBeVisible();
  await expectAccessible(page);
  expect(await db.opening.count({ where: { employerId: employer.id } })).toBe(0);
});
