// A national-scale synthetic dataset for `npm run bench`, written straight into a prepared SQLite
// file (migrations, search tables and reference data already in place) with better-sqlite3 prepared
// statements in large transactions: seconds instead of the minutes Prisma row by row would take.
//
// Built from the real reference data: the 290 municipalities (openings spread by population, at
// least MIN_PER_MUNICIPALITY each), real JobTech occupations (mostly the 112 that need no formal
// education, with the demo catalogue's tasks, skills and environments where it has a template; the
// SSYK group's own definition as text otherwise), real skills, and the vocabularies of the app.
// Deterministic for a given seed.
import Database from "better-sqlite3";
import { haversineKm } from "../app/domain/geo.ts";
import { DAY_MS } from "../app/domain/swedish-time.ts";
import { accommodations } from "../app/domain/vocab/accommodations.ts";
import { environmentDimensions } from "../app/domain/vocab/environment.ts";
import { isCompetitive, type EmploymentSupport, type OpeningKind } from "../app/domain/vocab/openings.ts";
import { ROLES, type RoleTemplate } from "../prisma/seed/catalog.ts";
import { createRng, type Rng } from "../prisma/seed/random.ts";
import { at, first } from "../app/domain/arrays.ts";

export type GenerateOptions = {
  openings: number;
  participants: number;
  organizations: number;
  /** Participants of the one large organisation used for reverse matching. */
  bigOrganizationSize: number;
  seed: string;
  now: Date;
};

export type GeneratedDataset = {
  openings: number;
  publishedOpenings: number;
  participants: number;
  organizations: number;
  employers: number;
  workplaces: number;
  placements: number;
  bigOrganizationId: string;
  bigOrganizationSize: number;
  bigOrganizationMunicipality: string;
  municipalitiesWithOpenings: number;
  occupationsUsed: number;
  noEducationShare: number;
  ms: number;
};

const MIN_PER_MUNICIPALITY = 20;
const OPENINGS_PER_WORKPLACE = 5;

type Municipality = { code: string; name: string; county: string; population: number; lat: number; lng: number };
type Occupation = {
  id: string;
  label: string;
  ssyk4Code: string;
  noEducationRequired: number;
  definition: string | null;
};

const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");

/** A point within `km` of a centre, uniformly over the disc. */
function jitter(rng: Rng, lat: number, lng: number, km: number): { lat: number; lng: number } {
  const r = km * Math.sqrt(rng.next());
  const a = rng.next() * 2 * Math.PI;
  const dLat = (r * Math.cos(a)) / 111.32;
  const dLng = (r * Math.sin(a)) / (111.32 * Math.cos((lat * Math.PI) / 180));
  return { lat: lat + dLat, lng: lng + dLng };
}

/** Municipality radius for jitter: bigger towns spread further. */
const spreadKm = (m: Municipality) => Math.min(12, 3 + Math.sqrt(m.population) / 60);

/** Cumulative weights for fast weighted picks over large lists. */
function weightedPicker<T>(items: readonly T[], weight: (t: T) => number): (rng: Rng) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) {
    total += Math.max(0, weight(item));
    cumulative.push(total);
  }
  return (rng) => {
    const r = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at(cumulative, mid) > r) hi = mid;
      else lo = mid + 1;
    }
    return at(items, lo);
  };
}

