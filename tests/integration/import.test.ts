// Import of an organisation's caseload (issue 12): dry run writes nothing, a real run writes the
// whole file with its real (past) dates and audits every record as back-dated, a second run
// updates and never duplicates, bad files (wrong encoding, missing columns, unknown codes, dates
// out of order, a 50 MB file) are refused and change nothing; the four kinds of file; .xlsx; the
// admin page (upload → dry run → confirm) and who may use it; the templates; the CLI.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { importColumns, type ImportKind } from "~/domain/import/columns.ts";
import * as importRoute from "~/routes/admin/import.tsx";
import * as templateRoute from "~/routes/admin/import-template.ts";
import { db } from "~/utils/db.server.ts";
import { runImport } from "~/utils/import/import.server.ts";
import { readImportFile, readImportFileFromDisk } from "~/utils/import/read-file.server.ts";
import { xlsxOf } from "~/utils/import/templates.server.ts";
import { checkRequest } from "~/utils/request-guard.server.ts";
import { runCli } from "../support/cli.ts";
import { createUser, createWorld } from "../support/factories.ts";
import { noticeOf, sessionCookieFor, settle, TEST_ORIGIN, testContext } from "../support/requests.ts";
import { load, submit } from "../support/routes.ts";

const NOW = new Date("2026-06-15T10:00:00Z");
const SUBPROCESS_TEST_TIMEOUT_MS = 240_000;

let world: Awaited<ReturnType<typeof createWorld>>;
let other: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
  other = await createWorld();
});

/** A row of a kind from its template's example, with some columns changed (by column key). */
function row(kind: ImportKind, values: Record<string, string> = {}): string[] {
  return importColumns[kind].map((c) => values[c.key] ?? c.example);
}
const headers = (kind: ImportKind) => importColumns[kind].map((c) => c.header);
function csv(table: string[][], separator = ";"): string {
  const cell = (v: string) => (v.includes(separator) || v.includes('"') ? `"${v.replaceAll('"', '""')}"` : v);
  return table.map((r) => r.map(cell).join(separator)).join("\r\n") + "\r\n";
}
const bytes = (text: string) => new TextEncoder().encode(text);

function participant(ref: string, values: Record<string, string> = {}) {
  return row("participants", { ref, pseudonym: `Deltagare ${ref}`, coachEmail: world.coach.email!, ...values });
}

async function importText(
  text: string | Uint8Array,
  options: { dryRun?: boolean; organizationId?: string; fileName?: string } = {},
) {
  const table = await readImportFile(typeof text === "string" ? bytes(text) : text, options.fileName ?? "fil.csv");
  if (!table.ok) throw new Error(table.message);
  return runImport({
    organizationId: options.organizationId ?? world.organization.id,
    actorId: world.admin.id,
    fileName: options.fileName ?? "fil.csv",
    table,
    dryRun: options.dryRun ?? false,
    now: NOW,
  });
}

const counts = async () => ({
  participants: await db.participant.count(),
  consents: await db.consent.count(),
  outcomes: await db.outcomeRecord.count(),
  audit: await db.auditEvent.count(),
  placements: await db.placement.count(),
  employers: await db.employer.count(),
  contacts: await db.employerContact.count(),
  searchOutbox: await db.searchOutbox.count(),
});

