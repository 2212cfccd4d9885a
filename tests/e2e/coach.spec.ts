// Issue 4 end to end: a coach enrols a participant and builds a full vocational profile; the
// participant reads it in plain Swedish and comments; the coach sees the comment and answers; the
// caseload flags a participant without employer contact four weeks after enrolment.
import { db } from "../../app/utils/db.server.ts";
import { createParticipant, createWorld } from "../support/factories.ts";
import { expect, expectAccessible, test } from "./support/fixtures.ts";
import type { Page } from "@playwright/test";

async function pick(page: Page, combobox: string, typed: string, option: RegExp) {
  const input = page.getByRole("combobox", { name: combobox, exact: true });
  await input.fill(typed);
  await expect(page.getByRole("option", { name: option }).first()).toBeVisible();
  await input.press("ArrowDown");
  await input.press("ArrowUp");
  const chosen = (await page.getByRole("option").first().textContent())!;
  await input.press("Enter");
  return chosen.split(" – ")[0]!;
}

test("a coach enrols a participant, builds the profile; the participant reads it and comments; the coach answers", async ({
  page,
  signIn,
  context,
}) => {
  test.setTimeout(600_000);
  const { coach } = await createWorld();
  const email = `nora-${Date.now()}@example.se`;
  await signIn(coach.id);

  // ── Enrolment ──
  await page.goto("/coach/deltagare");
  await expect(page.getByRole("heading", { name: "Mina deltagare" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Skriv in deltagare" }).click();
  await expect(page.getByRole("heading", { name: "Skriv in deltagare" })).toBeVisible();
  await expectAccessible(page);

  // A bad birth year and an unknown postal code are shown next to the fields; values are kept.
  await page.getByLabel("Deltagaren samtycker till att uppgifterna används i Brygga").check();
  await page.getByLabel("Ja, deltagaren samtycker").check();
  await page.getByLabel("Namn eller initialer (visas i Brygga)").fill("Nora");
  await page.getByLabel("Kvinna").check();
  await page.getByLabel("Födelseår").fill("1890");
  await page.getByLabel("Postnummer").fill("999 99");
  await page.getByRole("textbox", { name: "E-post" }).fill(email);
  await page.getByLabel("Remitterad av").selectOption({ label: "Försäkringskassan" });
  await page.getByLabel("Sysselsättning vid start").selectOption({ label: "Aktivt arbetssökande" });
  await page.getByLabel("Aktivitetsersättning").check();
  await page.getByRole("button", { name: "Skriv in deltagaren" }).click();
  await expect(page.getByText(/Födelseåret ska vara mellan/)).toBeVisible();
  await expect(page.getByText(/Postnumret finns inte/)).toBeVisible();
  await expect(page.getByLabel("Namn eller initialer (visas i Brygga)")).toHaveValue("Nora");
  await expectAccessible(page);

  await page.getByLabel("Födelseår").fill("1994");
  await page.getByLabel("Postnummer").fill("553 20");
  await page.getByRole("button", { name: "Skriv in deltagaren" }).click();
  await expect(page.getByRole("heading", { name: "Nora", level: 1 })).toBeVisible();
  await expect(page.getByText("Nora är inskriven.")).toBeVisible();
  await expect(page.getByText(/dagar kvar/)).toBeVisible();
  await expectAccessible(page);
  const participant = await db.participant.findFirstOrThrow({ where: { email }, include: { user: true } });

  // ── Vocational profile ──
  await page.getByRole("link", { name: "Yrkesprofil", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Yrkesprofil för Nora" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Ändra intressen" }).click();
  await expect(page.getByRole("heading", { name: /Intressen/ })).toBeVisible();
  const occupation = await pick(page, "Yrken", "lagerarb", /Lagerarbetare/);
  await expect(page.getByRole("list", { name: "Valda yrken" }).getByText(occupation)).toBeVisible();
  await pick(page, "Yrkesområden och yrkesgrupper", "städ", /Städ/);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Spara intressen" }).click();
  await expect(page.getByText("Intressena är sparade.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Intressen" }).getByText(occupation)).toBeVisible();

  const base = `/coach/deltagare/${participant.id}/yrkesprofil`;
  await page.goto(`${base}/styrkor`);
  await page.getByLabel("Styrkor", { exact: true }).fill("Noggrann\nPunktlig");
  await pick(page, "Kompetenser", "truck", /ruck/);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Spara styrkor" }).click();
  await expect(page.getByText("Styrkorna och kompetenserna är sparade.")).toBeVisible();

  await page.goto(`${base}/erfarenhet`);
  await page.getByLabel("Vad gjorde deltagaren?").fill("Praktik på lager");
  await page.getByLabel("Var? (valfritt)").fill("Lagret i Torsvik");
  await page.getByLabel("Timmar per vecka (valfritt)").fill("20");
  await page.getByRole("group", { name: "Arbetstiden" }).getByLabel("Fungerade bra").check();
  await page.getByRole("group", { name: "Tempot" }).getByLabel("Fungerade inte").check();
  await page.getByLabel("Kommentar om tempot (valfritt)").fill("För högt tempo på morgonen");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Lägg till erfarenheten" }).click();
  await expect(page.getByText("Erfarenheten är sparad.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Ändra Praktik på lager" })).toBeVisible();

  await page.goto(`${base}/bakgrund`);
  await page.getByLabel("Utbildning").fill("Gymnasiet");
  await page.getByLabel("B – personbil", { exact: true }).check();
  await pick(page, "Språk", "svensk", /Svenska/);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page.getByText("Utbildning, körkort och språk är sparade.")).toBeVisible();

  await page.goto(`${base}/onskemal`);
  await page.getByLabel("Längsta resväg till jobbet (km)").fill("250");
  await page.getByLabel("Minst").fill("10");
  await page.getByLabel("Högst").fill("20");
  await page.getByLabel("Dagtid").check();
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page.getByText("Längsta resväg ska vara mellan 0 och 200.")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Längsta resväg till jobbet (km)").fill("15");
  await page.getByLabel("Färdsätt").selectOption({ label: "Cyklar" });
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page.getByText("Arbetstid och resväg är sparade.")).toBeVisible();

  await page.goto(`${base}/arbetsmiljo`);
  await page.getByRole("group", { name: "Tempo" }).getByLabel("Lugnt tempo").check();
  await page.getByRole("group", { name: "Ljudnivå" }).getByLabel("Tyst").check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page.getByText("Den önskade arbetsmiljön är sparad.")).toBeVisible();

  await page.goto(`${base}/anpassningar`);
  await page
    .getByRole("group", { name: "Skriftliga instruktioner eller checklistor" })
    .getByLabel("Måste finnas")
    .check();
  await page.getByRole("group", { name: "Extra pauser" }).getByLabel("Bra att ha").check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Spara anpassningar" }).click();
  await expect(page.getByText("Anpassningarna är sparade.")).toBeVisible();

  await page.goto(`${base}/aldrig`);
  await page.getByRole("group", { name: "Aldrig jobba på de här tiderna" }).getByLabel("Natt").check();
  await page
    .getByRole("group", { name: "Aldrig: fysisk belastning" })
    .getByLabel("Tungt fysiskt", { exact: true })
    .check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page.getByText("Det som aldrig är aktuellt är sparat.")).toBeVisible();

  await page.goto(`${base}/synlighet`);
  await page
    .getByRole("group", { name: "Vad deltagaren vill jobba med – får arbetsgivaren se?" })
    .getByLabel("Ja")
    .check();
  await page.getByRole("group", { name: "Erfarenhet – får arbetsgivaren se?" }).getByLabel("Ja").check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page.getByText("Vad arbetsgivaren får se är sparat.")).toBeVisible();
  await expectAccessible(page);

  // ── The participant reads the profile in plain Swedish and comments ──
  await context.clearCookies();
  await signIn(participant.userId!);
  await page.goto("/deltagare");
  await page.getByRole("link", { name: "Läs hela din profil" }).click();
  await expect(page.getByRole("heading", { name: "Din profil, Nora" })).toBeVisible();
  const wants = page.getByRole("region", { name: "Det här vill du jobba med" });
  await expect(wants.getByText(occupation)).toBeVisible();
  const needs = page.getByRole("region", { name: "Det här behöver du på en arbetsplats" });
  await expect(needs.getByText("Skriftliga instruktioner eller checklistor")).toBeVisible();
  await expect(needs.getByRole("heading", { name: "Det här måste finnas" })).toBeVisible();
  await expect(page.getByText("Du kan resa högst 15 km till jobbet.")).toBeVisible();
  await expect(page.getByText("Det här fungerade inte:")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Skicka" }).click();
  await expect(page.getByText("Skriv något först.")).toBeVisible();
  await page.getByLabel("Det här vill jag säga").fill("Jag vill helst börja klockan nio.");
  await page.getByRole("button", { name: "Skicka" }).click();
  await expect(page.getByText(/Tack!/)).toBeVisible();
  await expect(page.getByText("Jag vill helst börja klockan nio.")).toBeVisible();
  await expectAccessible(page);

  // ── The coach sees the comment and answers ──
  await context.clearCookies();
  await signIn(coach.id);
  await page.goto("/coach/deltagare");
  await expect(page.getByText("1 ny kommentar")).toBeVisible();
  await page.getByRole("link", { name: "Nora" }).click();
  await expect(page.getByText("1 obesvarade")).toBeVisible();
  await expect(page.getByText("Jag vill helst börja klockan nio.")).toBeVisible();
  await page.getByLabel("Svara Nora").fill("Bra, då letar vi efter flexibel start.");
  await page.getByRole("button", { name: "Skicka svar" }).click();
  await expect(page.getByText("Ditt svar är skickat.")).toBeVisible();
  await expectAccessible(page);

  await context.clearCookies();
  await signIn(participant.userId!);
  await page.goto("/deltagare/profil");
  await expect(page.getByText("Bra, då letar vi efter flexibel start.")).toBeVisible();
  await expect(page.getByText(`${coach.name} svarade`)).toBeVisible();
});