const ENV_DIMENSIONS = Object.keys(environmentDimensions) as Array<keyof typeof environmentDimensions>;
const ACCOMMODATIONS = accommodations.codes;
const SUPPORTS: Array<[EmploymentSupport, number]> = [
  ["none", 60],
  ["lonestod", 15],
  ["nystartsjobb", 10],
  ["introduktionsjobb", 5],
  ["osa", 5],
  ["kommunal", 5],
];
const KINDS: Array<[OpeningKind, number]> = [
  ["job", 35],
  ["practice", 25],
  ["task", 15],
  ["work_trial", 10],
  ["visit", 15],
];
const HOURS: Record<OpeningKind, Array<[[number, number], number]>> = {
  job: [
    [[30, 40], 3],
    [[20, 30], 3],
    [[15, 25], 2],
    [[10, 20], 2],
    [[25, 40], 2],
  ],
  practice: [
    [[10, 20], 3],
    [[15, 30], 3],
    [[20, 40], 2],
    [[5, 15], 2],
  ],
  work_trial: [
    [[5, 15], 3],
    [[10, 20], 3],
    [[15, 30], 1],
  ],
  task: [
    [[2, 10], 3],
    [[5, 15], 2],
    [[10, 20], 1],
  ],
  visit: [
    [[2, 4], 3],
    [[1, 3], 1],
  ],
};
const SCHEDULES: Array<[string[], number]> = [
  [["day"], 70],
  [["day", "evening"], 10],
  [["evening"], 6],
  [["day", "weekend"], 6],
  [["evening", "weekend"], 3],
  [["night"], 4],
  [["day", "evening", "weekend"], 1],
];
const FIRST_NAMES = [
  "Maria",
  "Anna",
  "Erik",
  "Lars",
  "Karin",
  "Johan",
  "Sara",
  "Ahmed",
  "Fatima",
  "Per",
  "Eva",
  "Mikael",
  "Lena",
  "Ali",
  "Emma",
];
const LAST_NAMES = [
  "Andersson",
  "Johansson",
  "Karlsson",
  "Nilsson",
  "Eriksson",
  "Larsson",
  "Olsson",
  "Persson",
  "Svensson",
  "Gustafsson",
  "Hussein",
  "Lind",
];
const EMPLOYER_WORDS = [
  "Lager",
  "Bygg",
  "Städ",
  "Café",
  "Restaurang",
  "Fastighet",
  "Trädgård",
  "Logistik",
  "Service",
  "Handel",
  "Bageri",
  "Tvätt",
  "Omsorg",
  "Teknik",
  "Verkstad",
];
const EMPLOYER_SUFFIX = ["AB", "AB", "AB", "HB", "kommun", "ekonomisk förening", "stiftelse"];

type Template = {
  tasks: string[];
  taskTitles: string[];
  skillIds: string[];
  env?: RoleTemplate["env"];
  schedules?: RoleTemplate["schedules"];
  noun: string;
  at: string;
};

