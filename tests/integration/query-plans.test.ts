// The hot queries keep their plan whatever the planner statistics say (issue 16, item 1;
// docs/decisions/0017-query-plans-and-geo-tokens.md). A national-looking dataset (the
// benchmark's generator at a small size, skewed like the real thing: a big organisation, a few
// employers with many openings, many proposals, messages and audit events) is loaded; every hot
// operation runs once while the statements Prisma sends to SQLite are captured; then each statement
// is explained (EXPLAIN QUERY PLAN) on a fresh connection without sqlite_stat1 and again after
// ANALYZE. A full scan of a large table fails the test, and so does a search by a low-cardinality
// column alone (`status = ?`: every published opening).
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { generateDataset } from "../../bench/generate.ts";
import { databaseFile } from "../../app/utils/database-url.ts";
import { db } from "../../app/utils/db.server.ts";
import { correctUniqueIndexStatistics } from "../../app/utils/db-maintenance.server.ts";
import { captureQueries } from "../../app/utils/sqlite-adapter.server.ts";
import { matchOpeningsForParticipant, matchParticipantsForOpening } from "../../app/utils/matching.server.ts";
import { searchPublishedOpenings } from "../../app/utils/openings.server.ts";
import { getSearchEngine, suggestVocabulary } from "../../search/index.ts";
import { reindexOpenings } from "../../search/sqlite/engine.ts";
import { loader as coachHome } from "../../app/routes/coach/home.tsx";
import { loader as employerHome } from "../../app/routes/employer/home.tsx";
import { loader as participantHome } from "../../app/routes/participant/home.tsx";
import { loader as participantMatches } from "../../app/routes/coach/participant-matches.tsx";
import { loader as openingSearch } from "../../app/routes/openings/search.tsx";
import { createUser } from "../support/factories.ts";
import { getRequest, sessionCookieFor, settle, testContext } from "../support/requests.ts";

const NOW = new Date("2027-03-10T09:00:00Z");

/** Tables that grow with the country or with use: never scanned whole on a hot path. */
const LARGE_TABLES = new Set([
  "Opening",
  "OpeningEvent",
  "Participant",
  "Profile",
  "Proposal",
  "Placement",
  "Thread",
  "Message",
  "ThreadRead",
  "AuditEvent",
  "Employer",
  "Workplace",
  "User",
  "Session",
  "EmployerContact",
  "EmailOutbox",
  "SearchOutbox",
  "opening_search",
]);
/** Columns with a handful of values: an index search on them alone reads a large share of the table. */
const LOW_CARDINALITY = new Set(["status", "phase", "kind", "role"]);
/**
 * Full index walks that stop early: newest first with a LIMIT (browsing without text or place:
 * the page is the first rows of the index).
 */
const ALLOWED_WALKS = new Set(["opening_search_published"]);
/**
 * The one deliberate scan: "Sök uppdrag" without words or filters shows how many openings are
 * published in the whole country, which is a count of the (narrow) side table.
 */
const isCountryCount = (q: Captured) =>
  q.operation === "opening search, browse" &&
  q.sql.startsWith("SELECT COUNT(*) AS total") &&
  !/WHERE.*(MATCH|lat|municipality|kind)/.test(q.sql);

type Captured = { operation: string; sql: string; args: unknown[] };

const KEYWORDS = new Set(
  "WHERE JOIN LEFT INNER CROSS OUTER ON ORDER GROUP LIMIT USING AS SET VALUES WITH UNION AND OR NOT INDEXED".split(" "),
);

/** alias → table for the tables named in a statement (Prisma writes `"main"."Opening"`, raw SQL `Opening o`). */
function aliases(sql: string): Map<string, string> {
  const map = new Map<string, string>();
  const re = /\b(?:FROM|JOIN|UPDATE|INTO)\s+(?:"?main"?\.)?"?(\w+)"?(?:\s+(?:AS\s+)?"?(\w+)"?)?/gi;
  for (const m of sql.matchAll(re)) {
    const table = m[1]!;
    map.set(table, table);
    const alias = m[2];
    if (alias && !KEYWORDS.has(alias.toUpperCase())) map.set(alias, table);
  }
  return map;
}