test("the caseload shows the overdue four-week first-employer-contact flag, cleared by logging a contact", async ({
  page,
  signIn,
}) => {
  const { organization, coach, employer } = await createWorld();
  await createParticipant(organization.id, {
    coachId: coach.id,
    pseudonym: "Otto",
    enrolledAt: new Date(Date.now() - 35 * 86_400_000),
  });
  await signIn(coach.id);
  await page.goto("/coach/deltagare");
  const row = page.getByRole("row", { name: /Otto/ });
  await expect(row.getByText(/Försenad 7 dagar/)).toBeVisible();
  await expect(
    page.getByText("1 deltagare har inte haft någon arbetsgivarkontakt inom 4 veckor från inskrivningen."),
  ).toBeVisible();
  await expect(page.getByText(/aktiva deltagare av målet/)).toBeVisible();
  await expectAccessible(page);

  await row.getByRole("link", { name: "Otto" }).click();
  await page.getByRole("link", { name: "Logga arbetsgivarkontakt" }).click();
  await expect(page.getByRole("heading", { name: "Arbetsgivarkontakter" })).toBeVisible();
  await expectAccessible(page);
  await pick(page, "Sök arbetsgivare i Brygga", employer.name, new RegExp(employer.name));
  await page.getByLabel("Telefonsamtal").check();
  await page.getByLabel("Anteckningar").fill("Pratade om varumottagning på morgnarna.");
  await expect(page.getByLabel("Gäller deltagare (valfritt)")).toHaveValue(/.+/);
  await page.getByRole("button", { name: "Spara kontakten" }).click();
  await expect(page.getByRole("heading", { name: employer.name, exact: true })).toBeVisible();
  await expect(page.getByText("Kontakten är sparad.")).toBeVisible();
  await expect(page.getByText("Pratade om varumottagning på morgnarna.")).toBeVisible();
  await expectAccessible(page);

  await page.goto("/coach/deltagare");
  await expect(page.getByRole("row", { name: /Otto/ }).getByText(/Gjord/)).toBeVisible();
});

