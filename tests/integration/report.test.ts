// The outcome report end to end (issue 7): a cohort in the database with known before/after income
// sources, exit reasons, consents, genders, contacts and placements; every figure of the page's
// loader, the CSV and the JSON; who may see it; bad input; and the CLI printing the same numbers.
import { beforeAll, describe, expect, test } from "vitest";
import { tableToJson, type JsonTable } from "~/domain/reports/export.ts";
import type { ReportTable } from "~/domain/reports/tables.ts";
import * as exportRoute from "~/routes/reports/export.ts";
import * as reportRoute from "~/routes/reports/report.tsx";
import { runCli } from "../support/cli.ts";
import { createWorld } from "../support/factories.ts";
import { createReportCohort, REPORT_PERIOD } from "../support/cohort.ts";
import { sessionCookieFor } from "../support/requests.ts";
import { load } from "../support/routes.ts";

/**
 * Each CLI call starts a Node process: seconds on a quiet machine,
 * far more on a loaded one. The subprocess tests get a generous timeout of their own instead of
 * the suite's default, and no test asserts on how long a run takes.
 */
const SUBPROCESS_TEST_TIMEOUT_MS = 240_000;
const PERIOD_QUERY = `fran=${REPORT_PERIOD.from}&till=${REPORT_PERIOD.to}`;

type PageData = {
  ok: boolean;
  tables: ReportTable[];
  meta: { organization: { id: string; name: string }; period: { asOf: string }; view: string; minGroupSize: number };
  errors?: Record<string, string[]>;
  map: { scope: string; areaName: string; geometry: { shapes: Array<{ code: string }> } | null };
};

let world: Awaited<ReturnType<typeof createWorld>>;
let other: Awaited<ReturnType<typeof createWorld>>;
let adminCookie: string;

beforeAll(async () => {
  world = await createWorld();
  other = await createWorld();
  await createReportCohort(world);
  adminCookie = await sessionCookieFor(world.admin.id);
});

/** A table as plain values: row key → column key → value (hidden cells as "<3"/"x"). */
function plain(tables: ReportTable[], id: string): Record<string, Record<string, unknown>> {
  const table = tables.find((t) => t.id === id)!;
  return Object.fromEntries(
    table.rows.map((r) => [
      r.key,
      Object.fromEntries(
        Object.entries(r.cells).map(([k, c]) => [k, c.hidden ? (c.hidden === "small" ? "<3" : "x") : c.v]),
      ),
    ]),
  );
}

async function page(query = PERIOD_QUERY, cookie = adminCookie) {
  const result = await load(reportRoute, `/rapporter?${query}`, cookie);
  return { status: result.status, data: result.value as PageData, response: result.response };
}

async function download(format: "csv" | "json", query = PERIOD_QUERY, cookie = adminCookie) {
  const result = await load(exportRoute, `/rapporter.${format}?${query}`, cookie);
  const bytes = new Uint8Array(await result.response!.arrayBuffer());
  // Keep the byte order mark (Response.text() would drop it).
  return {
    status: result.status,
    response: result.response!,
    bytes,
    text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes),
  };
}

const CSV_LINE_END = "\r\n";