function sqliteValue(value: unknown): unknown {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value);
  return value;
}

/** The problems in one statement's plan (empty when it is fine). */
function planProblems(sqlite: Database.Database, q: Captured): string[] {
  const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.args.map(sqliteValue)) as Array<{
    detail: string;
  }>;
  const names = aliases(q.sql);
  const problems: string[] = [];
  for (const { detail } of rows) {
    const scan = /^SCAN (?:main\.)?(\w+)(?: USING (?:COVERING )?INDEX (\w+))?/.exec(detail);
    if (scan) {
      const table = names.get(scan[1]!) ?? scan[1]!;
      if (LARGE_TABLES.has(table) && !(scan[2] && ALLOWED_WALKS.has(scan[2])) && !isCountryCount(q))
        problems.push(detail);
    }
    const search = /^SEARCH (?:main\.)?(\w+) USING (?:COVERING )?INDEX \w+ \(([^)]*)\)$/.exec(detail);
    if (search) {
      const table = names.get(search[1]!) ?? search[1]!;
      const columns = search[2]!.split(" AND ").map((c) => c.replace(/[=<>?].*$/, "").trim());
      if (LARGE_TABLES.has(table) && columns.every((c) => LOW_CARDINALITY.has(c))) problems.push(detail);
    }
  }
  return problems;
}

/** The statement from its first FROM on (Prisma lists every column first), on one line. */
const shorten = (sql: string) => {
  const flat = sql.replace(/\s+/g, " ");
  const from = flat.search(/ FROM /i);
  return (from > 0 ? `SELECT … ${flat.slice(from + 1)}` : flat).slice(0, 700);
};

const STATEMENT = /^\s*(SELECT|WITH|INSERT|UPDATE|DELETE)\b/i;

let file: string;
const captured: Captured[] = [];

async function capture(operation: string, run: () => Promise<unknown>): Promise<void> {
  const { queries } = await captureQueries(run);
  for (const q of queries) if (STATEMENT.test(q.sql)) captured.push({ operation, sql: q.sql, args: q.args });
}

function fill(sqlite: Database.Database, bigOrganizationId: string): void {
  const iso = (d: Date) => d.toISOString();
  const ids = (sql: string, ...args: unknown[]) =>
    (sqlite.prepare(sql).all(...args) as Array<{ id: string }>).map((r) => r.id);
  const openings = ids("SELECT id FROM Opening WHERE status = 'published' ORDER BY id LIMIT 3000");
  const participants = ids("SELECT id FROM Participant WHERE organizationId = ? ORDER BY id", bigOrganizationId);
  const employers = ids("SELECT id FROM Employer ORDER BY id LIMIT 800");
  const organizations = ids("SELECT id FROM Organization ORDER BY id");
  const user = sqlite.prepare(
    "INSERT INTO User (id, name, role, organizationId, employerId) VALUES (?, 'Användare', ?, ?, ?)",
  );
  const statuses = ["proposed", "presented", "declined", "expired", "accepted_by_employer", "withdrawn"];
  const proposal = sqlite.prepare(
    "INSERT INTO Proposal (id, participantId, openingId, score, status, proposedAt, expiresAt) VALUES (?, ?, ?, 70, ?, ?, ?)",
  );
  const thread = sqlite.prepare(
    "INSERT INTO Thread (id, kind, employerId, organizationId, subject, status, createdAt, lastMessageAt) VALUES (?, 'question', ?, ?, 'Fråga', ?, ?, ?)",
  );
  const message = sqlite.prepare("INSERT INTO Message (id, threadId, body, createdAt) VALUES (?, ?, 'Hej', ?)");
  const placement = sqlite.prepare(
    "INSERT INTO Placement (id, participantId, openingId, kind, startDate, status, supportIntensity, createdAt) VALUES (?, ?, ?, 'internship', ?, ?, 'weekly', ?)",
  );
  const event = sqlite.prepare(
    "INSERT INTO AuditEvent (id, participantId, action, entity, at) VALUES (?, ?, 'read', 'participant', ?)",
  );
  sqlite.transaction(() => {
    for (let i = 0; i < 6000; i++) {
      const at = new Date(NOW.getTime() - (i % 90) * 86_400_000);
      proposal.run(
        `pp${i}`,
        participants[i % participants.length],
        openings[(i * 7) % openings.length],
        statuses[i % statuses.length],
        iso(at),
        iso(new Date(at.getTime() + 14 * 86_400_000)),
      );
    }
    for (let i = 0; i < 2000; i++) {
      const at = iso(new Date(NOW.getTime() - i * 3_600_000));
      const organizationId = i % 4 === 0 ? bigOrganizationId : organizations[i % organizations.length];
      thread.run(`pt${i}`, employers[i % employers.length], organizationId, i % 3 ? "closed" : "open", at, at);
      for (let j = 0; j < 4; j++) message.run(`pm${i}-${j}`, `pt${i}`, at);
    }
    for (let i = 0; i < 4000; i++) {
      const at = iso(new Date(NOW.getTime() - (i % 400) * 86_400_000));
      placement.run(
        `pl${i}`,
        participants[(i * 3) % participants.length],
        openings[(i * 11) % openings.length],
        at,
        i % 3 ? "ended" : "follow_up",
        at,
      );
    }
    // Staff and employer users across the country (the User table is large in production too).
    for (let i = 0; i < 4000; i++)
      if (i % 2) user.run(`pu${i}`, "coach", organizations[i % organizations.length], null);
      else user.run(`pu${i}`, "employer", null, employers[i % employers.length]);
    for (let i = 0; i < 20_000; i++)
      event.run(`pa${i}`, participants[i % participants.length], iso(new Date(NOW.getTime() - i * 60_000)));
  })();
}

