// The demo data (prisma/seed): realistic counts, real reference data, valid organisation numbers,
// no diagnosis anywhere, idempotent, and deterministic across two fresh databases.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { accommodations } from "~/domain/vocab/accommodations.ts";
import { environmentDimensions, instructionStyles } from "~/domain/vocab/environment.ts";
import { openingKinds } from "~/domain/vocab/openings.ts";
import { scheduleTimes } from "~/domain/vocab/schedule.ts";
import { isValidOrgNumber } from "~/domain/org-number.ts";
import { db, type Db } from "~/utils/db.server.ts";
import { PrismaClient } from "../../prisma/generated/client.ts";
import { DEMO_ACCOUNTS, DEMO_EMPLOYER_NAME, DEMO_ORGANIZATION_NAME } from "../../prisma/seed/demo-accounts.ts";
import { seedDemoData } from "../../prisma/seed/index.ts";
import { getSearchEngine } from "../../search/index.ts";

/** A fixed anchor day, so that the two runs of the determinism test write identical rows. */
const NOW = new Date("2026-03-18T09:30:00Z");
const quiet = { log: () => {}, now: NOW };

let firstRun: { skipped: boolean };
let seconds = 0;

beforeAll(async () => {
  const started = performance.now();
  firstRun = await seedDemoData(db, quiet);
  seconds = (performance.now() - started) / 1000;
});

const json = <T>(text: string) => JSON.parse(text) as T;