test("the admin sees every caseload, reassigns, and browses the audit trail", async ({ page, signIn }) => {
  const { organization, admin, coach, participant } = await createWorld();
  const { createUser } = await import("../support/factories.ts");
  const colleague = await createUser("coach", { organizationId: organization.id, name: "Kollegan Kim" });
  await signIn(admin.id);
  await page.goto("/admin/arenden");
  await expect(page.getByRole("heading", { name: "Ärenden", level: 1 })).toBeVisible();
  await expectAccessible(page);
  const section = page.getByRole("region", { name: new RegExp(coach.name) });
  await section.getByLabel(`Välj ${participant.pseudonym}`).check();
  await section.getByLabel(`Flytta valda deltagare hos ${coach.name} till`).selectOption({ label: colleague.name });
  await section.getByRole("button", { name: "Flytta valda" }).click();
  await expect(page.getByText(`har nu ${colleague.name} som coach`)).toBeVisible();
  await expect(
    page.getByRole("region", { name: /Kollegan Kim/ }).getByRole("link", { name: participant.pseudonym }),
  ).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Logg", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Logg över deltagaruppgifter" })).toBeVisible();
  await expect(page.getByRole("cell", { name: /Ansvarig coach/ }).first()).toBeVisible();
  await expectAccessible(page);
});