beforeAll(async () => {
  file = databaseFile(process.env.DATABASE_URL!);
  const dataset = generateDataset(file, {
    openings: 6000,
    participants: 1500,
    organizations: 40,
    bigOrganizationSize: 600,
    seed: "query-plans",
    now: NOW,
  });
  const sqlite = new Database(file);
  fill(sqlite, dataset.bigOrganizationId);
  sqlite.close();

  const engine = getSearchEngine(db);
  await reindexOpenings(db);

  const org = dataset.bigOrganizationId;
  const coach = await createUser("coach", { organizationId: org });
  const [busiest] = await db.$queryRawUnsafe<Array<{ employerId: string }>>(
    "SELECT employerId FROM Opening GROUP BY employerId ORDER BY COUNT(*) DESC, employerId LIMIT 1",
  );
  const employerUser = await createUser("employer", { employerId: busiest!.employerId });
  const participants = await db.participant.findMany({
    where: { organizationId: org, phase: { not: "exited" } },
    orderBy: { id: "asc" },
    take: 300,
    select: { id: true },
  });
  await db.participant.updateMany({
    where: { id: { in: participants.map((p) => p.id) } },
    data: { coachId: coach.id },
  });
  const participantUser = await createUser("participant", { organizationId: undefined });
  const someone = participants[0]!.id;
  await db.participant.update({ where: { id: someone }, data: { userId: participantUser.id } });
  const openingIds = (
    await db.opening.findMany({
      where: { status: "published" },
      orderBy: { id: "asc" },
      take: 500,
      select: { id: true },
    })
  ).map((o) => o.id);

  const coachCookie = await sessionCookieFor(coach.id);
  const employerCookie = await sessionCookieFor(employerUser.id);
  const participantCookie = await sessionCookieFor(participantUser.id);
  const load = (loader: (args: never) => Promise<unknown>, path: string, cookie: string, params = {}) =>
    settle(() => loader({ request: getRequest(path, cookie), params, context: testContext() } as never)).then((r) => {
      expect(r.status, path).toBe(200);
    });

  await capture("opening search, text", () => searchPublishedOpenings({ text: "lager" }));
  await capture("opening search, text and municipality", () =>
    searchPublishedOpenings({ text: "städ", filters: { municipalityCodes: ["0180"] } }),
  );
  await capture("opening search, municipality only", () =>
    searchPublishedOpenings({ filters: { municipalityCodes: ["1480"] } }),
  );
  await capture("opening search, browse", () => searchPublishedOpenings({}));
  await capture("opening search page", () => load(openingSearch, "/uppdrag?q=lager", coachCookie));
  for (const p of participants.slice(0, 12))
    await capture("match candidates and loading them", () =>
      matchOpeningsForParticipant(p.id, { organizationId: org, now: NOW }),
    );
  await capture("coach match page", () =>
    load(participantMatches, `/coach/deltagare/${someone}/matchning`, coachCookie, { participantId: someone }),
  );
  for (const id of openingIds.slice(0, 5))
    await capture("reverse matching", () => matchParticipantsForOpening(id, { organizationId: org, now: NOW }));
  // A batch small against the tables, as the reindex's 500 are against a country's 15,000 employers.
  await capture("reindex batch", () => db.$transaction((tx) => engine.syncOpenings(tx, openingIds.slice(0, 60))));
  await capture("autocomplete", () => suggestVocabulary(db, "lagerarb", { kind: "occupation", limit: 10 }));
  await capture("coach home", () => load(coachHome, "/coach", coachCookie));
  await capture("employer home", () => load(employerHome, "/arbetsgivare", employerCookie));
  await capture("participant home", () => load(participantHome, "/deltagare", participantCookie));
}, 120_000);