describe("every figure on the page (exact view)", () => {
  test("participants and consent, the period's flow", async () => {
    const { status, data } = await page();
    expect(status).toBe(200);
    expect(data.meta).toMatchObject({
      organization: { id: world.organization.id },
      period: { asOf: "2025-12-31" },
      view: "exact",
      minGroupSize: 3,
    });
    const consent = plain(data.tables, "participants");
    expect(consent.registered).toMatchObject({ woman: 2, man: 3, other: 1, undisclosed: 1, total: 7 });
    expect(consent.anonymous).toMatchObject({ woman: 1, man: 1, other: 0, undisclosed: 0, total: 2 });
    expect(consent.erased).toMatchObject({ woman: 1, man: 0, total: 1 });
    expect(consent.total).toMatchObject({ woman: 4, man: 4, other: 1, undisclosed: 1, total: 10 });
    const period = plain(data.tables, "period");
    expect(period.active).toMatchObject({ total: 7 });
    expect(period.enrolled).toMatchObject({ woman: 2, man: 2, other: 1, undisclosed: 1, total: 6 });
    expect(period.exited).toMatchObject({ woman: 2, man: 1, other: 0, undisclosed: 1, total: 4 });
    expect(period.ongoing).toMatchObject({ woman: 0, man: 2, other: 1, total: 3 });
    expect(period["employed-support"]).toMatchObject({ man: 1, total: 1 });
  });

  test("results and exit reasons by gender", async () => {
    const { data } = await page();
    const results = plain(data.tables, "results");
    expect(results["work-or-studies"]).toMatchObject({ woman: 1, man: 1, total: 2 });
    expect(results["work-or-studies-share"]).toMatchObject({
      woman: 50,
      man: 100,
      other: null,
      undisclosed: 0,
      total: 50,
    });
    expect(results["work-share"]).toMatchObject({ woman: 50, man: 0, total: 25 });
    expect(results.employed).toMatchObject({ woman: 1, man: 2, total: 3 });
    expect(results["employed-share"]).toMatchObject({ woman: 50, man: 67, total: 43 });
    const exits = plain(data.tables, "exit-reasons");
    expect(exits.work).toMatchObject({ woman: 1, man: 0, total: 1, share: 25 });
    expect(exits.studies).toMatchObject({ man: 1, total: 1, share: 25 });
    expect(exits.rehabilitation).toMatchObject({ woman: 1, total: 1, share: 25 });
    expect(exits["not-recorded"]).toMatchObject({ undisclosed: 1, total: 1, share: 25 });
    expect(exits.moved).toMatchObject({ total: 0, share: 0 });
    expect(exits.total).toMatchObject({ woman: 2, man: 1, other: 0, undisclosed: 1, total: 4, share: 100 });
  });

  test("occupation and income sources before and after (several sources per participant)", async () => {
    const { data } = await page();
    const occupation = plain(data.tables, "occupation");
    expect(occupation["total:employed"]).toMatchObject({
      before: 0,
      after: 1,
      shareAfter: 25,
      change: 1,
      changePercent: null,
    });
    expect(occupation["total:job_seeking"]).toMatchObject({
      before: 1,
      after: 0,
      shareAfter: 0,
      change: -1,
      changePercent: -100,
    });
    expect(occupation["total:none"]).toMatchObject({
      before: 2,
      after: 1,
      shareAfter: 25,
      change: -1,
      changePercent: -50,
    });
    expect(occupation["total:studies"]).toMatchObject({ before: 0, after: 1, shareAfter: 25 });
    expect(occupation["total:not-recorded"]).toMatchObject({ before: 1, after: 1, change: 0, changePercent: 0 });
    expect(occupation["woman:employed"]).toMatchObject({ group: "Kvinnor", before: 0, after: 1, shareAfter: 50 });

    const income = plain(data.tables, "income");
    expect(income["total:social_assistance"]).toEqual({
      group: "Totalt",
      label: "Försörjningsstöd",
      before: 2,
      after: 1,
      shareAfter: 25,
      change: -1,
      changePercent: -50,
    });
    expect(income["total:activity_compensation"]).toMatchObject({
      before: 1,
      after: 0,
      shareAfter: 0,
      change: -1,
      changePercent: -100,
    });
    expect(income["total:sickness_compensation"]).toMatchObject({
      before: 1,
      after: 1,
      shareAfter: 25,
      change: 0,
      changePercent: 0,
    });
    expect(income["total:salary"]).toMatchObject({
      before: 0,
      after: 1,
      shareAfter: 25,
      change: 1,
      changePercent: null,
    });
    expect(income["total:study_support"]).toMatchObject({ before: 0, after: 1, shareAfter: 25, change: 1 });
    expect(income["total:not-recorded"]).toMatchObject({ before: 1, after: 1 });
    expect(income["total:unemployment_benefit"]).toMatchObject({ before: 0, after: 0 }); // D has not left
    expect(income["man:sickness_compensation"]).toMatchObject({
      before: 1,
      after: 1,
      shareAfter: 100,
      change: 0,
      changePercent: 0,
    });
    expect(income["woman:social_assistance"]).toMatchObject({
      before: 2,
      after: 1,
      shareAfter: 50,
      change: -1,
      changePercent: -50,
    });
  });

  test("milestones, their distribution, retention", async () => {
    const { data } = await page();
    const milestones = plain(data.tables, "milestones");
    expect(milestones["employer_contact:total"]).toMatchObject({ reached: 4, median: 30.5 });
    expect(milestones["employer_contact:woman"]).toMatchObject({ reached: 1, median: 10 });
    expect(milestones["employer_contact:man"]).toMatchObject({ reached: 3, median: 42 });
    expect(milestones["placement:total"]).toMatchObject({ reached: 3, median: 106 });
    expect(milestones["employment:total"]).toMatchObject({ reached: 3, median: 106 });
    expect(milestones["employment:man"]).toMatchObject({ reached: 2, median: 205 });
    const distribution = plain(data.tables, "time-distribution");
    expect(distribution.employer_contact).toMatchObject({ d8_14: 1, d15_28: 1, d29_56: 1, d92_182: 1, d0_7: 0 });
    const retention = plain(data.tables, "retention");
    expect(retention["3:total"]).toMatchObject({ due: 3, checked: 2, employed: 2, share: 100, hours: 25 });
    expect(retention["3:man"]).toMatchObject({ due: 2, checked: 1, employed: 1, share: 100, hours: 20 });
    expect(retention["6:total"]).toMatchObject({ due: 3, checked: 1, employed: 1, share: 100, hours: 25 });
    expect(retention["12:total"]).toMatchObject({ due: 0, checked: 0, share: null });
  });

  test("the funnel, IPS fidelity and the map", async () => {
    const { data } = await page();
    const funnel = plain(data.tables, "funnel");
    expect(funnel.enrolled).toMatchObject({
      woman: 2,
      man: 3,
      other: 1,
      undisclosed: 1,
      total: 7,
      shareOfEnrolled: 100,
    });
    expect(funnel.profiled).toMatchObject({
      woman: 1,
      man: 3,
      other: 1,
      undisclosed: 0,
      total: 5,
      shareOfEnrolled: 71,
      shareOfPrevious: 71,
    });
    expect(funnel.proposed).toMatchObject({ total: 3, shareOfPrevious: 60 });
    expect(funnel.placed).toMatchObject({ total: 3, shareOfPrevious: 100 });
    expect(funnel.employed).toMatchObject({ woman: 1, man: 2, total: 3, shareOfEnrolled: 43 });

    const fidelity = plain(data.tables, "fidelity");
    // Ongoing 31 Dec 2025: D, E, F (coach) and G, K (50 % coach): 5 / 1.5.
    expect(fidelity.caseload).toMatchObject({ total: 3.3, basis: 5, target: "Högst 20" });
    expect(fidelity["contact-within"]).toMatchObject({ woman: 50, man: 33, total: 29, basis: 7 });
    expect(fidelity.competitive).toMatchObject({ woman: 100, man: 50, total: 67, basis: 3 });
    expect(fidelity["hours-median"]).toMatchObject({ total: 25, woman: 30, man: 20 });
    expect(fidelity["hours-mean"]).toMatchObject({ total: 25 });

    const map = plain(data.tables, "municipalities");
    expect(map["0680"]).toEqual({ code: "0680", label: "Jönköping", count: 5, share: 71 });
    expect(map["0682"]).toEqual({ code: "0682", label: "Nässjö", count: 1, share: 14 });
    expect(map["0687"]).toEqual({ code: "0687", label: "Tranås", count: 1, share: 14 });
    expect(data.map.scope).toBe("county");
    expect(data.map.areaName).toBe("Jönköpings län");
    expect(data.map.geometry!.shapes).toHaveLength(13);
    const country = await page(`${PERIOD_QUERY}&karta=sverige`);
    expect(country.data.map.geometry!.shapes).toHaveLength(290);
  });

  test("a municipality filter counts only those living there", async () => {
    const { data } = await page(`${PERIOD_QUERY}&kommun=0682`);
    expect(plain(data.tables, "participants").registered).toMatchObject({ man: 1, total: 1 });
    expect(plain(data.tables, "municipalities").total).toMatchObject({ count: 7 });
  });
});

