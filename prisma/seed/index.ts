// Demo data: a realistic SE/IPS region, Jönköpings län (county 06), for development and demos.
// `npm run seed` runs this file; `npm run setup` (and so `npm start`) calls seedDemoData on every
// start, and it only writes into a database without any Organization.
//
// Deterministic: all content (names, organisation numbers, titles, which rows exist, ids) comes
// from a seeded PRNG (mulberry32, seed SEED in generate.ts) and the reference data. Dates are
// "anchor day + a deterministic number of days": the anchor is the day the seed runs (`now`),
// so that the demo looks current (proposals from the last weeks, meetings next week); pass the
// same `now` and two runs write identical rows. Birth years use a fixed REFERENCE_YEAR (clock.ts).
//
// What it creates: 3 coaching organisations (an admin each, 12 coaches), 60 employers with users
// and workplaces at real postal codes, about 250 openings of all five kinds built on real JobTech
// occupations and skills, 100 participants with vocational profiles, consents, phase history,
// proposals, placements with support threads and meetings, "fråga coachen" threads, the coaches'
// employer-contact log, outcome records, and the demo accounts of demo-accounts.ts.
import { pathToFileURL } from "node:url";
import type { Db } from "../../app/utils/db.server.ts";
import { getSearchEngine } from "../../search/index.ts";
import { DEMO_ACCOUNTS } from "./demo-accounts.ts";
import { COUNTY_CODE, generateDemoData, type ReferenceData, type SeedRows } from "./generate.ts";
import { LANGUAGES, ROLES } from "./catalog.ts";

export { DEMO_ACCOUNTS } from "./demo-accounts.ts";

export type SeedOptions = {
  log: (line: string) => void;
  /** The anchor day for dates (default: today). Same anchor → identical rows. */
  now?: Date;
};

/** Rows per createMany call: well under SQLite's bound-parameter limit for the widest table. */
const CHUNK = 200;