describe("query plans of the hot paths", () => {
  it("recognises the plans issue 16 found (a self-check of this test)", () => {
    const sqlite = new Database(":memory:");
    try {
      sqlite.exec(`CREATE TABLE Opening (id TEXT PRIMARY KEY, status TEXT, title TEXT);
        CREATE INDEX Opening_status_idx ON Opening (status);`);
      const ids = ["a", "b", "c", "d", "e"];
      const byStatus: Captured = {
        operation: "self-check",
        sql: `SELECT id FROM "main"."Opening" WHERE ("main"."Opening"."id" IN (?,?,?,?,?) AND "main"."Opening"."status" = ?)`,
        args: [...ids, "published"],
      };
      const scan: Captured = {
        operation: "self-check",
        sql: "SELECT id FROM Opening o WHERE o.title = ?",
        args: ["x"],
      };
      const byKey: Captured = {
        ...byStatus,
        sql: `SELECT id FROM "main"."Opening" WHERE "main"."Opening"."id" IN (?,?,?,?,?)`,
        args: ids,
      };
      expect(planProblems(sqlite, byStatus)).toEqual([expect.stringMatching(/Opening_status_idx \(status=\?\)/)]);
      expect(planProblems(sqlite, scan)).toEqual([expect.stringMatching(/^SCAN o/)]);
      expect(planProblems(sqlite, byKey)).toEqual([]);
    } finally {
      sqlite.close();
    }
  });

  it("captured the statements of every hot operation", () => {
    const operations = new Set(captured.map((q) => q.operation));
    expect([...operations].sort()).toEqual(
      [
        "opening search, text",
        "opening search, text and municipality",
        "opening search, municipality only",
        "opening search, browse",
        "opening search page",
        "match candidates and loading them",
        "coach match page",
        "reverse matching",
        "reindex batch",
        "autocomplete",
        "coach home",
        "employer home",
        "participant home",
      ].sort(),
    );
  });

  it.each([
    ["without planner statistics", false],
    ["after ANALYZE (with the unique-index correction of optimizeDatabase)", true],
  ])("never scans a large table %s", (_label, analyzed) => {
    const writer = new Database(file);
    if (analyzed) {
      writer.exec("ANALYZE");
      correctUniqueIndexStatistics(writer); // what optimizeDatabase does after its ANALYZE
    } else if (writer.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").get())
      writer.exec("DELETE FROM sqlite_stat1");
    writer.close();
    // A fresh connection reads the statistics (or their absence) when it opens.
    const sqlite = new Database(file, { readonly: true });
    try {
      const hasStats = Boolean(
        sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").get() &&
        sqlite.prepare("SELECT 1 FROM sqlite_stat1 LIMIT 1").get(),
      );
      expect(hasStats).toBe(analyzed);
      const problems = [
        ...new Set(
          captured.flatMap((q) => planProblems(sqlite, q).map((p) => `${q.operation}: ${p}\n    ${shorten(q.sql)}`)),
        ),
      ];
      expect(problems).toEqual([]);
    } finally {
      sqlite.close();
    }
  });
});