describe("seedDemoData on an empty database", () => {
  test("writes the region: organisations, staff, employers, openings, participants", async () => {
    expect(firstRun.skipped).toBe(false);
    console.info(`seedDemoData: ${seconds.toFixed(2)} s`);

    const orgs = await db.organization.findMany({ orderBy: { createdAt: "asc" } });
    expect(orgs).toHaveLength(3);
    const coaches = await db.user.findMany({ where: { role: "coach" } });
    expect(coaches.length).toBeGreaterThanOrEqual(10);
    expect(coaches.length).toBeLessThanOrEqual(14);
    for (const c of coaches) {
      expect(c.phone).toBeTruthy();
      expect(c.title).toBeTruthy();
      expect(c.employmentPercent).toBeGreaterThanOrEqual(50);
      expect(c.employmentPercent).toBeLessThanOrEqual(100);
    }
    for (const org of orgs) {
      expect(await db.user.count({ where: { role: "admin", organizationId: org.id } })).toBe(1);
    }

    const employers = await db.employer.findMany({ include: { users: true, workplaces: true, contactCoach: true } });
    expect(employers.length).toBeGreaterThanOrEqual(55);
    expect(employers.length).toBeLessThanOrEqual(65);
    expect(new Set(employers.map((e) => e.sector))).toEqual(new Set(["public", "private", "non_profit"]));
    for (const e of employers) {
      expect(e.users.length).toBeGreaterThanOrEqual(1);
      expect(e.users.length).toBeLessThanOrEqual(3);
      expect(e.users.every((u) => u.role === "employer")).toBe(true);
      expect(e.workplaces.length).toBeGreaterThanOrEqual(1);
      expect(e.workplaces.length).toBeLessThanOrEqual(3);
      // The contact coach belongs to the organisation the employer is linked to.
      expect(e.contactCoach?.role).toBe("coach");
      expect(e.contactCoach?.organizationId).toBe(e.organizationId);
    }

    const openings = await db.opening.findMany({ include: { events: true } });
    expect(openings.length).toBeGreaterThanOrEqual(230);
    expect(openings.length).toBeLessThanOrEqual(270);
    expect(new Set(openings.map((o) => o.kind))).toEqual(new Set(openingKinds.codes));
    const published = openings.filter((o) => o.status === "published");
    expect(published.length / openings.length).toBeGreaterThan(0.6);
    expect(new Set(openings.map((o) => o.status))).toEqual(new Set(["draft", "published", "filled", "closed"]));
    for (const o of openings) {
      expect(o.events.some((e) => e.action === "created")).toBe(true);
      if (o.status !== "draft") expect(o.events.some((e) => e.action === "published")).toBe(true);
    }

    const participants = await db.participant.findMany({
      include: { profile: true, consents: true, phaseChanges: true, coach: true },
    });
    expect(participants.length).toBeGreaterThanOrEqual(90);
    expect(participants.length).toBeLessThanOrEqual(110);
    for (const p of participants) {
      expect(p.profile, p.pseudonym).not.toBeNull();
      expect(p.consents.some((c) => c.scope === "brygga" && c.given)).toBe(true);
      expect(p.phaseChanges.length).toBeGreaterThanOrEqual(1);
      expect(p.phaseChanges.some((c) => c.toPhase === p.phase)).toBe(true);
      expect(p.coach?.organizationId).toBe(p.organizationId);
    }
    const withStatistics = participants.filter((p) => p.consents.some((c) => c.scope === "statistics" && c.given));
    expect(withStatistics.length / participants.length).toBeGreaterThan(0.7);
    expect(participants.some((p) => p.userId && p.email)).toBe(true);
    expect(participants.some((p) => !p.email)).toBe(true);

    expect(await db.proposal.count()).toBeGreaterThan(20);
    expect(
      new Set((await db.proposal.findMany({ select: { status: true } })).map((p) => p.status)).size,
    ).toBeGreaterThanOrEqual(5);
    const placements = await db.placement.findMany({ include: { thread: { include: { messages: true } } } });
    expect(placements.length).toBeGreaterThan(3);
    for (const pl of placements) expect(pl.thread?.messages.length).toBeGreaterThan(0);
    expect(await db.thread.count({ where: { kind: "question" } })).toBeGreaterThan(3);
    expect(await db.employerContact.count()).toBeGreaterThan(50);
    expect(await db.meeting.count()).toBeGreaterThan(0);
  });

  test("uses real reference data: occupations, skills, municipalities and postal codes of county 06", async () => {
    const openings = await db.opening.findMany({
      include: { occupation: true, workplace: { include: { municipality: true } } },
    });
    const skills = new Set((await db.skill.findMany({ select: { id: true } })).map((s) => s.id));
    const noEducation = openings.filter((o) => o.occupation.noEducationRequired).length;
    expect(noEducation / openings.length).toBeGreaterThan(0.5);
    for (const o of openings) {
      expect(o.occupation.id).toBe(o.occupationId);
      expect(o.workplace.municipality.countyCode).toBe("06");
      for (const id of json<string[]>(o.skillIds)) expect(skills.has(id), id).toBe(true);
    }
    const workplaces = await db.workplace.findMany({ include: { municipality: true } });
    for (const w of workplaces) {
      expect(w.municipality.countyCode).toBe("06");
      const postal = await db.postalCode.findUnique({ where: { code: w.postalCode } });
      expect(postal?.municipalityCode, w.postalCode).toBe(w.municipalityCode);
      // Coordinates near the municipality's point.
      expect(Math.abs(w.lat - w.municipality.lat)).toBeLessThan(0.2);
      expect(Math.abs(w.lng - w.municipality.lng)).toBeLessThan(0.3);
    }
    const participants = await db.participant.findMany({ include: { municipality: true, profile: true } });
    const occupationIds = new Set((await db.occupation.findMany({ select: { id: true } })).map((o) => o.id));
    for (const p of participants) {
      expect(p.municipality?.countyCode).toBe("06");
      for (const id of json<{ occupationIds: string[] }>(p.profile!.interests).occupationIds)
        expect(occupationIds.has(id)).toBe(true);
    }
  });

  test("every organisation number is valid, unique and written NNNNNN-NNNN", async () => {
    const numbers = (await db.employer.findMany({ select: { orgNumber: true } })).map((e) => e.orgNumber!);
    for (const n of numbers) {
      expect(n).toMatch(/^\d{6}-\d{4}$/);
      expect(isValidOrgNumber(n), n).toBe(true);
    }
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  test("openings are well-formed: hours, schedule, environment and accommodations in the vocabularies", async () => {
    for (const o of await db.opening.findMany()) {
      expect(o.hoursMin).toBeGreaterThanOrEqual(1);
      expect(o.hoursMax).toBeLessThanOrEqual(40);
      expect(o.hoursMin).toBeLessThanOrEqual(o.hoursMax);
      expect(json<string[]>(o.tasks).length).toBeGreaterThan(0);
      const schedule = json<{ times: string[]; startFlexible: boolean }>(o.schedule);
      expect(Object.keys(schedule).sort()).toEqual(["startFlexible", "times"]);
      for (const t of schedule.times) expect(scheduleTimes.codes).toContain(t);
      const env = json<Record<string, unknown>>(o.environment);
      for (const [key, value] of Object.entries(env)) {
        if (key === "instructions") for (const i of value as string[]) expect(instructionStyles.codes).toContain(i);
        else
          expect(
            (environmentDimensions as Record<string, { codes: readonly string[] } | undefined>)[key]?.codes,
          ).toContain(value);
      }
      for (const code of json<string[]>(o.accommodationsOffered)) expect(accommodations.codes).toContain(code);
      if (o.kind === "job") expect(o.employmentSupport).toBeTruthy();
      else expect(o.employmentSupport).toBeNull();
      if (o.kind === "practice") {
        expect(o.purpose).toBeTruthy();
        expect(o.lengthWeeks).toBeGreaterThanOrEqual(4);
        expect(o.lengthWeeks).toBeLessThanOrEqual(12);
      }
      if (o.status === "published" && o.endDate) expect(o.endDate.getTime()).toBeGreaterThan(NOW.getTime());
    }
  });

  test("published openings are in the search index", async () => {
    const published = await db.opening.count({ where: { status: "published" } });
    const all = await getSearchEngine(db).searchOpenings({ limit: 1 });
    expect(all.total).toBe(published);
    const lager = await getSearchEngine(db).searchOpenings({ text: "lager", limit: 5 });
    expect(lager.hits.length).toBeGreaterThan(0);
  });

  test("the demo accounts exist, one per role, wired as the start page describes", async () => {
    expect(DEMO_ACCOUNTS.map((a) => a.role).sort()).toEqual(["admin", "coach", "employer", "participant"]);
    const users = new Map<string, Awaited<ReturnType<typeof db.user.findUnique>>>();
    for (const a of DEMO_ACCOUNTS) {
      const user = await db.user.findUnique({ where: { email: a.email } });
      expect(user?.role, a.email).toBe(a.role);
      expect(user?.name).toBe(a.name);
      expect(a.description.length).toBeGreaterThan(20);
      users.set(a.role, user);
    }
    const firstOrg = await db.organization.findFirstOrThrow({ where: { name: DEMO_ORGANIZATION_NAME } });
    expect(users.get("admin")!.organizationId).toBe(firstOrg.id);
    const coach = users.get("coach")!;
    expect(coach.organizationId).toBe(firstOrg.id);

    const employer = await db.employer.findUniqueOrThrow({ where: { id: users.get("employer")!.employerId! } });
    expect(employer.name).toBe(DEMO_EMPLOYER_NAME);
    expect(employer.organizationId).toBe(firstOrg.id);
    expect(employer.contactCoachId).toBe(coach.id);
    expect(await db.opening.count({ where: { employerId: employer.id, status: "published" } })).toBeGreaterThanOrEqual(
      3,
    );
    expect(
      await db.proposal.count({ where: { status: "presented", opening: { employerId: employer.id } } }),
    ).toBeGreaterThanOrEqual(1);

    const participant = await db.participant.findUniqueOrThrow({ where: { userId: users.get("participant")!.id } });
    expect(participant.coachId).toBe(coach.id);
    expect(
      await db.proposal.count({ where: { participantId: participant.id, status: "proposed" } }),
    ).toBeGreaterThanOrEqual(1);
    expect(await db.placement.count({ where: { participantId: participant.id } })).toBe(1);
    expect(await db.participant.count({ where: { coachId: coach.id } })).toBeGreaterThanOrEqual(8);
  });

  test("no column and no JSON key anywhere is named like 'diagnos', and no text mentions it", async () => {
    const tables = await db.$queryRawUnsafe<Array<{ name: string }>>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%'",
    );
    const offenders: string[] = [];
    const walk = (value: unknown, where: string) => {
      if (typeof value === "string") {
        if (/diagnos/i.test(value)) offenders.push(`${where}: ${value.slice(0, 60)}`);
        if (/^[[{]/.test(value)) {
          try {
            walk(JSON.parse(value), where);
          } catch {
            // not JSON
          }
        }
      } else if (Array.isArray(value)) value.forEach((v) => walk(v, where));
      else if (value && typeof value === "object") {
        for (const [k, v] of Object.entries(value)) {
          if (/diagnos/i.test(k)) offenders.push(`${where}.${k}`);
          walk(v, `${where}.${k}`);
        }
      }
    };
    // The seeded tables, not the reference data (the taxonomy legitimately names medical occupations).
    const reference = new Set([
      "Municipality",
      "PostalCode",
      "OccupationGroup",
      "Occupation",
      "OccupationSubstitute",
      "Skill",
      "Language",
    ]);
    for (const { name } of tables) {
      const columns = await db.$queryRawUnsafe<Array<{ name: string }>>(`PRAGMA table_info("${name}")`);
      for (const c of columns) if (/diagnos/i.test(c.name)) offenders.push(`${name}.${c.name} (column)`);
      if (reference.has(name) || !/^[A-Z]/.test(name)) continue;
      const rows = await db.$queryRawUnsafe<Array<Record<string, unknown>>>(`SELECT * FROM "${name}"`);
      rows.forEach((row, i) => walk(row, `${name}[${i}]`));
    }
    expect(offenders).toEqual([]);
  });

  test("a second run does nothing", async () => {
    const before = await db.opening.count();
    expect(await seedDemoData(db, quiet)).toEqual({ skipped: true });
    expect(await db.opening.count()).toBe(before);
  });
});

describe("determinism", () => {
  // A second fresh database: another copy of the run's template (tests/setup/global-setup.ts).
  const runDir = inject("testRunDir");
  const file = path.join(runDir, `seed-second-${crypto.randomUUID()}.db`);
  let second: Db;

  beforeAll(() => {
    fs.copyFileSync(path.join(runDir, "template.db"), file);
    second = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) }) as Db;
  });
  afterAll(async () => {
    await second?.$disconnect();
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  });

  async function fingerprint(client: Db) {
    const employers = await client.employer.findMany({ orderBy: { id: "asc" } });
    const openings = await client.opening.findMany({ orderBy: { id: "asc" } });
    const participants = await client.participant.findMany({ orderBy: { id: "asc" }, include: { profile: true } });
    const proposals = await client.proposal.findMany({ orderBy: { id: "asc" } });
    const messages = await client.message.findMany({ orderBy: { id: "asc" } });
    const hash = crypto
      .createHash("sha256")
      .update(JSON.stringify({ employers, openings, participants, proposals, messages }))
      .digest("hex");
    return {
      orgNumbers: employers.map((e) => e.orgNumber),
      titles: openings.map((o) => o.title),
      pseudonyms: participants.map((p) => p.pseudonym),
      hash,
    };
  }

  test("two fresh databases seeded with the same anchor day get identical rows", async () => {
    expect(await seedDemoData(second, quiet)).toEqual({ skipped: false });
    const a = await fingerprint(db);
    const b = await fingerprint(second);
    expect(b.orgNumbers).toEqual(a.orgNumbers);
    expect(b.titles).toEqual(a.titles);
    expect(b.pseudonyms).toEqual(a.pseudonyms);
    expect(b.hash).toBe(a.hash);
  });
});