export async function readReferenceData(db: Db): Promise<ReferenceData> {
  const municipalities = await db.municipality.findMany({
    where: { countyCode: COUNTY_CODE },
    select: { code: true, name: true, population: true, lat: true, lng: true },
    orderBy: { code: "asc" },
  });
  const postalCodes = await db.postalCode.findMany({
    where: { municipalityCode: { in: municipalities.map((m) => m.code) } },
    select: { code: true, locality: true, municipalityCode: true },
    orderBy: { code: "asc" },
  });
  const roleOccupationIds = [...new Set(Object.values(ROLES).map((r) => r.occupationId))];
  const occupations = await db.occupation.findMany({
    where: { id: { in: roleOccupationIds } },
    select: { id: true, label: true, ssyk4Code: true },
    orderBy: { id: "asc" },
  });
  const roleSkillIds = [...new Set(Object.values(ROLES).flatMap((r) => r.skillIds as string[]))];
  const skills = await db.skill.findMany({
    where: { id: { in: roleSkillIds } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const languages = await db.language.findMany({
    where: { id: { in: [LANGUAGES.swedish, ...LANGUAGES.others] } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return {
    municipalities,
    postalCodes,
    occupations,
    skillIds: skills.map((s) => s.id),
    languageIds: languages.map((l) => l.id),
  };
}

/**
 * Writes the demo data into an empty database. Does nothing (skipped: true) when the database
 * already has an Organization, so it is safe to call on every start.
 */
export async function seedDemoData(db: Db, o: SeedOptions): Promise<{ skipped: boolean }> {
  if ((await db.organization.count()) > 0) return { skipped: true };
  const started = performance.now();
  o.log("Demodata: läser referensdata för Jönköpings län …");
  const ref = await readReferenceData(db);
  const rows = generateDemoData(ref, o.now ?? new Date());
  o.log(
    `Demodata: skriver ${rows.organizations.length} organisationer, ${rows.employers.length} arbetsgivare, ` +
      `${rows.openings.length} annonser och ${rows.participants.length} deltagare …`,
  );

  const skipped = await db.$transaction(
    async (tx) => {
      // Re-check inside the write transaction: another process may have seeded meanwhile.
      if ((await tx.organization.count()) > 0) return true;
      const write = async <T>(label: string, items: T[], create: (data: T[]) => Promise<unknown>) => {
        for (let i = 0; i < items.length; i += CHUNK) await create(items.slice(i, i + CHUNK));
        if (items.length > 0 && process.env.SEED_VERBOSE) o.log(`  ${label}: ${items.length}`);
      };
      await write("organisationer", rows.organizations, (data) => tx.organization.createMany({ data }));
      await write("verksamhetsområden", rows.serviceAreas, (data) => tx.organizationMunicipality.createMany({ data }));
      await write("personal", rows.staffUsers, (data) => tx.user.createMany({ data }));
      await write("arbetsgivare", rows.employers, (data) => tx.employer.createMany({ data }));
      await write("arbetsgivaranvändare", rows.employerUsers, (data) => tx.user.createMany({ data }));
      await write("arbetsplatser", rows.workplaces, (data) => tx.workplace.createMany({ data }));
      await write("annonser", rows.openings, (data) => tx.opening.createMany({ data }));
      await write("annonshändelser", rows.openingEvents, (data) => tx.openingEvent.createMany({ data }));

      const published = rows.openings.filter((r) => r.status === "published").map((r) => r.id as string);
      await getSearchEngine(db).syncOpenings(tx, published);

      await write("deltagarkonton", rows.participantUsers, (data) => tx.user.createMany({ data }));
      await write("deltagare", rows.participants, (data) => tx.participant.createMany({ data }));
      await write("samtycken", rows.consents, (data) => tx.consent.createMany({ data }));
      await write("fasbyten", rows.phaseChanges, (data) => tx.phaseChange.createMany({ data }));
      await write("yrkesprofiler", rows.profiles, (data) => tx.profile.createMany({ data }));
      // Replies point at earlier comments: write them in order.
      await write(
        "profilkommentarer",
        rows.profileComments.filter((c) => !c.replyToId),
        (data) => tx.profileComment.createMany({ data }),
      );
      await write(
        "profilkommentarer",
        rows.profileComments.filter((c) => c.replyToId),
        (data) => tx.profileComment.createMany({ data }),
      );
      await write("förslag", rows.proposals, (data) => tx.proposal.createMany({ data }));
      await write("placeringar", rows.placements, (data) => tx.placement.createMany({ data }));
      await write("trådar", rows.threads, (data) => tx.thread.createMany({ data }));
      await write("meddelanden", rows.messages, (data) => tx.message.createMany({ data }));
      await write("lästa trådar", rows.threadReads, (data) => tx.threadRead.createMany({ data }));
      await write("möten", rows.meetings, (data) => tx.meeting.createMany({ data }));
      await write("åtgärder", rows.meetingActions, (data) => tx.meetingAction.createMany({ data }));
      await write("arbetsgivarkontakter", rows.employerContacts, (data) => tx.employerContact.createMany({ data }));
      await write("utfall", rows.outcomes, (data) => tx.outcomeRecord.createMany({ data }));
      await write("loggposter", rows.auditEvents, (data) => tx.auditEvent.createMany({ data }));
      return false;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  if (skipped) return { skipped: true };

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  o.log(`Demodata klar på ${seconds} s: ${summary(rows)}.`);
  o.log("Demokonton (logga in med e-post):");
  for (const a of DEMO_ACCOUNTS) o.log(`  ${a.role.padEnd(11)} ${a.email} – ${a.name}`);
  return { skipped: false };
}

function summary(rows: SeedRows): string {
  const coaches = rows.staffUsers.filter((u) => u.role === "coach").length;
  return [
    `${rows.organizations.length} organisationer`,
    `${coaches} coacher`,
    `${rows.employers.length} arbetsgivare`,
    `${rows.workplaces.length} arbetsplatser`,
    `${rows.openings.length} annonser`,
    `${rows.participants.length} deltagare`,
    `${rows.proposals.length} förslag`,
    `${rows.placements.length} placeringar`,
    `${rows.threads.length} trådar med ${rows.messages.length} meddelanden`,
  ].join(", ");
}

// `npm run seed`: seeds the configured database (DATABASE_URL, default data/brygga.db).
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { db } = await import("../../app/utils/db.server.ts");
  try {
    const result = await seedDemoData(db, { log: (line) => console.log(line) });
    if (result.skipped)
      console.log("Demodata: databasen har redan organisationer – inget ändrat. Töm databasen för att seeda om.");
  } catch (error) {
    console.error("Demodata: misslyckades.", error);
    process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
}