export function generateDataset(file: string, o: GenerateOptions): GeneratedDataset {
  const started = performance.now();
  const rng = createRng(`bench:${o.seed}`);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -200000");

  const municipalities = sqlite
    .prepare(
      "SELECT code, name, county, COALESCE(population, 5000) AS population, lat, lng FROM Municipality ORDER BY code",
    )
    .all() as Municipality[];
  const occupations = sqlite
    .prepare(
      "SELECT o.id, o.label, o.ssyk4Code, o.noEducationRequired, g.definition FROM Occupation o LEFT JOIN OccupationGroup g ON g.code = o.ssyk4Code ORDER BY o.id",
    )
    .all() as Occupation[];
  const skillIds = (sqlite.prepare("SELECT id FROM Skill ORDER BY id").all() as Array<{ id: string }>).map((s) => s.id);
  const postalByMunicipality = new Map<string, string[]>();
  for (const r of sqlite.prepare("SELECT code, municipalityCode FROM PostalCode ORDER BY code").all() as Array<{
    code: string;
    municipalityCode: string;
  }>) {
    const list = postalByMunicipality.get(r.municipalityCode) ?? [];
    list.push(r.code);
    postalByMunicipality.set(r.municipalityCode, list);
  }
  const knownOccupations = new Set(occupations.map((x) => x.id));
  const knownSkills = new Set(skillIds);
  const templates = new Map<string, Template>();
  for (const role of Object.values(ROLES) as RoleTemplate[]) {
    if (!knownOccupations.has(role.occupationId)) continue;
    templates.set(role.occupationId, { ...role, skillIds: role.skillIds.filter((s) => knownSkills.has(s)) });
  }
  const noEducation = occupations.filter((x) => x.noEducationRequired);
  // 75 % of openings from the occupations that need no formal education (catalogue ones twice as
  // likely), 25 % from the whole taxonomy.
  const pickNoEducation = weightedPicker(noEducation, (x) => (templates.has(x.id) ? 2 : 1));
  const pickAnyOccupation = (r: Rng) => r.pick(occupations);
  const pickOccupation = (r: Rng) => (r.chance(0.75) ? pickNoEducation(r) : pickAnyOccupation(r));
  const pickInterest = weightedPicker(noEducation, (x) => (templates.has(x.id) ? 3 : 1));

  // ── openings per municipality: a floor each, the rest by population ──
  const perMunicipality = new Map<string, number>();
  const floor = Math.min(MIN_PER_MUNICIPALITY, Math.floor(o.openings / municipalities.length));
  for (const m of municipalities) perMunicipality.set(m.code, floor);
  const pickMunicipality = weightedPicker(municipalities, (m) => m.population);
  for (let i = floor * municipalities.length; i < o.openings; i++) {
    const m = pickMunicipality(rng);
    perMunicipality.set(m.code, perMunicipality.get(m.code)! + 1);
  }

  const insertEmployer = sqlite.prepare(
    `INSERT INTO Employer (id, name, orgNumber, sector, organizationId, createdAt, updatedAt) VALUES (?, ?, NULL, ?, ?, ?, ?)`,
  );
  const insertWorkplace = sqlite.prepare(
    `INSERT INTO Workplace (id, employerId, name, street, postalCode, municipalityCode, lat, lng, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertOpening = sqlite.prepare(
    `INSERT INTO Opening (id, employerId, workplaceId, kind, status, title, description, tasks, occupationId, skillIds, hoursMin, hoursMax,
       schedule, environment, accommodationsOffered, employmentSupport, competitive, leadsToEmployment, supervisorName, supervisorFixed,
       purpose, lengthWeeks, places, startDate, endDate, publishedAt, closedAt, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)`,
  );
  const insertOrganization = sqlite.prepare(
    `INSERT INTO Organization (id, name, municipalityCode, createdAt) VALUES (?, ?, ?, ?)`,
  );
  const insertParticipant = sqlite.prepare(
    `INSERT INTO Participant (id, organizationId, pseudonym, gender, birthYear, municipalityCode, postalCode, lat, lng, referralSource, goals,
       phase, phaseChangedAt, enrolledAt, startIncomeSources, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?)`,
  );
  const insertProfile = sqlite.prepare(
    `INSERT INTO Profile (participantId, interests, strengths, skillIds, experience, drivingLicences, languageIds, preferences, environmentPrefs, needs, exclusions, disclosure, updatedAt)
     VALUES (?, ?, '[]', ?, '[]', '[]', '[]', ?, ?, ?, ?, '{}', ?)`,
  );
  const insertPlacement = sqlite.prepare(
    `INSERT INTO Placement (id, participantId, openingId, kind, startDate, status, supportIntensity, createdAt) VALUES (?, ?, ?, ?, ?, 'introduction', 'weekly', ?)`,
  );

  const nowIso = iso(o.now);
  let employers = 0;
  let workplaces = 0;
  let openings = 0;
  let published = 0;
  let noEducationOpenings = 0;
  const occupationsUsed = new Set<string>();
  const openingRefs: Array<{ id: string; kind: string; places: number }> = [];
  const municipalitiesWithOpenings = new Set<string>();

  sqlite.transaction(() => {
    for (const m of municipalities) {
      const count = perMunicipality.get(m.code) ?? 0;
      if (count === 0) continue;
      const postal = postalByMunicipality.get(m.code) ?? ["00000"];
      const sites = Math.max(1, Math.ceil(count / OPENINGS_PER_WORKPLACE));
      const sitesHere: Array<{ workplaceId: string; employerId: string; employerName: string }> = [];
      for (let s = 0; s < sites; s++) {
        // Most workplaces belong to their own employer; some employers have several sites in the town.
        let employer = sitesHere.length > 0 && rng.chance(0.25) ? rng.pick(sitesHere) : null;
        if (!employer) {
          employers++;
          const employerId = `be${employers.toString(36).padStart(6, "0")}`;
          const name =
            `${rng.pick(EMPLOYER_WORDS)}${rng.pick(["huset", "gruppen", "service", "centralen", "bolaget", ""])} ${m.name} ${rng.pick(EMPLOYER_SUFFIX)}`.replace(
              /\s+/g,
              " ",
            );
          insertEmployer.run(
            employerId,
            name,
            rng.weighted([
              ["private", 70],
              ["public", 20],
              ["non_profit", 10],
            ] as const),
            null,
            nowIso,
            nowIso,
          );
          employer = { workplaceId: "", employerId, employerName: name };
        }
        workplaces++;
        const workplaceId = `bw${workplaces.toString(36).padStart(6, "0")}`;
        const spot = jitter(rng, m.lat, m.lng, spreadKm(m));
        insertWorkplace.run(
          workplaceId,
          employer.employerId,
          `${m.name} ${s + 1}`,
          `${rng.pick(["Storgatan", "Industrivägen", "Kyrkogatan", "Hamnvägen", "Skolgatan"])} ${rng.int(1, 80)}`,
          rng.pick(postal),
          m.code,
          spot.lat,
          spot.lng,
          nowIso,
        );
        sitesHere.push({ workplaceId, employerId: employer.employerId, employerName: employer.employerName });
      }

      for (let i = 0; i < count; i++) {
        const site = at(sitesHere, i % sitesHere.length);
        const occupation = pickOccupation(rng);
        const template = templates.get(occupation.id);
        const kind = rng.weighted(KINDS);
        const status = rng.weighted([
          ["published", 92],
          ["draft", 3],
          ["filled", 3],
          ["closed", 2],
        ] as const);
        const [hoursMin, hoursMax] = rng.weighted(HOURS[kind]);
        const noun = template?.noun ?? first(occupation.label.split("/")).toLocaleLowerCase("sv");
        const title =
          kind === "task" && template
            ? rng.pick(template.taskTitles)
            : kind === "visit"
              ? `Studiebesök: ${noun} ${template?.at ?? `i ${m.name}`}`
              : kind === "practice" || kind === "work_trial"
                ? `${kind === "practice" ? "Praktik" : "Arbetsträning"} som ${noun}`
                : rng.chance(0.5)
                  ? occupation.label
                  : `${noun.charAt(0).toLocaleUpperCase("sv")}${noun.slice(1)} till ${site.employerName}`;
        const definition = occupation.definition ?? "";
        const description = [
          template ? `Vi söker en ${noun} ${template.at}.` : `Vi söker en ${noun}.`,
          definition
            .split(/(?<=\.)\s+/)
            .slice(0, 2)
            .join(" "),
          rng.pick([
            "Du får en lugn introduktion.",
            "Vi är en liten arbetsgrupp.",
            "Arbetsplatsen ligger nära busshållplatsen.",
            "Vi har många stamkunder.",
            "Du jobbar tillsammans med en erfaren kollega.",
          ]),
        ]
          .filter(Boolean)
          .join(" ");
        const tasks = template
          ? rng.sample(template.tasks, rng.int(3, 5))
          : definition
            ? definition.split(/(?<=\.)\s+/).slice(0, 3)
            : [`Arbeta som ${noun}`];
        const skills =
          template && template.skillIds.length
            ? rng.sample(template.skillIds, rng.int(1, 3))
            : rng.sample(skillIds, rng.int(0, 3));
        const times = template?.schedules && rng.chance(0.7) ? rng.pick(template.schedules) : rng.weighted(SCHEDULES);
        const environment: Record<string, unknown> = {};
        for (const d of ENV_DIMENSIONS) {
          if (!rng.chance(0.8)) continue;
          const fromTemplate = template?.env?.[d] as readonly string[] | undefined;
          environment[d] = fromTemplate?.length ? rng.pick(fromTemplate) : rng.pick(environmentDimensions[d].codes);
        }
        environment.instructions = template?.env?.instructions?.length
          ? rng.pick(template.env.instructions)
          : rng.sample(["written", "verbal", "shown"], rng.int(1, 2));
        const offered = rng.sample(
          ACCOMMODATIONS,
          rng.weighted([
            [0, 15],
            [1, 25],
            [2, 30],
            [3, 20],
            [4, 10],
          ] as const),
        );
        const support = kind === "job" ? rng.weighted(SUPPORTS) : null;
        const supervisorName = rng.chance(0.7) ? `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}` : null;
        const places = rng.weighted([
          [1, 70],
          [2, 20],
          [3, 10],
        ] as const);
        const publishedAt = new Date(o.now.getTime() - rng.float(0, 120) * DAY_MS);
        const endDate = rng.chance(0.4)
          ? new Date(Math.floor((o.now.getTime() + rng.float(-20, 180) * DAY_MS) / DAY_MS) * DAY_MS)
          : null;
        openings++;
        const id = `bo${openings.toString(36).padStart(6, "0")}`;
        insertOpening.run(
          id,
          site.employerId,
          site.workplaceId,
          kind,
          status,
          title,
          description,
          JSON.stringify(tasks),
          occupation.id,
          JSON.stringify(skills),
          hoursMin,
          hoursMax,
          JSON.stringify({ times, startFlexible: rng.chance(0.4) }),
          JSON.stringify(environment),
          JSON.stringify(offered),
          support,
          kind === "job" && isCompetitive("job", support) ? 1 : 0,
          rng.weighted([
            ["yes", 40],
            ["maybe", 45],
            ["no", 15],
          ] as const),
          supervisorName,
          supervisorName && rng.chance(0.7) ? 1 : 0,
          kind === "practice" || kind === "work_trial" ? `Prova arbete som ${noun}.` : null,
          kind === "practice" || kind === "work_trial" ? rng.int(4, 12) : null,
          places,
          endDate ? iso(endDate) : null,
          status === "draft" ? null : iso(publishedAt),
          status === "closed" || status === "filled" ? iso(o.now) : null,
          iso(publishedAt),
          iso(publishedAt),
        );
        if (status === "published") {
          published++;
          openingRefs.push({ id, kind, places });
        }
        if (occupation.noEducationRequired) noEducationOpenings++;
        occupationsUsed.add(occupation.id);
        municipalitiesWithOpenings.add(m.code);
      }
    }
  })();

  // ── organisations and participants ──
  // The big organisation sits in the largest municipality; the others by population.
  const byPopulation = [...municipalities].sort((a, b) => b.population - a.population);
  const bigHome = first(byPopulation);
  const orgHomes: Municipality[] = [bigHome];
  for (let i = 1; i < o.organizations; i++) orgHomes.push(pickMunicipality(rng));
  const orgIds = orgHomes.map((_, i) => `bg${i.toString(36).padStart(4, "0")}`);
  const bigSize = Math.min(o.bigOrganizationSize, o.participants);
  const restPerOrg = o.organizations > 1 ? (o.participants - bigSize) / (o.organizations - 1) : 0;
  // Participants live in their organisation's municipality or one nearby (within 40 km).
  const nearby = new Map<string, Municipality[]>();
  const neighbours = (m: Municipality) => {
    let list = nearby.get(m.code);
    if (!list) nearby.set(m.code, (list = municipalities.filter((x) => haversineKm(x, m) <= 40)));
    return list;
  };

  let participants = 0;
  const activeParticipantIds: string[] = [];
  sqlite.transaction(() => {
    orgHomes.forEach((home, orgIndex) => {
      insertOrganization.run(
        orgIds[orgIndex],
        orgIndex === 0 ? `Stora IPS-enheten ${home.name}` : `Coachorganisation ${orgIndex} ${home.name}`,
        home.code,
        nowIso,
      );
      const size =
        orgIndex === 0 ? bigSize : Math.round(restPerOrg * (orgIndex + 1)) - Math.round(restPerOrg * orgIndex);
      const around = neighbours(home);
      const pickHome = weightedPicker(around, (x) => x.population);
      for (let i = 0; i < size; i++) {
        participants++;
        const id = `bp${participants.toString(36).padStart(6, "0")}`;
        const m = rng.chance(0.6) ? home : pickHome(rng);
        const point = rng.chance(0.7) ? jitter(rng, m.lat, m.lng, spreadKm(m)) : null;
        const goals = rng.weighted([
          [["work"], 55],
          [["work", "practice"], 25],
          [["practice"], 15],
          [["studies"], 3],
          [[], 2],
        ] as const);
        const phase = rng.weighted([
          ["enrolled", 10],
          ["profiling", 15],
          ["job_search", 45],
          ["practice", 15],
          ["employed_support", 10],
          ["exited", 5],
        ] as const);
        const enrolled = iso(new Date(o.now.getTime() - rng.float(10, 700) * DAY_MS));
        insertParticipant.run(
          id,
          orgIds[orgIndex],
          `Deltagare ${participants}`,
          rng.weighted([
            ["woman", 45],
            ["man", 48],
            ["other", 2],
            ["undisclosed", 5],
          ] as const),
          rng.int(1960, 2006),
          m.code,
          rng.pick(postalByMunicipality.get(m.code) ?? ["00000"]),
          point?.lat ?? null,
          point?.lng ?? null,
          rng.weighted([
            ["arbetsformedlingen", 40],
            ["forsakringskassan", 20],
            ["socialtjanst", 15],
            ["psykiatri", 15],
            ["lss", 5],
            ["self", 5],
          ] as const),
          JSON.stringify(goals),
          phase,
          enrolled,
          enrolled,
          enrolled,
          enrolled,
        );
        if (phase !== "exited") activeParticipantIds.push(id);

        const interestCount = rng.weighted([
          [1, 45],
          [2, 35],
          [3, 15],
          [0, 5],
        ] as const);
        const interests = {
          occupationIds: [...new Set(Array.from({ length: interestCount }, () => pickInterest(rng).id))],
          groupCodes: [] as string[],
        };
        if (rng.chance(0.1))
          interests.groupCodes.push(rng.pick(noEducation).ssyk4Code.slice(0, rng.chance(0.5) ? 4 : 2));
        const hours = rng.chance(0.85)
          ? rng.pick([
              [10, 20],
              [15, 25],
              [20, 30],
              [25, 40],
              [5, 15],
              [30, 40],
              [10, 30],
            ])
          : null;
        const preferences: Record<string, unknown> = {
          schedule: rng.chance(0.6)
            ? rng.weighted([
                [["day"], 70],
                [["day", "evening"], 15],
                [["evening"], 5],
                [["day", "weekend"], 10],
              ] as const)
            : [],
          ...(hours ? { hoursMin: hours[0], hoursMax: hours[1] } : {}),
          ...(rng.chance(0.85) ? { maxCommuteKm: rng.pick([5, 10, 15, 20, 20, 30, 30, 40, 60]) } : {}),
          travelMode: rng.pick(["walk", "bike", "public_transport", "public_transport", "car"]),
          ...(rng.chance(0.2) ? { startFlexible: true } : {}),
        };
        const environmentPrefs: Record<string, unknown> = {};
        for (const d of rng.sample(ENV_DIMENSIONS, rng.int(0, 4)))
          environmentPrefs[d] = rng.pick(environmentDimensions[d].codes);
        if (rng.chance(0.3)) environmentPrefs.instructions = rng.sample(["written", "verbal", "shown"], rng.int(1, 2));
        const needs = rng
          .sample(
            ACCOMMODATIONS,
            rng.weighted([
              [0, 30],
              [1, 35],
              [2, 25],
              [3, 10],
            ] as const),
          )
          .map((code) => ({ code, must: rng.chance(0.3) }));
        const exclusions = {
          occupationIds: rng.chance(0.05) ? [pickOccupation(rng).id] : [],
          groupCodes: rng.chance(0.05) ? [rng.pick(occupations).ssyk4Code.slice(0, 2)] : [],
          environment: rng.chance(0.35)
            ? rng.sample(
                [
                  "physicalLoad:heavy",
                  "customerContact:much",
                  "noise:noisy",
                  "pace:high",
                  "setting:outdoor",
                  "teamSize:large",
                ],
                rng.int(1, 2),
              )
            : [],
          schedule: [...(rng.chance(0.3) ? ["night"] : []), ...(rng.chance(0.1) ? ["weekend"] : [])],
        };
        insertProfile.run(
          id,
          JSON.stringify(interests),
          JSON.stringify(rng.sample(skillIds, rng.int(0, 4))),
          JSON.stringify(preferences),
          JSON.stringify(environmentPrefs),
          JSON.stringify(needs),
          JSON.stringify(exclusions),
          enrolled,
        );
      }
    });
  })();

  // ── active placements, so some openings have no places left ──
  let placements = 0;
  const placementTarget = Math.round(openingRefs.length * 0.03);
  sqlite.transaction(() => {
    for (let i = 0; i < placementTarget && activeParticipantIds.length > 0; i++) {
      const opening = rng.pick(openingRefs);
      placements++;
      insertPlacement.run(
        `bl${placements.toString(36).padStart(6, "0")}`,
        rng.pick(activeParticipantIds),
        opening.id,
        opening.kind,
        iso(new Date(o.now.getTime() - rng.float(0, 60) * DAY_MS)),
        nowIso,
      );
    }
  })();
  // Fold the WAL into the database file, so the timed phases do not pay for checkpointing the
  // generator's writes. No ANALYZE: the app never runs it, so the planner sees what it sees in production.
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();

  return {
    openings,
    publishedOpenings: published,
    participants,
    organizations: o.organizations,
    employers,
    workplaces,
    placements,
    bigOrganizationId: first(orgIds),
    bigOrganizationSize: bigSize,
    bigOrganizationMunicipality: `${bigHome.name} (${bigHome.code})`,
    municipalitiesWithOpenings: municipalitiesWithOpenings.size,
    occupationsUsed: occupationsUsed.size,
    noEducationShare: openings ? noEducationOpenings / openings : 0,
    ms: performance.now() - started,
  };
}