describe("participants", () => {
  const file = () =>
    csv([
      headers("participants"),
      participant("R-1"),
      participant("R-2", { gender: "Man", exitedAt: "", exitReason: "", exitOccupation: "", exitIncome: "" }),
      participant("R-3", { gender: "man", consentStatistics: "Nej", notCountedReason: "Började för sent i projektet" }),
    ]);

  test("a dry run checks every row, says what would be written and writes nothing", async () => {
    const before = await counts();
    const report = await importText(file(), { dryRun: true });
    expect(report).toMatchObject({
      kind: "participants",
      rows: 3,
      created: 3,
      updated: 0,
      written: false,
      problems: [],
    });
    expect(await counts()).toEqual(before);
  });

  test("a real run writes the participants with their real dates, consents, exit and an audit event each", async () => {
    const before = await counts();
    const report = await importText(file());
    expect(report).toMatchObject({ created: 3, updated: 0, written: true, problems: [] });
    const after = await counts();
    expect(after.participants - before.participants).toBe(3);
    expect(after.consents - before.consents).toBe(6);
    expect(after.searchOutbox).toBe(before.searchOutbox); // participants never enter the search engine

    const r1 = await db.participant.findUniqueOrThrow({
      where: { organizationId_externalRef: { organizationId: world.organization.id, externalRef: "R-1" } },
      include: { outcome: true, consents: true, phaseChanges: true },
    });
    expect(r1).toMatchObject({ gender: "woman", phase: "exited", coachId: world.coach.id, municipalityCode: "0680" });
    expect(r1.enrolledAt.toISOString().slice(0, 10)).toBe("2014-03-03");
    expect(r1.exitedAt!.toISOString().slice(0, 10)).toBe("2015-06-30");
    expect(r1.outcome).toMatchObject({
      exitReason: "work",
      exitOccupation: "employed",
      exitIncomeSources: '["salary"]',
    });
    expect(JSON.parse(r1.startIncomeSources)).toEqual(["activity_compensation", "social_assistance"]);
    expect(r1.phaseChanges.map((c) => c.toPhase).sort()).toEqual(["enrolled", "exited"]);

    const r3 = await db.participant.findFirstOrThrow({ where: { externalRef: "R-3" } });
    expect(r3.notCountedReason).toBe("Började för sent i projektet");

    const events = await db.auditEvent.findMany({ where: { participantId: r1.id, entity: "import" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: world.admin.id, action: "create" });
    expect(events[0]!.detail).toContain("bakåtdaterat: inskrivning 2014-03-03, avslut 2015-06-30");
  });

  test("running the same file again updates and never duplicates", async () => {
    const before = await counts();
    const changed = file().replace("Deltagare R-2", "Ny pseudonym");
    const report = await importText(changed);
    expect(report).toMatchObject({ created: 0, updated: 3, written: true });
    const after = await counts();
    expect(after.participants).toBe(before.participants);
    expect(after.consents).toBe(before.consents); // the same consents are not recorded again
    expect((await db.participant.findFirstOrThrow({ where: { externalRef: "R-2" } })).pseudonym).toBe("Ny pseudonym");
    expect(await db.auditEvent.count({ where: { entity: "import", action: "update" } })).toBeGreaterThanOrEqual(3);
  });

  test("the same references in another organisation are other people", async () => {
    const report = await importText(file(), { organizationId: other.organization.id });
    // The coach's email belongs to the first organisation: refused there, nothing written.
    expect(report.written).toBe(false);
    expect(report.problems[0]).toMatchObject({ line: 2, column: "Coach (e-post)" });
  });

  test("an .xlsx workbook imports like a CSV file", async () => {
    const workbook = await xlsxOf([headers("participants"), participant("X-1", { enrolledAt: "2013-09-02" })]);
    const report = await importText(workbook, { fileName: "deltagare.xlsx" });
    expect(report).toMatchObject({ kind: "participants", created: 1, written: true, problems: [] });
    const x1 = await db.participant.findFirstOrThrow({ where: { externalRef: "X-1" } });
    expect(x1.enrolledAt.toISOString().slice(0, 10)).toBe("2013-09-02");
  });

  test("a comma-separated file is read as well", async () => {
    const report = await importText(csv([headers("participants"), participant("C-1")], ","), { dryRun: true });
    expect(report).toMatchObject({ created: 1, problems: [] });
  });
});

describe("bad files change nothing", () => {
  const expectNothingWritten = async (fn: () => Promise<unknown>) => {
    const before = await counts();
    await fn();
    expect(await counts()).toEqual(before);
  };

  test("a file saved as Latin-1 is refused with a message about UTF-8", async () => {
    await expectNothingWritten(async () => {
      const text = csv([headers("participants"), participant("L-1", { pseudonym: "Åsa Öberg" })]);
      const result = await readImportFile(Buffer.from(text, "latin1"), "latin1.csv");
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toMatch(/inte sparad som UTF-8.*CSV UTF-8/);
    });
  });

  test("missing columns are named", async () => {
    await expectNothingWritten(async () => {
      const keep = (r: string[]) => r.filter((_, i) => importColumns.participants[i]!.header !== "Kön");
      const report = await importText(csv([keep(headers("participants")), keep(participant("M-1"))]));
      expect(report.written).toBe(false);
      expect(report.problems).toEqual([{ line: 1, column: "Kön", message: "Kolumnen Kön saknas i rubrikraden." }]);
    });
  });

  test("unknown codes are reported with line, column and the codes to use; one bad row stops the whole file", async () => {
    await expectNothingWritten(async () => {
      const report = await importText(
        csv([
          headers("participants"),
          participant("U-1"),
          participant("U-2", { gender: "Okänt", exitReason: "Semester" }),
        ]),
      );
      expect(report.written).toBe(false);
      expect(report.problems).toEqual([
        {
          line: 3,
          column: "Kön",
          message: expect.stringMatching(/^Okänd kod för kön: "Okänt". Använd någon av: Kvinna/),
        },
        { line: 3, column: "Avslutsorsak", message: expect.stringContaining('Okänd kod för avslutsorsak: "Semester"') },
      ]);
    });
  });

  test("dates out of order or in the future are refused", async () => {
    await expectNothingWritten(async () => {
      const report = await importText(
        csv([
          headers("participants"),
          participant("D-1", { enrolledAt: "2015-01-10", exitedAt: "2014-12-31" }),
          participant("D-2", {
            enrolledAt: "2026-06-16",
            exitedAt: "",
            exitReason: "",
            exitOccupation: "",
            exitIncome: "",
          }),
          participant("D-3", { enrolledAt: "2014-02-30" }),
        ]),
      );
      expect(report.problems).toEqual([
        { line: 2, column: "Avslutsdatum", message: "Avslutsdatum kan inte ligga före inskrivningen (2015-01-10)." },
        { line: 3, column: "Inskrivningsdatum", message: "Inskrivningsdatum kan inte ligga i framtiden." },
        { line: 4, column: "Inskrivningsdatum", message: expect.stringContaining("ÅÅÅÅ-MM-DD") },
      ]);
    });
  });

  test("a placement before the enrolment or after the exit is refused", async () => {
    await importText(csv([headers("participants"), participant("O-1")]));
    await expectNothingWritten(async () => {
      const report = await importText(
        csv([
          headers("placements"),
          row("placements", { participantRef: "O-1", startDate: "2014-01-01" }),
          row("placements", { participantRef: "O-1", startDate: "2015-07-01" }),
        ]),
      );
      expect(report.problems).toEqual([
        { line: 2, column: "Startdatum", message: "Starten kan inte ligga före inskrivningen (2014-03-03)." },
        { line: 3, column: "Startdatum", message: "Starten kan inte ligga efter avslutet (2015-06-30)." },
      ]);
    });
  });

  test("a 50 MB file is refused before it is read", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "brygga-import-test-"));
    const big = path.join(dir, "stor.csv");
    fs.writeFileSync(big, "");
    fs.truncateSync(big, 50 * 1024 * 1024); // sparse: no 50 MB written or read
    try {
      await expectNothingWritten(async () => {
        const result = await readImportFileFromDisk(big);
        expect(!result.ok && result.message).toBe(
          "Filen är för stor (50 MB): högst 10 MB. Dela upp den i flera filer.",
        );
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // The server refuses such an upload from its Content-Length, before reading the body.
    const refusal = checkRequest({
      method: "POST",
      path: "/admin/import",
      headers: { "content-length": String(50 * 1024 * 1024), "content-type": "multipart/form-data; boundary=x" },
      appUrl: TEST_ORIGIN,
    });
    expect(refusal).toEqual({ status: 413, message: "Filen är för stor: högst 10 MB. Dela upp den i flera filer." });
  });
});

describe("employers, placements and employer contacts", () => {
  test("employers with workplaces, then placements and contacts; a second run updates", async () => {
    await importText(csv([headers("participants"), participant("E-1"), participant("E-2", { gender: "Man" })]));
    const employers = csv([
      headers("employers"),
      row("employers", {
        orgNumber: "212000-0142",
        name: "Region Exempel",
        sector: "Offentlig",
        workplace: "Sjukhuset",
      }),
      row("employers", {
        orgNumber: "212000-0142",
        name: "Region Exempel",
        sector: "Offentlig",
        workplace: "Vårdcentralen",
      }),
      row("employers", {
        orgNumber: "802000-1114",
        name: "Föreningen",
        sector: "Idéburen",
        workplace: "",
        street: "",
        postalCode: "",
      }),
    ]);
    expect(await importText(employers)).toMatchObject({ created: 2, updated: 0, written: true, problems: [] });
    const region = await db.employer.findUniqueOrThrow({
      where: { orgNumber: "212000-0142" },
      include: { workplaces: true },
    });
    expect(region).toMatchObject({ sector: "public", organizationId: world.organization.id });
    expect(region.workplaces.map((w) => w.name).sort()).toEqual(["Sjukhuset", "Vårdcentralen"]);

    const placements = csv([
      headers("placements"),
      row("placements", {
        participantRef: "E-1",
        orgNumber: "212000-0142",
        startDate: "2014-09-01",
        endDate: "2015-06-30",
      }),
      row("placements", {
        participantRef: "E-2",
        kind: "Praktikplats",
        employmentSupport: "",
        orgNumber: "556036-0793",
        startDate: "2014-05-01",
        endDate: "2014-06-01",
        hours: "15",
      }),
    ]);
    expect(await importText(placements)).toMatchObject({ created: 2, updated: 0, written: true, problems: [] });
    const e1 = await db.participant.findFirstOrThrow({
      where: { externalRef: "E-1" },
      include: { placements: { include: { opening: true } } },
    });
    expect(e1.placements).toHaveLength(1);
    expect(e1.placements[0]!.startDate.toISOString().slice(0, 10)).toBe("2014-09-01");
    expect(e1.placements[0]!.opening).toMatchObject({
      kind: "job",
      status: "closed",
      employmentSupport: "none",
      competitive: true,
    });
    // An employer not in Brygga yet is created from the row.
    expect(await db.employer.findUnique({ where: { orgNumber: "556036-0793" } })).toMatchObject({
      name: "Exempel AB",
      sector: "private",
    });

    const contacts = csv([
      headers("contacts"),
      row("contacts", { coachEmail: world.coach.email!, participantRef: "E-1", orgNumber: "212000-0142" }),
      row("contacts", {
        coachEmail: world.coach.email!,
        participantRef: "",
        orgNumber: "802000-1114",
        kind: "Telefonsamtal",
      }),
    ]);
    expect(await importText(contacts)).toMatchObject({ created: 2, updated: 0, written: true, problems: [] });

    const before = await counts();
    expect(await importText(employers)).toMatchObject({ created: 0, updated: 2, written: true });
    expect(await importText(placements)).toMatchObject({ created: 0, updated: 2, written: true });
    expect(await importText(contacts)).toMatchObject({ created: 0, updated: 2, written: true });
    const after = await counts();
    expect({ ...after, audit: 0 }).toEqual({ ...before, audit: 0 });
    expect(await db.opening.count({ where: { employerId: region.id } })).toBe(1);
  });
});

describe("the admin page", () => {
  function upload(cookie: string, file: { name: string; content: string | Uint8Array }, kind = "") {
    const form = new FormData();
    form.set(
      "file",
      new File([typeof file.content === "string" ? file.content : Buffer.from(file.content)], file.name),
    );
    form.set("kind", kind);
    const request = new Request(`${TEST_ORIGIN}/admin/import`, {
      method: "POST",
      body: form,
      headers: { Cookie: cookie },
    });
    return settle(() => importRoute.action({ request, params: {}, context: testContext() } as never));
  }

  test("upload → dry run → confirm imports the file; the notice says what was written", async () => {
    const cookie = await sessionCookieFor(world.admin.id);
    expect((await load(importRoute, "/admin/import", cookie)).status).toBe(200);
    const before = await counts();
    const checked = await upload(cookie, {
      name: "deltagare.csv",
      content: csv([headers("participants"), participant("W-1"), participant("W-2")]),
    });
    expect(checked.status).toBe(200);
    const value = checked.value as { ok: true; token: string; report: { created: number; summary: string } };
    expect(value.report.created).toBe(2);
    expect(value.report.summary).toContain("Provkörning");
    expect(await counts()).toEqual(before);

    // Another organisation's admin cannot use the token.
    const otherCookie = await sessionCookieFor(other.admin.id);
    expect((await submit(importRoute, "/admin/import", { token: value.token }, otherCookie)).status).toBe(404);
    expect(await counts()).toEqual(before);

    const confirmed = await submit(importRoute, "/admin/import", { token: value.token }, cookie);
    expect(confirmed.status).toBe(302);
    expect(await noticeOf(confirmed)).toBe("deltagare.csv (deltagare): 2 rader importerade: 2 nya och 0 uppdaterade.");
    expect((await counts()).participants).toBe(before.participants + 2);
    // The token is used up.
    expect((await submit(importRoute, "/admin/import", { token: value.token }, cookie)).status).toBe(404);
  });

  test("a file with problems shows them and cannot be confirmed", async () => {
    const cookie = await sessionCookieFor(world.admin.id);
    const checked = await upload(cookie, {
      name: "fel.csv",
      content: csv([headers("participants"), participant("F-1", { gender: "?" })]),
    });
    expect(checked.status).toBe(400);
    const value = checked.value as { ok: false; message: string; report: { problems: unknown[] } };
    expect(value.message).toBe("1 fel i filen. Inget har skrivits.");
    expect(value.report.problems).toEqual([{ line: 2, column: "Kön", message: expect.stringContaining("Okänd kod") }]);
    expect(value).not.toHaveProperty("token");
  });

  test("coaches, employers and participants may not import or download templates", async () => {
    for (const user of [world.coach, world.employerUser, world.participantUser]) {
      const cookie = await sessionCookieFor(user.id);
      expect((await load(importRoute, "/admin/import", cookie)).status).toBe(403);
      expect(
        (await upload(cookie, { name: "a.csv", content: csv([headers("participants"), participant("Z-1")]) })).status,
      ).toBe(403);
      expect(
        (await load(templateRoute, "/admin/import/mall/deltagare.csv", cookie, { file: "deltagare.csv" })).status,
      ).toBe(403);
    }
    expect(await db.participant.count({ where: { externalRef: "Z-1" } })).toBe(0);
  });

  test("templates: CSV with BOM, header and example row; Excel; an unknown template is a 404", async () => {
    const cookie = await sessionCookieFor(world.admin.id);
    const csvResult = await load(templateRoute, "/admin/import/mall/deltagare.csv", cookie, { file: "deltagare.csv" });
    const raw = new Uint8Array(await csvResult.response!.arrayBuffer());
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte order mark
    const text = new TextDecoder().decode(raw);
    expect(text.startsWith("Extern referens;Pseudonym;Kön;")).toBe(true);
    expect(text.split("\r\n")[1]).toMatch(/^P-2014-001;A\.K\.;Kvinna;1988;/);
    const xlsx = await load(templateRoute, "/admin/import/mall/placeringar.xlsx", cookie, { file: "placeringar.xlsx" });
    const table = await readImportFile(new Uint8Array(await xlsx.response!.arrayBuffer()), "mall.xlsx");
    expect(table.ok && table.headers).toEqual(headers("placements"));
    expect((await load(templateRoute, "/admin/import/mall/okand.csv", cookie, { file: "okand.csv" })).status).toBe(404);
  });

  test("an admin without the right role gets 403 even with a session; another role cannot confirm", async () => {
    const coach2 = await createUser("coach", { organizationId: world.organization.id });
    const cookie = await sessionCookieFor(coach2.id);
    expect((await submit(importRoute, "/admin/import", { token: "0".repeat(32) }, cookie)).status).toBe(403);
  });
});

describe("npm run import", () => {
  /** `npm run import`: through tsx as npm starts it when asked, otherwise the script compiled for the run. */
  const cli = (args: string[], options: { viaTsx?: boolean } = {}) => runCli("import", args, options);

  test(
    "a dry run prints what would be written; a bad file prints each problem, exits 2 and writes nothing",
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "brygga-import-cli-"));
      try {
        const good = path.join(dir, "deltagare.csv");
        fs.writeFileSync(good, csv([headers("participants"), participant("CLI-1")]));
        const before = await counts();
        const dry = await cli(["--org", world.organization.id, "--file", good, "--dry-run"], { viaTsx: true });
        expect(dry).toMatchObject({ code: 0 });
        expect(dry.stdout).toContain(
          "deltagare.csv (deltagare): 1 rader utan fel. Provkörning: 1 nya och 0 uppdaterade skulle skrivas.",
        );

        const bad = path.join(dir, "fel.csv");
        fs.writeFileSync(bad, csv([headers("participants"), participant("CLI-2", { gender: "?" })]));
        const refused = await cli(["--org", world.organization.name, "--file", bad]);
        expect(refused.code).toBe(2);
        expect(refused.stderr).toContain("fel.csv (deltagare): 1 fel. Inget har skrivits.");
        expect(refused.stderr).toContain('rad 2, kolumn Kön: Okänd kod för kön: "?"');
        expect(await counts()).toEqual(before);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    SUBPROCESS_TEST_TIMEOUT_MS,
  );
});