describe("downloads", () => {
  test("CSV: Swedish Excel format with every table, and one table on its own", async () => {
    const all = await download("csv", `${PERIOD_QUERY}&visning=exakt`);
    expect(all.status).toBe(200);
    expect(all.response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(all.response.headers.get("Content-Disposition")).toBe(
      'attachment; filename="brygga-rapport-2025-01-01-2025-12-31-exakt.csv"',
    );
    expect([...all.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM
    expect(all.text.charCodeAt(0)).toBe(0xfeff);
    const lines = all.text.slice(1).split(CSV_LINE_END);
    expect(lines[0]).toBe(`Brygga – rapport för ${world.organization.name}`);
    expect(lines).toContain("Deltagare och samtycke");
    expect(lines).toContain("Grupp;Kvinnor;Män;Annat;Ej angivet;Totalt");
    expect(lines).toContain("Med samtycke (registrerade);2;3;1;1;7");
    expect(lines).toContain(
      "Kön;Försörjningskälla;Före (antal);Efter (antal);Andel efter (%);Förändring (antal);Förändring (%)",
    );
    expect(lines).toContain("Totalt;Försörjningsstöd;2;1;25;-1;-50");
    expect(lines).toContain("Totalt;Lön;0;1;25;1;");
    expect(lines).toContain("Män;Sjukersättning;1;1;100;0;0");
    expect(lines).toContain("Arbete;1;0;0;0;1;25");
    expect(lines).toContain("Första arbetsgivarkontakt;Totalt;4;30,5");
    expect(lines).toContain("Efter 3 månader;Totalt;3;2;2;100;25");
    expect(lines).toContain("Fått förslag;1;2;0;0;3;43;60");
    expect(lines).toContain(
      "Pågående deltagare per heltidscoach (5 deltagare, 1,5 heltidstjänster);;;;;3,3;5;Högst 20",
    );
    expect(lines).toContain("0680;Jönköping;5;71");

    const one = await download("csv", `${PERIOD_QUERY}&visning=exakt&tabell=exit-reasons`);
    expect(one.response.headers.get("Content-Disposition")).toContain("-exit-reasons-exakt.csv");
    expect(one.text.slice(1).split(CSV_LINE_END)).toEqual([
      "Avslutsorsak;Kvinnor;Män;Annat;Ej angivet;Totalt;Andel av alla avslutade (%)",
      "Arbete;1;0;0;0;1;25",
      "Studier;0;1;0;0;1;25",
      "Arbete och studier;0;0;0;0;0;0",
      "Fortsatt rehabilitering;1;0;0;0;1;25",
      "Sjukdom;0;0;0;0;0;0",
      "Flytt;0;0;0;0;0;0",
      "Övrigt;0;0;0;0;0;0",
      "Uppgift saknas;0;0;0;1;1;25",
      "Totalt;2;1;0;1;4;100",
      "",
    ]);
  });

  test("JSON: the same tables as the page, numbers as numbers", async () => {
    const json = await download("json", `${PERIOD_QUERY}&visning=exakt`);
    expect(json.status).toBe(200);
    expect(json.response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    const doc = JSON.parse(json.text) as {
      format: string;
      view: string;
      period: unknown;
      tables: JsonTable[];
      definitions: unknown[];
      hiddenMarkers: unknown;
    };
    expect(doc).toMatchObject({
      format: "brygga-report/1",
      view: "exact",
      period: { from: "2025-01-01", to: "2025-12-31", asOf: "2025-12-31" },
      hiddenMarkers: null,
    });
    const { data } = await page();
    expect(doc.tables).toEqual(data.tables.map((t) => tableToJson(t)));
    const income = doc.tables.find((t) => t.id === "income")!;
    expect(income.rows.find((r) => r.groupKey === "total" && r.label === "Försörjningsstöd")).toEqual({
      groupKey: "total",
      group: "Totalt",
      label: "Försörjningsstöd",
      before: 2,
      after: 1,
      shareAfter: 25,
      change: -1,
      changePercent: -50,
    });
    expect(doc.definitions.length).toBeGreaterThan(10);
  });

  test("funder exports are the default: small groups hidden, the same as the page's funder view", async () => {
    const json = JSON.parse((await download("json")).text) as {
      view: string;
      hiddenMarkers: unknown;
      tables: JsonTable[];
    };
    expect(json.view).toBe("funder");
    expect(json.hiddenMarkers).toEqual({ small: "<3", protected: "x" });
    const funderPage = await page(`${PERIOD_QUERY}&visning=finansiar`);
    expect(json.tables).toEqual(funderPage.data.tables.map((t) => tableToJson(t)));
    const consent = json.tables.find((t) => t.id === "participants")!.rows;
    expect(consent[0]).toMatchObject({
      label: "Med samtycke (registrerade)",
      woman: "<3",
      man: 3,
      other: "x",
      undisclosed: "x",
      total: 7,
    });
    // No count of 1 or 2 people is visible anywhere (the caseload basis counts work, not people).
    for (const t of json.tables) {
      for (const row of t.rows) {
        for (const c of t.columns.filter((c) => c.kind === "count")) {
          const v = row[c.key];
          if (t.id === "fidelity" && row.label?.toString().startsWith("Pågående")) continue;
          expect(typeof v === "number" && v > 0 && v < 3, `${t.id} ${JSON.stringify(row)} ${c.key}`).toBe(false);
        }
      }
    }
    const csv = (await download("csv")).text;
    expect(csv).toContain("Små grupper dolda: antal under 3 visas som <3");
    expect(csv).toContain("Med samtycke (registrerade);<3;3;x;x;7");
  });
});

describe("who may see the report", () => {
  test("admin and coach of the organisation; employers and participants 403; visitors sign in", async () => {
    expect((await page(PERIOD_QUERY, await sessionCookieFor(world.coach.id))).status).toBe(200);
    for (const user of [world.employerUser, world.participantUser]) {
      const cookie = await sessionCookieFor(user.id);
      expect((await page(PERIOD_QUERY, cookie)).status).toBe(403);
      expect((await download("csv", PERIOD_QUERY, cookie)).status).toBe(403);
      expect((await download("json", PERIOD_QUERY, cookie)).status).toBe(403);
    }
    const visitor = await load(reportRoute, `/rapporter?${PERIOD_QUERY}`, undefined);
    expect(visitor.status).toBe(302);
    expect(visitor.response!.headers.get("Location")).toBe(
      `/logga-in?redirectTo=${encodeURIComponent(`/rapporter?${PERIOD_QUERY}`)}`,
    );
  });

  test("another organisation's report, or an unknown one, is a 404; its own staff see only their own figures", async () => {
    expect((await page(`${PERIOD_QUERY}&org=${other.organization.id}`)).status).toBe(404);
    expect((await page(`${PERIOD_QUERY}&org=finns-inte`)).status).toBe(404);
    expect((await download("json", `${PERIOD_QUERY}&org=${other.organization.id}`)).status).toBe(404);
    expect((await page(`${PERIOD_QUERY}&org=${world.organization.id}`)).status).toBe(200);
    const theirs = await page(PERIOD_QUERY, await sessionCookieFor(other.admin.id));
    expect(theirs.status).toBe(200);
    expect(theirs.data.meta.organization.id).toBe(other.organization.id);
    expect(plain(theirs.data.tables, "participants").total).toMatchObject({ total: 0 });
  });
});

describe("bad input", () => {
  test("an invalid period or municipality: 400 with a Swedish message on the field, no report", async () => {
    const badDate = await page("fran=2025-13-01&till=2025-12-31");
    expect(badDate.status).toBe(400);
    expect(badDate.data).toMatchObject({
      ok: false,
      errors: { from: ["Skriv periodens början som ÅÅÅÅ-MM-DD, till exempel 2026-01-31."] },
    });
    expect("tables" in badDate.data).toBe(false);
    const reversed = await page("fran=2025-12-31&till=2025-01-01");
    expect(reversed.status).toBe(400);
    expect(reversed.data.errors).toEqual({ to: ["Periodens slut kan inte ligga före periodens början."] });
    const municipality = await page(`${PERIOD_QUERY}&kommun=9999`);
    expect(municipality.status).toBe(400);
    expect(municipality.data.errors).toEqual({ municipalityCode: ["Kommunen finns inte. Välj en kommun i listan."] });
    expect((await page(`${PERIOD_QUERY}&visning=allt`)).status).toBe(400);
  });

  test("downloads answer 400 with the message", async () => {
    const csv = await download("csv", "fran=2025-01-01&till=igår");
    expect(csv.status).toBe(400);
    expect(csv.text).toBe(
      "Rapporten kunde inte tas fram. Skriv periodens slut som ÅÅÅÅ-MM-DD, till exempel 2026-01-31.",
    );
    const json = await download("json", `${PERIOD_QUERY}&tabell=allt`);
    expect(json.status).toBe(400);
    expect(JSON.parse(json.text).error).toMatch(/^Tabellen finns inte/);
  });
});

describe("npm run report", () => {
  // The first call goes through tsx exactly as `npm run report` starts it; the others run the script
  // compiled once for the test run (tests/support/cli.ts), the same code for half the CPU.
  const cli = (args: string[], options: { viaTsx?: boolean } = {}) =>
    runCli("report", args, { ...options, env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL } });

  test("prints the same figures as the page and the downloads", { timeout: SUBPROCESS_TEST_TIMEOUT_MS }, async () => {
    const json = await cli(
      ["--org", world.organization.id, "--from", REPORT_PERIOD.from, "--to", REPORT_PERIOD.to, "--format", "json"],
      { viaTsx: true },
    );
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout) as { view: string; organization: unknown; tables: JsonTable[] };
    expect(doc.view).toBe("funder");
    expect(doc.organization).toEqual({ id: world.organization.id, name: world.organization.name });
    const route = JSON.parse((await download("json")).text) as { tables: JsonTable[] };
    expect(doc.tables).toEqual(route.tables);

    // Exact figures as CSV, by organisation name: byte for byte the page's exact CSV download.
    const csv = await cli([
      "--org",
      world.organization.name,
      "--from",
      REPORT_PERIOD.from,
      "--to",
      REPORT_PERIOD.to,
      "--format",
      "csv",
      "--exact",
    ]);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe((await download("csv", `${PERIOD_QUERY}&visning=exakt`)).text);
    expect(csv.stdout).toContain("Totalt;Försörjningsstöd;2;1;25;-1;-50");

    const exactPage = await page();
    const oneTable = await cli([
      "--org",
      world.organization.id,
      "--from",
      REPORT_PERIOD.from,
      "--to",
      REPORT_PERIOD.to,
      "--format",
      "json",
      "--exact",
      "--table",
      "income",
    ]);
    expect((JSON.parse(oneTable.stdout) as { tables: JsonTable[] }).tables).toEqual([
      tableToJson(exactPage.data.tables.find((t) => t.id === "income")!),
    ]);
  });

  test(
    "an unknown organisation or an invalid period: a clear error and exit code 2",
    { timeout: SUBPROCESS_TEST_TIMEOUT_MS },
    async () => {
      const unknown = await cli(["--org", "Finns inte AB", "--from", "2025-01-01", "--to", "2025-12-31"]);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('Organisationen "Finns inte AB" finns inte.');
      expect(unknown.stdout).toBe("");
      const badPeriod = await cli(["--org", world.organization.id, "--from", "2025-12-31", "--to", "2025-01-01"]);
      expect(badPeriod.code).toBe(2);
      expect(badPeriod.stderr).toContain("Periodens slut kan inte ligga före periodens början.");
      const badDate = await cli(["--org", world.organization.id, "--from", "2025-02-30", "--to", "2025-03-01"]);
      expect(badDate.code).toBe(2);
      expect(badDate.stderr).toContain("Skriv periodens början som ÅÅÅÅ-MM-DD");
      const missing = await cli(["--org", world.organization.id]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain("Ange periodens början med --from ÅÅÅÅ-MM-DD.");
      const badFormat = await cli([
        "--org",
        world.organization.id,
        "--from",
        "2025-01-01",
        "--to",
        "2025-12-31",
        "--format",
        "xlsx",
      ]);
      expect(badFormat.code).toBe(2);
      expect(badFormat.stderr).toContain("Formatet ska vara csv eller json");
      const unknownOption = await cli([
        "--org",
        world.organization.id,
        "--from",
        "2025-01-01",
        "--to",
        "2025-12-31",
        "--year",
        "2025",
      ]);
      expect(unknownOption.code).toBe(2);
      expect(unknownOption.stderr).toContain("Användning: npm run report");
    },
  );
});
