// Follow-along support in the browser (issue 6), checked with axe on every page: the employer opens
// the placement and writes to the coach (shared with the participant); the coach sees it on "Min
// vecka" (with an overdue check-in and a practice that ends soon), answers, records a check-in,
// books a three-party meeting (the invitation lands in the local mailbox) and writes its notes and
// an agreed action; the participant reads the shared message and sees the meeting; the employer
// changes how they get email.
import type { Browser, BrowserContext } from "@playwright/test";
import { startSession } from "../../app/utils/auth.server.ts";
import { db } from "../../app/utils/db.server.ts";
import { E2E_BASE_URL } from "../../playwright.config.ts";
import { createPlacementWithThread, createWorld } from "../support/factories.ts";
import { expect, expectAccessible, test } from "./support/fixtures.ts";
import { addDays, swedishInputs } from "../../app/domain/swedish-time.ts";

async function signedInContext(browser: Browser, userId: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  const [pair] = (await startSession(userId, "playwright")).split(";");
  const [name, ...value] = pair!.split("=");
  await context.addCookies([
    { name: name!, value: value.join("="), url: E2E_BASE_URL, httpOnly: true, sameSite: "Lax" },
  ]);
  return context;
}

test("placement page, a message both ways, a meeting with an invitation, and the coach's week", async ({
  page,
  signIn,
  browser,
}) => {
  test.setTimeout(600_000);
  const w = await createWorld();
  const title = `Lagerpraktik ${Date.now().toString(36)}`;
  const { placement } = await createPlacementWithThread(w, { title });
  // The first check-in (a week after the start) has passed; the practice ends in two weeks.
  await db.placement.update({ where: { id: placement.id }, data: { nextCheckInAt: addDays(new Date(), -2) } });
  const heading = `${w.participant.pseudonym} – ${title}`;

  // ── The employer opens the placement and writes to the coach.
  await signIn(w.employerUser.id);
  await page.goto("/arbetsgivare");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Placeringar" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Placeringar" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: heading }).click();
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Er coach" })).toBeVisible();
  await expect(page.getByText(w.coach.name).first()).toBeVisible();
  await expect(page.getByText("Dags att bestämma: förlänga, anställning eller avsluta")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Skicka" }).click(); // empty first: the error is next to the field
  await expect(page.getByLabel("Nytt meddelande", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Skriv ett meddelande.")).toBeVisible();
  await expectAccessible(page);
  await page
    .getByLabel("Nytt meddelande", { exact: true })
    .fill("Hej! Första veckan har gått jättebra. Vi vill gärna ses och prata om fortsättningen.");
  await page.getByLabel("Dela med deltagaren", { exact: true }).check();
  await page.getByRole("button", { name: "Skicka" }).click();
  await expect(page.getByText("Meddelandet är skickat till coachen.")).toBeVisible();
  await expect(page.getByText("Delas med deltagaren")).toBeVisible();
  await expect(page.getByText("Väntar på svar", { exact: true })).toBeVisible();
  await expectAccessible(page);

  // ── The coach's week, in another browser.
  const coachContext = await signedInContext(browser, w.coach.id);
  const c = await coachContext.newPage();
  await c.goto("/coach");
  await c.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Min vecka" }).click();
  await expect(c.getByRole("heading", { level: 1, name: "Min vecka" })).toBeVisible();
  const overdue = c.getByRole("region", { name: /Försenade uppföljningar/ });
  await expect(overdue.getByRole("link", { name: w.participant.pseudonym })).toBeVisible();
  await expect(
    c.getByRole("region", { name: "Arbetsgivare som väntar på svar" }).getByRole("link", { name: heading }),
  ).toBeVisible();
  await expect(
    c.getByRole("region", { name: "Praktik som slutar inom två veckor" }).getByText("Beslut behövs"),
  ).toBeVisible();
  await expectAccessible(c);

  await c.getByRole("region", { name: "Arbetsgivare som väntar på svar" }).getByRole("link", { name: heading }).click();
  await expect(c.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expect(c.getByText("Första veckan har gått jättebra.")).toBeVisible();
  await expect(c.getByText("Försenad", { exact: true }).first()).toBeVisible();
  await expectAccessible(c);
  await c
    .getByLabel("Nytt meddelande", { exact: true })
    .fill("Vad roligt! Jag bokar ett trepartssamtal. Läs mer: https://brygga.example.se/stod");
  await c.getByRole("button", { name: "Skicka" }).click();
  await expect(c.getByText("Meddelandet är skickat.")).toBeVisible();
  await expect(c.getByRole("link", { name: "https://brygga.example.se/stod" })).toBeVisible();
  await expectAccessible(c);

  // A check-in today moves the next one a week ahead; the overdue flag goes.
  await c
    .getByLabel("Anteckning från uppföljningen (valfritt)", { exact: true })
    .fill("Pratade med handledaren i telefon.");
  await c.getByRole("button", { name: "Registrera uppföljningen" }).click();
  await expect(c.getByText("Uppföljningen är registrerad")).toBeVisible();
  await expect(c.getByRole("region", { name: "Stödplan" }).getByText("Försenad", { exact: true })).toHaveCount(0);
  await expectAccessible(c);

  // ── Book a three-party meeting.
  await c.getByRole("link", { name: "Boka möte" }).click();
  await expect(c.getByRole("heading", { level: 1, name: "Boka möte" })).toBeVisible();
  await expectAccessible(c);
  const day = swedishInputs(addDays(new Date(), 9)).date;
  await c.getByLabel("Plats", { exact: true }).fill("");
  await c.getByRole("button", { name: "Boka och skicka inbjudan" }).click();
  await expect(c.getByText("Skriv var ni ses, eller fyll i en videolänk eller ett telefonnummer.")).toBeVisible();
  await expect(c.getByLabel("Plats", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(c);
  await c.getByRole("group", { name: "Vilket slags möte?" }).getByLabel("Trepartssamtal", { exact: true }).check();
  await c.getByLabel("Datum", { exact: true }).fill(day);
  await c.getByLabel("Klockan", { exact: true }).fill("13:30");
  await c.getByLabel("Plats", { exact: true }).fill("Lagret, Storgatan 1");
  await c.getByRole("button", { name: "Boka och skicka inbjudan" }).click();
  await expect(c.getByText("Mötet är bokat och inbjudan skickad med en kalenderfil.")).toBeVisible();
  await expect(c.getByRole("heading", { level: 1, name: /Trepartssamtal/ })).toBeVisible();
  await expectAccessible(c);

  // Notes and an agreed action with owner and due date.
  await c.getByLabel("Vad kom ni fram till?", { exact: true }).fill("Vi planerar in fler uppgifter vid packstationen.");
  await c.getByRole("button", { name: "Spara anteckningar" }).click();
  await expect(c.getByText("Anteckningarna är sparade.")).toBeVisible();
  await c.getByLabel("Vad ska göras?", { exact: true }).fill("Visa packstationen");
  await c.getByLabel("Vem ansvarar?", { exact: true }).fill("Handledare");
  await c.getByLabel("Klart senast", { exact: true }).fill(swedishInputs(addDays(new Date(), 14)).date);
  await c.getByRole("button", { name: "Lägg till åtgärden" }).click();
  await expect(c.getByText("Åtgärden är sparad.")).toBeVisible();
  await expect(c.getByText("Visa packstationen", { exact: true })).toBeVisible();
  await expectAccessible(c);
  await c.getByRole("button", { name: "Markera som klar: Visa packstationen" }).click();
  await expect(c.getByText("Åtgärden är uppdaterad.")).toBeVisible();
  await expect(c.getByRole("button", { name: "Markera som inte klar: Visa packstationen" })).toBeVisible();

  // The invitation went out through the outbox (the local mailbox here), with its calendar file.
  await expect(async () => {
    await c.goto("/dev/mejl");
    await expect(c.getByRole("link", { name: /Inbjudan: Trepartssamtal/ }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await c
    .getByRole("link", { name: /Inbjudan: Trepartssamtal/ })
    .first()
    .click();
  await expect(c.getByText(/Kalenderfilen i mejlet lägger in mötet i din kalender/)).toBeVisible();
  const invitation = await db.emailOutbox.findFirstOrThrow({
    where: { template: "meetingInvitation", to: w.employerUser.email! },
  });
  expect(invitation.status).toBe("sent");
  expect(invitation.attachments).toContain('"filename":"mote.ics"');

  // The placement list and "Min vecka" again.
  await c.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Placeringar" }).click();
  await expect(c.getByRole("heading", { level: 1, name: "Placeringar" })).toBeVisible();
  await expectAccessible(c);
  await c.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Min vecka" }).click();
  await expect(
    c.getByRole("region", { name: "Arbetsgivare som väntar på svar" }).getByText("Ingen arbetsgivare väntar på svar."),
  ).toBeVisible();
  await expectAccessible(c);
  await coachContext.close();

  // ── The participant reads the shared message and sees the meeting, in plain Swedish.
  const participantContext = await signedInContext(browser, w.participantUser.id);
  const p = await participantContext.newPage();
  await p.goto("/deltagare");
  await expect(p.getByRole("heading", { name: "Din praktik och ditt jobb" })).toBeVisible();
  await expectAccessible(p);
  await p.getByRole("link", { name: `Läs mer om ${title}` }).click();
  await expect(p.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(p.getByText("Första veckan har gått jättebra.")).toBeVisible();
  await expect(p.getByText("Vad roligt!")).toHaveCount(0); // not shared
  await expect(
    p.getByRole("region", { name: "Dina möten" }).getByText("Du, din handledare och din coach pratar om hur det går."),
  ).toBeVisible();
  await expectAccessible(p);
  await participantContext.close();

  // ── The employer sees the answer and the meeting, and changes how they get email.
  await page.reload();
  await expect(page.getByText("Vad roligt! Jag bokar ett trepartssamtal.")).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Möten" }).getByText("Vi planerar in fler uppgifter vid packstationen."),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Placeringar" }).click();
  await page.getByRole("link", { name: "E-postinställningar" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Inställningar" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("En sammanfattning per dag", { exact: true }).check();
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page.getByText("Sparat: en sammanfattning per dag.")).toBeVisible();
  await expectAccessible(page);
  expect((await db.user.findUniqueOrThrow({ where: { id: w.employerUser.id } })).notifyMessages).toBe("digest");
});

test("other people's placements are not found", async ({ page, signIn }) => {
  const w = await createWorld();
  const other = await createWorld();
  const { placement } = await createPlacementWithThread(other);
  await signIn(w.employerUser.id);
  const response = await page.goto(`/arbetsgivare/placeringar/${placement.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Sidan finns inte" })).toBeVisible();
  await expectAccessible(page);
});
