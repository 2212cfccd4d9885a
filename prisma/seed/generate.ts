// Builds the demo data for Jönköpings län as plain rows, without touching the database: the
// same reference data, seed and anchor day give the same rows (ids included). index.ts writes them.
import { haversineKm } from "../../app/domain/geo.ts";
import { orgNumberFromPayload } from "../../app/domain/org-number.ts";
import { accommodations, type Accommodation } from "../../app/domain/vocab/accommodations.ts";
import { environmentDimensions, type EnvironmentDimension } from "../../app/domain/vocab/environment.ts";
import { isCompetitive, type EmploymentSupport, type OpeningKind } from "../../app/domain/vocab/openings.ts";
import type { Phase } from "../../app/domain/vocab/participants.ts";
import { scheduleTimes, type ScheduleTime } from "../../app/domain/vocab/schedule.ts";
import type { Prisma } from "../../app/utils/db.server.ts";
import {
  EMPLOYER_PLAN,
  EMPLOYER_TYPES,
  LANGUAGES,
  ROLES,
  type EmployerType,
  type EmployerTypeKey,
  type RoleKey,
  type RoleTemplate,
} from "./catalog.ts";
import { Clock, REFERENCE_YEAR } from "./clock.ts";
import {
  DEMO_ACCOUNTS,
  DEMO_EMPLOYER_NAME,
  DEMO_ORGANIZATION_NAME,
  DEMO_PARTICIPANT_PSEUDONYM,
  demoAccount,
} from "./demo-accounts.ts";
import { LAST_NAMES, MEN_FIRST_NAMES, NAME_PREFIXES, OTHER_FIRST_NAMES, STREETS, WOMEN_FIRST_NAMES } from "./names.ts";
import { createIdFactory, createRng, type Rng } from "./random.ts";
import { at as itemAt, first, last } from "../../app/domain/arrays.ts";
import * as T from "./texts.ts";

/** Change this to get a different (but again deterministic) demo region. */
export const SEED = "brygga-demo-jonkopings-lan-v1";
export const COUNTY_CODE = "06";

export type ReferenceData = {
  municipalities: Array<{ code: string; name: string; population: number | null; lat: number; lng: number }>;
  postalCodes: Array<{ code: string; locality: string; municipalityCode: string }>;
  occupations: Array<{ id: string; label: string; ssyk4Code: string }>;
  skillIds: string[];
  languageIds: string[];
};

export type SeedRows = {
  organizations: Prisma.OrganizationCreateManyInput[];
  serviceAreas: Prisma.OrganizationMunicipalityCreateManyInput[];
  staffUsers: Prisma.UserCreateManyInput[];
  employers: Prisma.EmployerCreateManyInput[];
  employerUsers: Prisma.UserCreateManyInput[];
  workplaces: Prisma.WorkplaceCreateManyInput[];
  openings: Prisma.OpeningCreateManyInput[];
  openingEvents: Prisma.OpeningEventCreateManyInput[];
  participantUsers: Prisma.UserCreateManyInput[];
  participants: Prisma.ParticipantCreateManyInput[];
  consents: Prisma.ConsentCreateManyInput[];
  phaseChanges: Prisma.PhaseChangeCreateManyInput[];
  profiles: Prisma.ProfileCreateManyInput[];
  profileComments: Prisma.ProfileCommentCreateManyInput[];
  proposals: Prisma.ProposalCreateManyInput[];
  placements: Prisma.PlacementCreateManyInput[];
  threads: Prisma.ThreadCreateManyInput[];
  messages: Prisma.MessageCreateManyInput[];
  threadReads: Prisma.ThreadReadCreateManyInput[];
  meetings: Prisma.MeetingCreateManyInput[];
  meetingActions: Prisma.MeetingActionCreateManyInput[];
  employerContacts: Prisma.EmployerContactCreateManyInput[];
  outcomes: Prisma.OutcomeRecordCreateManyInput[];
  auditEvents: Prisma.AuditEventCreateManyInput[];
};

// ───────────────────────────── internal shapes ─────────────────────────────

type Muni = {
  code: string;
  name: string;
  weight: number;
  lat: number;
  lng: number;
  mainTown: Array<{ code: string; locality: string }>;
  other: Array<{ code: string; locality: string }>;
};
type Place = { municipalityCode: string; postalCode: string; locality: string; lat: number; lng: number };
type OrgDef = {
  name: string;
  domain: string;
  municipalityCode: string;
  area: string[];
  coaches: number;
  adminTitle: string;
  coachTitles: string[];
  inbox: string;
};
type Org = OrgDef & { id: string; index: number };
type Person = { first: string; last: string; name: string };
type Staff = Person & { id: string; org: Org; email: string; pct: number; caseload: number };
type EmpUser = Person & { id: string; email: string };
type Workplace = Place & { id: string; name: string };
type Employer = {
  id: string;
  name: string;
  type: EmployerType;
  typeKey: EmployerTypeKey;
  org: Org;
  contactCoach: Staff;
  users: EmpUser[];
  workplaces: Workplace[];
  roles: Array<[RoleKey, number]>;
};
type Env = Partial<Record<EnvironmentDimension, string>> & { instructions?: string[] };
type Occ = { id: string; label: string; ssyk4Code: string };
type Opening = {
  id: string;
  employer: Employer;
  workplace: Workplace;
  roleKey: RoleKey;
  role: RoleTemplate;
  occupation: Occ;
  kind: OpeningKind;
  status: "draft" | "published" | "filled" | "closed";
  title: string;
  hoursMin: number;
  hoursMax: number;
  times: ScheduleTime[];
  startFlexible: boolean;
  env: Env;
  accommodations: Accommodation[];
  support: EmploymentSupport | null;
  competitive: boolean;
  supervisorName: string | null;
  supervisorFixed: boolean;
  leads: "yes" | "maybe" | "no";
  places: number;
  taken: number;
  lengthWeeks: number | null;
  purpose: string | null;
  startOffset: number;
  endOffset: number | null;
  createdOffset: number;
  publishedOffset: number | null;
  closedOffset: number | null;
};
type Need = { code: Accommodation; must: boolean };
type Prefs = { hoursMin: number; hoursMax: number; schedule: ScheduleTime[]; maxCommuteKm: number; travelMode: string };
type Exclusions = { occupationIds: string[]; groupCodes: string[]; environment: string[]; schedule: ScheduleTime[] };
type Participant = {
  id: string;
  org: Org;
  coach: Staff;
  pseudonym: string;
  first: string;
  gender: string;
  age: number;
  home: Place;
  goals: string[];
  phase: Phase;
  enrolledOffset: number;
  interests: string[];
  groupCodes: string[];
  prefs: Prefs;
  envPrefs: Env;
  needs: Need[];
  exclusions: Exclusions;
  licences: string[];
  userId: string | null;
  email: string | null;
  firstEmployerContactOffset: number | null;
};

const ORG_DEFS: OrgDef[] = [
  {
    name: DEMO_ORGANIZATION_NAME,
    domain: "ame.jonkoping.example",
    municipalityCode: "0680",
    area: ["0680"],
    coaches: 5,
    adminTitle: "Enhetschef",
    coachTitles: ["IPS-coach", "Arbetskonsulent", "Jobbcoach", "Näringslivskonsulent"],
    inbox: "arbetsmarknadsenheten@ame.jonkoping.example",
  },
  {
    name: "IPS-teamet Höglandet",
    domain: "ips-hoglandet.example",
    municipalityCode: "0682",
    area: ["0682", "0686", "0687", "0685", "0684", "0604"],
    coaches: 4,
    adminTitle: "Teamledare",
    coachTitles: ["IPS-coach", "Arbetsspecialist"],
    inbox: "ips-teamet@ips-hoglandet.example",
  },
  {
    name: "Samordningsförbundet Södra Vätterbygden – projekt Brygga-steget",
    domain: "bryggasteget.example",
    municipalityCode: "0680",
    area: ["0680", "0643", "0642", "0665", "0683", "0662", "0617"],
    coaches: 3,
    adminTitle: "Projektledare",
    coachTitles: ["SE-coach", "Jobbcoach", "Arbetskonsulent"],
    inbox: "projektet@bryggasteget.example",
  },
];

/** How many employers each organisation is linked to (sums to the 60 of EMPLOYER_PLAN). */
const EMPLOYERS_PER_ORG = [24, 20, 16];
const TARGET_OPENINGS = 250;
const PARTICIPANTS = 100;

const KIND_WEIGHTS: Array<[OpeningKind, number]> = [
  ["task", 24],
  ["practice", 24],
  ["work_trial", 14],
  ["job", 22],
  ["visit", 16],
];
/** Which opening kinds serve which goal: the same table as app/domain/matching/facts.ts. */
const KINDS_BY_GOAL: Record<string, readonly OpeningKind[]> = {
  work: ["job", "task", "visit"],
  practice: ["practice", "work_trial", "task", "visit"],
  studies: ["visit"],
};
const KIND_WORD: Record<OpeningKind, string> = {
  task: "uppdrag",
  practice: "praktik",
  work_trial: "arbetsträning",
  job: "anställning",
  visit: "studiebesök",
};

/** Phases of the 100 participants (a bag, shuffled): most in job search, as in a running SE/IPS service. */
const PHASE_BAG: Array<[Phase, number]> = [
  ["enrolled", 10],
  ["profiling", 18],
  ["job_search", 46],
  ["practice", 8],
  ["employed_support", 8],
  ["exited", 10],
];

// ───────────────────────────── small helpers ─────────────────────────────

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const json = (v: unknown) => JSON.stringify(v);
const clamp = (n: number, min: number, max: number) => Math.max(min, Math.min(max, n));
const round1 = (n: number) => Math.round(n * 1e6) / 1e6;

function slug(s: string): string {
  return s
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Swedish genitive: "Saras", "Anders", "M.K:s". */
function genitive(name: string): string {
  if (/[.\d]$/.test(name)) return `${name.replace(/\.$/, "")}:s`;
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? `{${key}}`);
}

function hoursText(min: number, max: number) {
  return min === max ? `${min} timmar` : `${min}–${max} timmar`;
}

function scheduleText(times: ScheduleTime[]) {
  const labels = times.map((t) => scheduleTimes.labels[t].toLowerCase());
  return labels.length > 1 ? `${labels.slice(0, -1).join(", ")} och ${labels[labels.length - 1]}` : labels[0];
}

function fictionalMobile(n: number) {
  // The number series Post- och telestyrelsen reserves for fiction: 070-174 06 05 … 070-174 06 99.
  return `070-174 06 ${String(5 + (n % 95)).padStart(2, "0")}`;
}
function fictionalLandline(n: number) {
  // Reserved for fiction: 031-390 06 00 … 031-390 06 99.
  return `031-390 06 ${String(n % 100).padStart(2, "0")}`;
}

// ───────────────────────────── the generator ─────────────────────────────

export function generateDemoData(ref: ReferenceData, now: Date): SeedRows {
  const rng = createRng(SEED);
  const newId = createIdFactory(`${SEED}:ids`);
  const clock = new Clock(now);

  const rows: SeedRows = {
    organizations: [],
    serviceAreas: [],
    staffUsers: [],
    employers: [],
    employerUsers: [],
    workplaces: [],
    openings: [],
    openingEvents: [],
    participantUsers: [],
    participants: [],
    consents: [],
    phaseChanges: [],
    profiles: [],
    profileComments: [],
    proposals: [],
    placements: [],
    threads: [],
    messages: [],
    threadReads: [],
    meetings: [],
    meetingActions: [],
    employerContacts: [],
    outcomes: [],
    auditEvents: [],
  };

  // ── reference data ──
  const munis = new Map<string, Muni>();
  for (const m of [...ref.municipalities].sort((a, b) => a.code.localeCompare(b.code))) {
    munis.set(m.code, {
      code: m.code,
      name: m.name,
      weight: Math.sqrt(m.population ?? 10_000),
      lat: m.lat,
      lng: m.lng,
      mainTown: [],
      other: [],
    });
  }
  if (munis.size === 0)
    throw new Error(`Referensdata saknas: inga kommuner i län ${COUNTY_CODE}. Kör "npm run db:reference" först.`);
  for (const pc of [...ref.postalCodes].sort((a, b) => a.code.localeCompare(b.code))) {
    const m = munis.get(pc.municipalityCode);
    if (!m) continue;
    (pc.locality.toLowerCase() === m.name.toLowerCase() ? m.mainTown : m.other).push({
      code: pc.code,
      locality: pc.locality,
    });
  }
  for (const m of munis.values()) {
    if (m.mainTown.length === 0) m.mainTown = m.other.length ? m.other : [];
    if (m.mainTown.length === 0) throw new Error(`Referensdata saknas: inga postnummer för ${m.name}.`);
  }
  const occupations = new Map(ref.occupations.map((o) => [o.id, o]));
  const skillIds = new Set(ref.skillIds);
  const languageIds = new Set(ref.languageIds);
  const roleKeys = (Object.keys(ROLES) as RoleKey[]).filter((k) => occupations.has(ROLES[k].occupationId));
  if (roleKeys.length < 10)
    throw new Error(
      `Referensdata saknas: yrkena i JobTech-taxonomin är inte inlästa. Kör "npm run db:reference" först.`,
    );
  const roleOk = new Set(roleKeys);
  const licenceOccupations = new Set(
    roleKeys.filter((k) => (ROLES[k] as RoleTemplate).licence).map((k) => ROLES[k].occupationId),
  );

  const muni = (code: string) => {
    const m = munis.get(code);
    if (!m) throw new Error(`Kommun ${code} saknas i referensdata.`);
    return m;
  };
  const areaMunis = (org: Org) => org.area.filter((c) => munis.has(c)).map(muni);
  const pickMuni = (list: Muni[]) => rng.weighted(list.map((m) => [m, m.weight] as const));

  /** A place in a municipality: a real postal code, the municipality's point slightly jittered. */
  function placeIn(m: Muni, village = false): Place {
    const fromVillage = village && m.other.length > 0;
    const pc = rng.pick(fromVillage ? m.other : m.mainTown);
    const spread = fromVillage ? 0.07 : 0.018;
    return {
      municipalityCode: m.code,
      postalCode: pc.code,
      locality: pc.locality,
      lat: round1(m.lat + rng.float(-spread, spread)),
      lng: round1(m.lng + rng.float(-spread * 1.8, spread * 1.8)),
    };
  }

  // ── people ──
  const usedNames = new Set<string>();
  const usedEmails = new Set<string>(DEMO_ACCOUNTS.map((a) => a.email));
  for (const a of DEMO_ACCOUNTS) if (a.role !== "participant") usedNames.add(a.name);
  function person(gender: "woman" | "man" | "any" = "any"): Person {
    for (;;) {
      const g = gender === "any" ? (rng.chance(0.5) ? "woman" : "man") : gender;
      const first = rng.pick(g === "woman" ? WOMEN_FIRST_NAMES : MEN_FIRST_NAMES);
      const last = rng.pick(LAST_NAMES);
      const name = `${first} ${last}`;
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return { first, last, name };
      }
    }
  }
  function emailFor(p: Person, domain: string): string {
    const base = `${slug(p.first)}.${slug(p.last)}`;
    for (let n = 1; ; n++) {
      const email = `${base}${n === 1 ? "" : n}@${domain}`;
      if (!usedEmails.has(email)) {
        usedEmails.add(email);
        return email;
      }
    }
  }
  let mobileCounter = 0;
  const mobile = () => fictionalMobile(mobileCounter++);

  // ── organisations, admins, coaches ──
  const orgs: Org[] = ORG_DEFS.map((def, index) => ({ ...def, index, id: newId() }));
  const staff: Staff[] = [];
  const createdAtStaff = clock.at(-760, 8);
  for (const org of orgs) {
    rows.organizations.push({
      id: org.id,
      name: org.name,
      municipalityCode: org.municipalityCode,
      sharedInboxEmail: org.inbox,
      createdAt: createdAtStaff,
    });
    for (const code of org.area.filter((c) => munis.has(c)))
      rows.serviceAreas.push({ organizationId: org.id, municipalityCode: code });
    const demoAdmin = demoAccount("admin");
    const admin: Person = org.index === 0 ? { first: "Eva", last: "Lundgren", name: demoAdmin.name } : person();
    rows.staffUsers.push({
      id: newId(),
      email: org.index === 0 ? demoAdmin.email : emailFor(admin, org.domain),
      name: admin.name,
      role: "admin",
      phone: mobile(),
      title: org.adminTitle,
      organizationId: org.id,
      employmentPercent: 100,
      createdAt: createdAtStaff,
    });
    for (let i = 0; i < org.coaches; i++) {
      const isDemo = org.index === 0 && i === 0;
      const p: Person = isDemo ? { first: "Johanna", last: "Berg", name: demoAccount("coach").name } : person();
      const pct = isDemo ? 100 : rng.pick([50, 75, 80, 100, 100, 100]);
      const coach: Staff = {
        ...p,
        id: newId(),
        org,
        email: isDemo ? demoAccount("coach").email : emailFor(p, org.domain),
        pct,
        caseload: 0,
      };
      staff.push(coach);
      rows.staffUsers.push({
        id: coach.id,
        email: coach.email,
        name: coach.name,
        role: "coach",
        phone: mobile(),
        title: isDemo ? "IPS-coach" : rng.pick(org.coachTitles),
        organizationId: org.id,
        employmentPercent: pct,
        notifyMessages: rng.chance(0.8) ? "each" : "digest",
        createdAt: clock.at(-rng.int(200, 740), 8),
      });
    }
  }
  const demoCoach = first(staff);
  const coachesOf = (org: Org) => staff.filter((s) => s.org === org);

  // ── employers ──
  const typeKeys: EmployerTypeKey[] = EMPLOYER_PLAN.flatMap(([key, n]) => Array<EmployerTypeKey>(n).fill(key));
  const demoTypeIndex = typeKeys.indexOf("logistics");
  typeKeys.splice(demoTypeIndex, 1);
  const employerTypes: EmployerTypeKey[] = ["logistics", ...rng.shuffle(typeKeys)];
  const orgSlots = rng.shuffle(EMPLOYERS_PER_ORG.flatMap((n, i) => Array<number>(n - (i === 0 ? 1 : 0)).fill(i)));
  const employerOrgs = [0, ...orgSlots];
  const usedEmployerNames = new Set<string>();
  const usedOrgNumbers = new Set<string>();
  const employers: Employer[] = [];

  employerTypes.forEach((typeKey, index) => {
    const type: EmployerType = EMPLOYER_TYPES[typeKey];
    const isDemo = index === 0;
    const org = itemAt(orgs, itemAt(employerOrgs, index));
    const home = isDemo ? muni("0680") : pickMuni(areaMunis(org));
    let name = isDemo ? DEMO_EMPLOYER_NAME : "";
    for (let attempt = 0; !name || usedEmployerNames.has(name); attempt++) {
      const local = NAME_PREFIXES.filter(([, codes]) => codes?.includes(home.code)).map(([p]) => p);
      const anywhere = NAME_PREFIXES.filter(([, codes]) => codes === null).map(([p]) => p);
      const prefix = local.length > 0 && rng.chance(0.65) ? rng.pick(local) : rng.pick(anywhere);
      name = fill(rng.pick(type.names), { prefix, place: home.name });
      if (attempt > 20) name = `${name} (${home.name})`;
    }
    usedEmployerNames.add(name);
    let orgNumber = "";
    while (!orgNumber || usedOrgNumbers.has(orgNumber)) {
      orgNumber = orgNumberFromPayload(rng.pick(type.orgPrefix) + String(rng.int(0, 999_999)).padStart(6, "0"));
    }
    usedOrgNumbers.add(orgNumber);
    const coaches = coachesOf(org);
    const contactCoach = isDemo ? demoCoach : rng.weighted(coaches.map((c) => [c, c === demoCoach ? 2 : 1] as const));
    const domain = `${slug(name.replace(/\b(AB|ek\. för\.)$/, "")).slice(0, 40)}.example`;
    const roles = type.roles.filter(([k]) => roleOk.has(k));
    if (roles.length === 0) return;
    const employer: Employer = {
      id: newId(),
      name,
      type,
      typeKey,
      org,
      contactCoach,
      users: [],
      workplaces: [],
      roles,
    };
    employers.push(employer);
    const createdAt = clock.at(-rng.int(130, 700), 10);
    rows.employers.push({
      id: employer.id,
      name,
      orgNumber,
      sector: type.sector,
      phone: fictionalLandline(index),
      website: type.website ? `https://www.${domain}` : null,
      description: type.description,
      organizationId: org.id,
      contactCoachId: contactCoach.id,
      createdAt,
      updatedAt: createdAt,
    });

    const userCount = isDemo
      ? 2
      : rng.weighted([
          [1, 50],
          [2, 35],
          [3, 15],
        ] as const);
    for (let u = 0; u < userCount; u++) {
      const demoUser = isDemo && u === 0;
      const p: Person = demoUser ? { first: "Peter", last: "Sandberg", name: demoAccount("employer").name } : person();
      const user: EmpUser = {
        ...p,
        id: newId(),
        email: demoUser ? demoAccount("employer").email : emailFor(p, domain),
      };
      employer.users.push(user);
      rows.employerUsers.push({
        id: user.id,
        email: user.email,
        name: user.name,
        role: "employer",
        phone: mobile(),
        title: demoUser ? "Lagerchef" : type.userTitles[u % type.userTitles.length],
        employerId: employer.id,
        notifyMessages: rng.chance(0.85) ? "each" : "digest",
        createdAt,
      });
    }

    const wpCount = isDemo
      ? 2
      : rng.weighted([
          [1, 60],
          [2, 30],
          [3, 10],
        ] as const);
    const area = areaMunis(org);
    for (let w = 0; w < wpCount; w++) {
      const m = w === 0 || isDemo ? home : rng.chance(0.5) ? home : pickMuni(area);
      const place = placeIn(m);
      const street = rng.pick(STREETS);
      let wpName = `${type.site} ${place.locality}`;
      if (employer.workplaces.some((x) => x.name === wpName)) wpName = `${wpName}, ${street}`;
      const workplace: Workplace = { ...place, id: newId(), name: wpName };
      employer.workplaces.push(workplace);
      rows.workplaces.push({
        id: workplace.id,
        employerId: employer.id,
        name: wpName,
        street: `${street} ${rng.int(1, 80)}`,
        postalCode: place.postalCode,
        municipalityCode: place.municipalityCode,
        lat: place.lat,
        lng: place.lng,
        createdAt,
      });
    }
  });
  const demoEmployer = first(employers);

  // ── openings ──
  const counts: number[] = employers.map((e, i) => (i === 0 ? 7 : 3));
  let total = counts.reduce((a, b) => a + b, 0);
  while (total < TARGET_OPENINGS) {
    const i = rng.int(1, employers.length - 1);
    if (itemAt(counts, i) >= 8) continue;
    counts[i] = itemAt(counts, i) + 1;
    total++;
  }

  const openings: Opening[] = [];
  /** The demo employer's openings, in order: kind, status, employment support. */
  const demoPlan: Array<[OpeningKind, Opening["status"], EmploymentSupport | null, RoleKey]> = [
    ["task", "published", null, "lager"],
    ["practice", "published", null, "lager"],
    ["job", "published", "lonestod", "lager"],
    ["visit", "published", null, "lager"],
    ["work_trial", "published", null, "packare"],
    ["task", "draft", null, "truck"],
    ["job", "filled", "none", "truck"],
  ];

  const openingRows = new Map<string, Prisma.OpeningCreateManyInput>();
  const openingEventRows = new Map<string, Prisma.OpeningEventCreateManyInput[]>();
  employers.forEach((employer, ei) => {
    const employerTitles = new Set<string>();
    for (let n = 0; n < itemAt(counts, ei); n++) {
      const plan = ei === 0 ? itemAt(demoPlan, n) : null;
      const roleKey: RoleKey = plan ? plan[3] : rng.weighted(employer.roles);
      const role: RoleTemplate = ROLES[roleKey];
      const occupation = occupations.get(role.occupationId)!;
      const kind: OpeningKind = plan ? plan[0] : rng.weighted(KIND_WEIGHTS);
      const status: Opening["status"] = plan
        ? plan[1]
        : rng.weighted([
            ["published", 76],
            ["draft", 8],
            ["filled", 8],
            ["closed", 8],
          ] as const);
      const workplace = rng.pick(employer.workplaces);
      const sector = employer.type.sector;

      let support: EmploymentSupport | null = null;
      if (kind === "job") {
        support = plan
          ? plan[2]
          : sector === "private"
            ? rng.weighted([
                ["none", 40],
                ["lonestod", 35],
                ["nystartsjobb", 15],
                ["introduktionsjobb", 10],
              ] as const)
            : sector === "non_profit"
              ? rng.weighted([
                  ["none", 25],
                  ["lonestod", 40],
                  ["nystartsjobb", 15],
                  ["introduktionsjobb", 5],
                  ["osa", 15],
                ] as const)
              : rng.weighted([
                  ["none", 25],
                  ["lonestod", 30],
                  ["nystartsjobb", 10],
                  ["introduktionsjobb", 5],
                  ["osa", 15],
                  ["kommunal", 15],
                ] as const);
      }

      let hoursMin: number, hoursMax: number;
      switch (kind) {
        case "task":
          hoursMin = rng.int(2, 6);
          hoursMax = hoursMin + rng.int(0, 8);
          break;
        case "practice":
          hoursMin = rng.int(8, 20);
          hoursMax = hoursMin + rng.int(0, 15);
          break;
        case "work_trial":
          hoursMin = rng.int(4, 12);
          hoursMax = hoursMin + rng.int(4, 12);
          break;
        case "job":
          hoursMin = rng.pick([15, 20, 20, 25, 30, 30, 40]);
          hoursMax = hoursMin === 40 ? 40 : hoursMin + rng.pick([0, 5, 10, 15]);
          break;
        default:
          hoursMin = rng.int(1, 3);
          hoursMax = hoursMin + rng.int(0, 2);
      }
      hoursMin = clamp(hoursMin, 1, 40);
      hoursMax = clamp(hoursMax, hoursMin, 40);

      const times: ScheduleTime[] = plan ? ["day"] : rng.pick(role.schedules);
      const startFlexible = rng.chance(kind === "task" ? 0.7 : 0.45);
      const env: Env = {};
      for (const dim of Object.keys(environmentDimensions) as EnvironmentDimension[])
        env[dim] = rng.pick(role.env[dim] as string[]);
      env.instructions = [...rng.pick(role.env.instructions)];

      const supervisor = rng.chance(0.9) ? person().name : null;
      const supervisorFixed = supervisor !== null && rng.chance(0.75);
      const accommodationsOffered: Accommodation[] = [];
      const offer = (code: Accommodation, p: number) => {
        if (rng.chance(p)) accommodationsOffered.push(code);
      };
      offer("flexible_start", startFlexible ? 0.9 : 0);
      offer("shorter_days", kind === "job" ? 0.35 : 0.7);
      offer("extra_breaks", 0.45);
      offer("quiet_workspace", env.noise === "quiet" ? 0.7 : env.noise === "normal" ? 0.2 : 0);
      offer("written_instructions", env.instructions.includes("written") ? 0.9 : 0.1);
      offer("fixed_supervisor", supervisorFixed ? 0.95 : 0);
      offer("own_pace_introduction", 0.55);
      offer("coach_on_site", 0.5);
      offer("schedule_in_advance", 0.4);
      offer("hearing_protection", env.noise === "noisy" ? 0.9 : 0);
      offer("assistive_devices", 0.12);
      offer("step_free_access", env.setting === "indoor" ? 0.3 : 0.05);
      offer("language_support", 0.12);
      offer("partly_remote", role.office ? 0.5 : 0);

      let lengthWeeks: number | null = null;
      let purpose: string | null = null;
      if (kind === "practice") {
        lengthWeeks = rng.weighted([
          [4, 30],
          [6, 30],
          [8, 20],
          [12, 20],
        ] as const);
        purpose = rng.pick(T.PRACTICE_PURPOSES);
      } else if (kind === "work_trial") {
        lengthWeeks = rng.weighted([
          [4, 20],
          [8, 40],
          [12, 40],
        ] as const);
        purpose = rng.pick(T.WORK_TRIAL_PURPOSES);
      }
      const places =
        plan && kind === "practice"
          ? 2
          : kind === "visit"
            ? rng.int(2, 5)
            : kind === "task"
              ? rng.int(1, 3)
              : rng.weighted([
                  [1, 70],
                  [2, 30],
                ] as const);

      // Dates as day offsets from the anchor day.
      const createdOffset = status === "draft" ? -rng.int(1, 20) : -rng.int(6, 120);
      const publishedOffset = status === "draft" ? null : createdOffset + rng.int(0, 3);
      let closedOffset: number | null = null;
      let startOffset: number;
      if (status === "filled" || status === "closed") {
        closedOffset = Math.min(-1, publishedOffset! + rng.int(7, 40));
        startOffset = publishedOffset! + rng.int(3, 20);
      } else if (status === "draft") {
        startOffset = rng.int(14, 60);
      } else {
        startOffset = {
          task: rng.int(2, 30),
          practice: rng.int(-10, 45),
          work_trial: rng.int(-10, 45),
          job: rng.int(7, 60),
          visit: rng.int(2, 30),
        }[kind];
        startOffset = Math.max(startOffset, publishedOffset! + 3);
      }
      const lengthDays =
        kind === "practice" || kind === "work_trial"
          ? lengthWeeks! * 7
          : kind === "task"
            ? rng.int(1, 6) * 7
            : kind === "visit"
              ? rng.int(2, 8) * 7
              : support === "kommunal"
                ? 365
                : null;
      // A published opening is never past its end date.
      if (status === "published" && lengthDays !== null && startOffset + lengthDays < 7) startOffset = 7 - lengthDays;
      const endOffset = lengthDays === null ? null : startOffset + lengthDays;

      let title = openingTitle(rng, kind, role, support, hoursMax);
      for (let attempt = 0; attempt < 4 && employerTitles.has(title); attempt++)
        title = openingTitle(rng, kind, role, support, hoursMax);
      employerTitles.add(title);
      const tasks = rng.sample(role.tasks, rng.int(3, Math.min(5, role.tasks.length)));
      const skills = rng.sample(
        role.skillIds.filter((s) => skillIds.has(s)),
        rng.int(2, 4),
      );
      const description = openingDescription(kind, {
        employer: employer.name,
        title,
        role,
        hoursMin,
        hoursMax,
        times,
        supervisor,
        lengthWeeks,
        support,
        workplace: workplace.name,
        about: employer.type.description,
      });

      const leads: Opening["leads"] =
        kind === "job"
          ? "yes"
          : kind === "practice" || kind === "work_trial"
            ? rng.weighted([
                ["yes", 30],
                ["maybe", 55],
                ["no", 15],
              ] as const)
            : rng.weighted([
                ["maybe", 55],
                ["no", 45],
              ] as const);
      const fromCoach = rng.chance(0.3);
      const creatorId = fromCoach ? employer.contactCoach.id : rng.pick(employer.users).id;
      const opening: Opening = {
        id: newId(),
        employer,
        workplace,
        roleKey,
        role,
        occupation,
        kind,
        status,
        title,
        hoursMin,
        hoursMax,
        times,
        startFlexible,
        env,
        accommodations: accommodationsOffered,
        support,
        competitive: isCompetitive(kind, support),
        supervisorName: supervisor,
        supervisorFixed,
        leads,
        places,
        taken: 0,
        lengthWeeks,
        purpose,
        startOffset,
        endOffset,
        createdOffset,
        publishedOffset,
        closedOffset,
      };
      openings.push(opening);
      const createdAt = clock.workday(createdOffset, rng.int(8, 15), rng.pick([0, 10, 25, 40, 55]));
      const publishedAt =
        publishedOffset === null ? null : clock.workday(publishedOffset, rng.int(8, 16), rng.pick([5, 20, 35, 50]));
      const closedAt = closedOffset === null ? null : clock.workday(closedOffset, rng.int(8, 16));
      const closeReason =
        status === "filled"
          ? rng.pick(T.CLOSE_REASONS.filled)
          : status === "closed"
            ? rng.pick(T.CLOSE_REASONS.closed)
            : null;
      const updated =
        publishedAt && status === "published" && rng.chance(0.2)
          ? clock.workday(Math.min(-1, publishedOffset! + rng.int(1, 10)), 11)
          : null;
      const row: Prisma.OpeningCreateManyInput = {
        id: opening.id,
        employerId: employer.id,
        workplaceId: workplace.id,
        kind,
        status,
        title,
        description,
        tasks: json(tasks),
        occupationId: occupation.id,
        skillIds: json(skills),
        hoursMin,
        hoursMax,
        schedule: json({ times, startFlexible }),
        environment: json(env),
        accommodationsOffered: json(accommodationsOffered),
        employmentSupport: support,
        competitive: opening.competitive,
        leadsToEmployment: opening.leads,
        supervisorName: supervisor,
        supervisorFixed,
        purpose,
        lengthWeeks,
        places,
        startDate: clock.date(startOffset),
        endDate: endOffset === null ? null : clock.date(endOffset),
        publishedAt,
        closedAt,
        closeReason,
        createdById: creatorId,
        createdAt,
        updatedAt: closedAt ?? updated ?? publishedAt ?? createdAt,
      };
      rows.openings.push(row);
      openingRows.set(opening.id, row);
      const events: Prisma.OpeningEventCreateManyInput[] = [];
      openingEventRows.set(opening.id, events);
      const event = (action: string, at: Date, detail: string | null = null) => {
        const e = {
          id: newId(),
          openingId: opening.id,
          userId: creatorId,
          action,
          onBehalf: fromCoach,
          detail,
          createdAt: at,
        };
        events.push(e);
        rows.openingEvents.push(e);
      };
      event("created", createdAt);
      if (publishedAt) event("published", publishedAt);
      if (updated) event("updated", updated, "Ändrade arbetstider");
      if (closedAt) event(status, closedAt, closeReason);
    }
  });

  // ── participants ──
  const coachList = staff;
  const totalPct = coachList.reduce((s, c) => s + c.pct, 0);
  coachList.forEach(
    (c) => (c.caseload = c === demoCoach ? 10 : Math.round(((PARTICIPANTS - 10) * c.pct) / (totalPct - demoCoach.pct))),
  );
  const phaseBag = rng.shuffle(PHASE_BAG.flatMap(([phase, n]) => Array<Phase>(n).fill(phase)));
  const usedPseudonyms = new Map<Org, Set<string>>(orgs.map((o) => [o, new Set<string>()]));
  const participants: Participant[] = [];
  const occList = roleKeys.map((k) => occupations.get(ROLES[k].occupationId)!);
  const openingsByOccupation = new Map<string, Opening[]>();
  for (const o of openings)
    openingsByOccupation.set(o.occupation.id, [...(openingsByOccupation.get(o.occupation.id) ?? []), o]);

  let pIndex = 0;
  for (const coach of coachList) {
    for (let k = 0; k < coach.caseload; k++) {
      const isDemo = coach === demoCoach && k === 0;
      const phase: Phase = isDemo ? "practice" : itemAt(phaseBag, pIndex % phaseBag.length);
      pIndex++;
      participants.push(makeParticipant(coach, phase, isDemo));
    }
  }

  function makeParticipant(coach: Staff, phase: Phase, isDemo: boolean): Participant {
    const org = coach.org;
    const gender = isDemo
      ? "woman"
      : rng.weighted([
          ["woman", 44],
          ["man", 48],
          ["other", 3],
          ["undisclosed", 5],
        ] as const);
    const firstPool =
      gender === "woman"
        ? WOMEN_FIRST_NAMES
        : gender === "man"
          ? MEN_FIRST_NAMES
          : [...OTHER_FIRST_NAMES, ...WOMEN_FIRST_NAMES.slice(0, 5), ...MEN_FIRST_NAMES.slice(0, 5)];
    const taken = usedPseudonyms.get(org)!;
    let first = isDemo ? DEMO_PARTICIPANT_PSEUDONYM : rng.pick(firstPool);
    let last = rng.pick(LAST_NAMES);
    let pseudonym = isDemo ? DEMO_PARTICIPANT_PSEUDONYM : "";
    if (!isDemo) {
      const style = rng.weighted([
        ["first", 60],
        ["firstInitial", 25],
        ["initials", 15],
      ] as const);
      pseudonym =
        style === "first" ? first : style === "firstInitial" ? `${first} ${last[0]}.` : `${first[0]}.${last[0]}.`;
      while (taken.has(pseudonym) || pseudonym === DEMO_PARTICIPANT_PSEUDONYM) {
        first = rng.pick(firstPool);
        last = rng.pick(LAST_NAMES);
        pseudonym = `${first} ${last[0]}.`;
      }
    }
    taken.add(pseudonym);
    const age = isDemo
      ? 29
      : rng.weighted([
          [rng.int(19, 24), 25],
          [rng.int(25, 34), 35],
          [rng.int(35, 49), 28],
          [rng.int(50, 63), 12],
        ] as const);
    const home = isDemo ? placeIn(muni("0680")) : placeIn(pickMuni(areaMunis(org)), rng.chance(0.2));
    const goals = isDemo
      ? ["work", "practice"]
      : rng
          .weighted([
            [["work"], 30],
            [["work", "practice"], 45],
            [["practice"], 12],
            [["work", "studies"], 8],
            [["practice", "studies"], 5],
          ] as const)
          .slice();

    const travelMode = rng.weighted([
      ["public_transport", 40],
      ["bike", 20],
      ["car", 20],
      ["walk", 10],
      ["transport_service", 10],
    ] as const);
    const maxCommuteKm =
      travelMode === "walk"
        ? rng.int(2, 4)
        : travelMode === "bike"
          ? rng.int(5, 10)
          : travelMode === "car"
            ? rng.pick([20, 30, 40, 50])
            : rng.pick([10, 15, 20, 25, 30]);
    const hoursMin = rng.pick([5, 8, 10, 15, 20]);
    const prefs: Prefs = {
      hoursMin,
      hoursMax: Math.min(40, hoursMin + rng.pick([5, 10, 15, 20])),
      schedule: rng
        .weighted([
          [["day"], 60],
          [["day", "evening"], 20],
          [["day", "weekend"], 10],
          [["day", "evening", "weekend"], 10],
        ] as const)
        .slice(),
      maxCommuteKm,
      travelMode,
    };
    const envPrefs: Env = {};
    for (const dim of rng.sample(Object.keys(environmentDimensions) as EnvironmentDimension[], rng.int(2, 4))) {
      envPrefs[dim] = rng.pick(environmentDimensions[dim].codes as readonly string[]);
    }
    if (rng.chance(0.5)) envPrefs.instructions = rng.sample(["written", "verbal", "shown"], rng.int(1, 2));

    const needs: Need[] = [];
    const needCount = rng.weighted([
      [0, 25],
      [1, 35],
      [2, 28],
      [3, 12],
    ] as const);
    const needPool: Array<[Accommodation, number]> = [
      ["written_instructions", 15],
      ["fixed_supervisor", 15],
      ["flexible_start", 10],
      ["shorter_days", 12],
      ["extra_breaks", 10],
      ["quiet_workspace", 8],
      ["own_pace_introduction", 10],
      ["coach_on_site", 8],
      ["schedule_in_advance", 8],
      ["hearing_protection", 3],
      ["assistive_devices", 3],
      ["step_free_access", 2],
      ["language_support", 4],
      ["partly_remote", 2],
    ];
    const commonMust = new Set<Accommodation>([
      "written_instructions",
      "fixed_supervisor",
      "shorter_days",
      "flexible_start",
    ]);
    for (let i = 0; i < needCount; i++) {
      const code = rng.weighted(needPool);
      if (needs.some((n) => n.code === code)) continue;
      needs.push({ code, must: commonMust.has(code) && !needs.some((n) => n.must) && rng.chance(0.4) });
    }

    const exclusions: Exclusions = { occupationIds: [], groupCodes: [], environment: [], schedule: [] };
    if (rng.chance(0.2)) exclusions.occupationIds.push(rng.pick(occList).id);
    if (rng.chance(0.08)) exclusions.groupCodes.push(rng.pick(occList).ssyk4Code);
    for (const e of rng.sample(
      ["physicalLoad:heavy", "customerContact:much", "noise:noisy", "pace:high"],
      rng.weighted([
        [0, 40],
        [1, 40],
        [2, 20],
      ] as const),
    )) {
      exclusions.environment.push(e);
    }
    if (rng.chance(0.4)) exclusions.schedule.push("night");
    if (rng.chance(0.12)) exclusions.schedule.push("weekend");
    prefs.schedule = prefs.schedule.filter((t) => !exclusions.schedule.includes(t));
    if (prefs.schedule.length === 0) prefs.schedule = ["day"];

    const licences = rng.chance(0.3) ? ["B"] : rng.chance(0.05) ? ["AM"] : [];
    const enrolledOffset = {
      enrolled: -rng.int(1, 14),
      profiling: -rng.int(10, 45),
      job_search: -rng.int(35, 200),
      practice: -rng.int(60, 250),
      employed_support: -rng.int(150, 500),
      exited: -rng.int(220, 700),
    }[phase];
    return {
      id: newId(),
      org,
      coach,
      pseudonym,
      first,
      gender,
      age,
      home,
      goals,
      phase,
      enrolledOffset,
      interests: [],
      groupCodes: [],
      prefs,
      envPrefs,
      needs,
      exclusions,
      licences,
      userId: null,
      email: null,
      firstEmployerContactOffset: null,
    };
  }
  const demoParticipant = first(participants);

  // ── hard filters, as the matcher applies them (docs/product-rules.md#matching, app/domain/matching/hard-filters.ts) ──
  const distanceKm = (p: Participant, o: Opening) => haversineKm(p.home, o.workplace);
  function kindFitsGoals(p: Participant, kind: OpeningKind) {
    return p.goals.some((g) => (KINDS_BY_GOAL[g] ?? []).includes(kind));
  }
  const offers = (o: Opening, code: Accommodation) =>
    o.accommodations.includes(code) ||
    (code === "written_instructions" && (o.env.instructions ?? []).includes("written")) ||
    (code === "fixed_supervisor" && o.supervisorFixed) ||
    (code === "flexible_start" && o.startFlexible);
  const hasEnvironment = (o: Opening, item: string) => {
    const [dimension, value] = item.split(":");
    if (dimension === "instructions") return value !== undefined && (o.env.instructions ?? []).includes(value);
    const actual = o.env[dimension as EnvironmentDimension];
    return (
      actual === value || (dimension === "setting" && actual === "both" && (value === "indoor" || value === "outdoor"))
    );
  };
  const hoursOverlap = (p: Participant, o: Opening) => o.hoursMin <= p.prefs.hoursMax && o.hoursMax >= p.prefs.hoursMin;
  function compatible(p: Participant, o: Opening): boolean {
    if (!kindFitsGoals(p, o.kind)) return false;
    if (distanceKm(p, o) > p.prefs.maxCommuteKm) return false;
    if (!hoursOverlap(p, o)) return false;
    if (
      p.exclusions.occupationIds.includes(o.occupation.id) ||
      p.exclusions.groupCodes.some((c) => o.occupation.ssyk4Code.startsWith(c))
    )
      return false;
    if (p.exclusions.environment.some((e) => hasEnvironment(o, e))) return false;
    if (p.exclusions.schedule.some((t) => o.times.includes(t))) return false;
    if (p.needs.some((n) => n.must && !offers(o, n.code))) return false;
    if (licenceOccupations.has(o.occupation.id) && !p.licences.includes("B")) return false;
    return true;
  }
  /** Adjusts a profile so that an opening the participant really got (or was presented for) passes the hard filters. */
  function reconcile(p: Participant, o: Opening) {
    if (!kindFitsGoals(p, o.kind)) p.goals.push(o.kind === "job" ? "work" : "practice");
    const d = distanceKm(p, o);
    if (d > p.prefs.maxCommuteKm) {
      p.prefs.maxCommuteKm = Math.ceil(d) + 3;
      if (p.prefs.travelMode === "walk" || p.prefs.travelMode === "bike") p.prefs.travelMode = "public_transport";
    }
    if (!hoursOverlap(p, o)) {
      p.prefs.hoursMin = Math.min(p.prefs.hoursMin, o.hoursMin);
      p.prefs.hoursMax = Math.max(p.prefs.hoursMax, o.hoursMin);
    }
    p.exclusions.occupationIds = p.exclusions.occupationIds.filter((id) => id !== o.occupation.id);
    p.exclusions.groupCodes = p.exclusions.groupCodes.filter((c) => !o.occupation.ssyk4Code.startsWith(c));
    p.exclusions.environment = p.exclusions.environment.filter((e) => !hasEnvironment(o, e));
    p.exclusions.schedule = p.exclusions.schedule.filter((t) => !o.times.includes(t));
    for (const n of p.needs) if (n.must && !offers(o, n.code)) n.must = false;
    if (licenceOccupations.has(o.occupation.id) && !p.licences.includes("B")) p.licences.push("B");
    if (!p.interests.includes(o.occupation.id)) p.interests.unshift(o.occupation.id);
  }

  // ── placements: chosen first, so that the profile is built around what really happened ──
  type PlacementPlan = {
    p: Participant;
    o: Opening;
    startOffset: number;
    ended: boolean;
    endOffset: number | null;
    endReason: string | null;
  };
  const placementPlans: PlacementPlan[] = [];
  function choosePlacementOpening(p: Participant, kinds: OpeningKind[]): Opening | null {
    const candidates = openings
      // A filled opening has room for the people who filled it; a published one keeps a free place.
      .filter(
        (o) =>
          kinds.includes(o.kind) &&
          o.employer.org === p.org &&
          ((o.status === "filled" && o.taken < o.places) || (o.status === "published" && o.taken + 1 < o.places)),
      )
      .sort((a, b) => distanceKm(p, a) - distanceKm(p, b) || a.id.localeCompare(b.id));
    if (candidates.length === 0) return null;
    // A job someone already holds is usually an opening that is filled by now.
    const preferred =
      kinds.includes("job") && candidates.some((o) => o.status === "filled")
        ? candidates.filter((o) => o.status === "filled")
        : candidates;
    const fitting = preferred.filter((o) => compatible(p, o));
    return rng.pick((fitting.length ? fitting : preferred).slice(0, 5));
  }

  for (const p of participants) {
    const jobSearchOffset = Math.min(-1, p.enrolledOffset + rng.int(10, 28));
    if (p.phase === "practice") {
      const o =
        p === demoParticipant
          ? openings.find((x) => x.employer === demoEmployer && x.kind === "practice")!
          : choosePlacementOpening(p, ["practice", "work_trial"]);
      if (!o) continue;
      const weeks = o.lengthWeeks ?? 8;
      const startOffset =
        p === demoParticipant ? -17 : Math.max(jobSearchOffset + rng.int(14, 40), -(weeks * 7) + 10, -rng.int(5, 70));
      o.taken++;
      placementPlans.push({
        p,
        o,
        startOffset: Math.min(startOffset, -3),
        ended: false,
        endOffset: null,
        endReason: null,
      });
      reconcile(p, o);
    } else if (p.phase === "employed_support" || (p.phase === "exited" && rng.chance(0.4))) {
      const o = choosePlacementOpening(p, ["job"]);
      if (!o) continue;
      const startOffset = Math.min(-14, jobSearchOffset + rng.int(30, 120));
      o.taken++;
      const ended = p.phase === "exited";
      const endOffset = ended ? Math.min(-5, startOffset + rng.int(120, 300)) : null;
      placementPlans.push({
        p,
        o,
        startOffset,
        ended,
        endOffset,
        endReason: ended ? T.PLACEMENT_END_REASONS.work : null,
      });
      reconcile(p, o);
    }
  }
  /**
   * An opening someone was placed at must have been published before the proposal and have started
   * by the placement's start: move its dates (and its events) around the placement.
   */
  function retime(o: Opening, placementStart: number) {
    const row = openingRows.get(o.id)!;
    const events = openingEventRows.get(o.id)!;
    const latestPublish = placementStart - 35;
    if (o.publishedOffset === null || o.publishedOffset > latestPublish) {
      o.publishedOffset = latestPublish - rng.int(0, 25);
      o.createdOffset = o.publishedOffset - rng.int(0, 3);
    }
    if (o.status === "filled" || o.status === "closed") o.closedOffset = Math.min(-1, placementStart - 2);
    // Whoever filled an opening started when it did; an opening still published started no later.
    if (o.status !== "published" || o.startOffset > placementStart) o.startOffset = placementStart;
    if (o.lengthWeeks !== null) o.endOffset = o.startOffset + o.lengthWeeks * 7;
    else if (o.endOffset !== null)
      o.endOffset = Math.max(o.startOffset + 365, o.status === "published" ? 30 : o.startOffset + 365);
    const createdAt = clock.workday(o.createdOffset, 9, 10);
    const publishedAt = clock.workday(o.publishedOffset, 13, 20);
    const closedAt = o.closedOffset === null ? null : clock.workday(o.closedOffset, 15);
    Object.assign(row, {
      createdAt,
      publishedAt,
      closedAt,
      startDate: clock.date(o.startOffset),
      endDate: o.endOffset === null ? null : clock.date(o.endOffset),
      updatedAt: closedAt ?? publishedAt,
    });
    for (const e of events) {
      if (e.action === "created") e.createdAt = createdAt;
      else if (e.action === "published") e.createdAt = publishedAt;
      else if (e.action === "updated") e.createdAt = clock.workday(o.publishedOffset + 1, 11);
      else if (closedAt) e.createdAt = closedAt;
    }
  }
  for (const plan of placementPlans) retime(plan.o, plan.startOffset);

  // Demo: a participant of the demo coach presented to the demo employer, awaiting its answer.
  const demoEmployerJob = openings.find(
    (o) => o.employer === demoEmployer && o.kind === "job" && o.status === "published",
  )!;
  const demoCandidate = participants.find(
    (p) => p.coach === demoCoach && p.phase === "job_search" && p !== demoParticipant,
  );
  if (demoCandidate) reconcile(demoCandidate, demoEmployerJob);
  // Demo: the demo participant has a fresh proposal for a job elsewhere.
  const demoNewJob = openings
    .filter(
      (o) =>
        o.employer !== demoEmployer &&
        o.kind === "job" &&
        o.status === "published" &&
        o.employer.org === demoParticipant.org,
    )
    .sort((a, b) => distanceKm(demoParticipant, a) - distanceKm(demoParticipant, b) || a.id.localeCompare(b.id))[0];
  if (demoNewJob) reconcile(demoParticipant, demoNewJob);

  // ── interests from what is on offer nearby ──
  for (const p of participants) {
    const want = p.phase === "enrolled" ? rng.int(0, 1) : rng.int(1, 3);
    const nearby = openings.filter((o) => o.status !== "draft" && compatible(p, o));
    const weights = new Map<string, number>();
    for (const o of nearby) weights.set(o.occupation.id, (weights.get(o.occupation.id) ?? 0) + 1);
    const candidates = [...weights.entries()]
      .filter(([id]) => !p.interests.includes(id))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    while (p.interests.length < want && candidates.length > 0) {
      const chosen = rng.weighted(candidates.map(([id, w]) => [id, w] as const));
      p.interests.push(chosen);
      candidates.splice(
        candidates.findIndex(([id]) => id === chosen),
        1,
      );
    }
    while (p.interests.length < want) {
      const occ = rng.pick(occList);
      if (!p.interests.includes(occ.id) && !p.exclusions.occupationIds.includes(occ.id)) p.interests.push(occ.id);
    }
    if (p.interests.length > 0 && rng.chance(0.3)) p.groupCodes.push(occupations.get(first(p.interests))!.ssyk4Code);
    p.exclusions.groupCodes = p.exclusions.groupCodes.filter(
      (c) => !p.interests.some((id) => occupations.get(id)!.ssyk4Code === c),
    );
  }

  // ── proposals ──
  type ProposalStatus =
    | "proposed"
    | "more_info"
    | "declined_by_participant"
    | "accepted_by_participant"
    | "presented"
    | "accepted_by_employer"
    | "declined_by_employer"
    | "expired"
    | "withdrawn";
  const proposalIdsByPlacement = new Map<PlacementPlan, string>();
  const usedPairs = new Set<string>();

  function addProposal(
    p: Participant,
    o: Opening,
    status: ProposalStatus,
    proposedOffset: number,
    startOffset?: number,
  ): string {
    usedPairs.add(`${p.id}:${o.id}`);
    const { score, reasons } = scoreOf(rng, p, o, occupations);
    const id = newId();
    const proposedAt = clock.workday(proposedOffset, rng.int(8, 15), rng.pick([0, 15, 30, 45]));
    const step = (days: number) => Math.min(-1, proposedOffset + days);
    const answered = ["proposed", "expired", "withdrawn"].includes(status) ? null : step(rng.int(1, 3));
    const participantAnswer =
      answered === null
        ? null
        : status === "more_info"
          ? "more_info"
          : status === "declined_by_participant"
            ? "no"
            : "yes";
    const presented = ["presented", "accepted_by_employer", "declined_by_employer"].includes(status)
      ? step(rng.int(3, 5))
      : null;
    const employerAnswered =
      status === "accepted_by_employer" || status === "declined_by_employer" ? step(rng.int(6, 10)) : null;
    if (presented !== null) {
      p.firstEmployerContactOffset = Math.min(p.firstEmployerContactOffset ?? 0, presented);
      rows.employerContacts.push({
        id: newId(),
        organizationId: p.org.id,
        employerId: o.employer.id,
        coachId: p.coach.id,
        participantId: p.id,
        kind: "call",
        notes: `Presenterade ${p.pseudonym} för ${o.title.toLowerCase()}. ${status === "presented" ? "De återkommer inom en vecka." : "Bra samtal."}`,
        occurredAt: clock.workday(presented, 10, 30),
        createdAt: clock.workday(presented, 10, 45),
      });
    }
    rows.proposals.push({
      id,
      participantId: p.id,
      openingId: o.id,
      coachId: p.coach.id,
      score,
      reasons: json(reasons),
      status,
      proposedAt,
      expiresAt: clock.at(proposedOffset + 14, 23, 59),
      participantAnswer,
      participantReason:
        status === "declined_by_participant"
          ? rng.pick(T.PARTICIPANT_DECLINE_REASONS)
          : status === "more_info"
            ? rng.pick(T.PARTICIPANT_MORE_INFO)
            : null,
      participantAnsweredAt: answered === null ? null : clock.workday(answered, rng.int(9, 19)),
      presentedAt: presented === null ? null : clock.workday(presented, 11),
      employerDecision:
        status === "accepted_by_employer" ? "accept" : status === "declined_by_employer" ? "decline" : null,
      employerReason: status === "declined_by_employer" ? rng.pick(T.EMPLOYER_DECLINE_REASONS) : null,
      employerAnsweredAt: employerAnswered === null ? null : clock.workday(employerAnswered, rng.int(8, 16)),
      visitAt:
        status === "accepted_by_employer" && startOffset !== undefined
          ? clock.workday(Math.max(proposedOffset + 8, startOffset - 5), 10)
          : null,
      proposedStartDate: startOffset !== undefined ? clock.date(startOffset) : null,
    });
    return id;
  }

  for (const plan of placementPlans) {
    const proposedOffset = plan.startOffset - rng.int(14, 30);
    proposalIdsByPlacement.set(
      plan,
      addProposal(plan.p, plan.o, "accepted_by_employer", proposedOffset, plan.startOffset),
    );
  }
  if (demoCandidate) addProposal(demoCandidate, demoEmployerJob, "presented", -6);
  if (demoNewJob) addProposal(demoParticipant, demoNewJob, "proposed", -2);

  for (const p of participants) {
    if (p.phase === "enrolled" || p.phase === "profiling") continue;
    const extra =
      p.phase === "job_search"
        ? rng.weighted([
            [0, 15],
            [1, 40],
            [2, 30],
            [3, 15],
          ] as const)
        : rng.weighted([
            [0, 50],
            [1, 40],
            [2, 10],
          ] as const);
    const pool = openings
      .filter(
        (o) => o.status === "published" && o.taken < o.places && !usedPairs.has(`${p.id}:${o.id}`) && compatible(p, o),
      )
      .sort((a, b) => distanceKm(p, a) - distanceKm(p, b) || a.id.localeCompare(b.id));
    const chosen = rng.sample(pool.slice(0, 8), extra);
    chosen.forEach((o, i) => {
      const open = p.phase === "job_search" && i === 0;
      const status: ProposalStatus = open
        ? rng.weighted([
            ["proposed", 30],
            ["more_info", 10],
            ["accepted_by_participant", 15],
            ["presented", 25],
          ] as const)
        : rng.weighted([
            ["declined_by_participant", 30],
            ["declined_by_employer", 30],
            ["expired", 20],
            ["withdrawn", 10],
            ["more_info", 10],
          ] as const);
      const offset = open ? -rng.int(1, 9) : -rng.int(12, 80);
      addProposal(p, o, status, Math.max(offset, Math.min(-1, p.enrolledOffset + 14)));
    });
  }

  // ── placements, threads, messages, meetings ──
  for (const plan of placementPlans) {
    const { p, o } = plan;
    const placementId = newId();
    const start = plan.startOffset;
    const hoursPerWeek = clamp(Math.max(o.hoursMin, p.prefs.hoursMin), o.hoursMin, o.hoursMax);
    const plannedEnd = o.kind === "practice" || o.kind === "work_trial" ? start + (o.lengthWeeks ?? 8) * 7 : null;
    const sinceStart = -start;
    const status = plan.ended
      ? "ended"
      : sinceStart <= 14
        ? "introduction"
        : o.kind === "job" && sinceStart > 180
          ? "after_support"
          : "follow_up";
    const intensity =
      status === "introduction"
        ? "weekly"
        : status === "after_support"
          ? rng.pick(["monthly", "on_request"])
          : rng.pick(["weekly", "biweekly"]);
    const supervisor = o.supervisorName ?? person().name;
    rows.placements.push({
      id: placementId,
      proposalId: proposalIdsByPlacement.get(plan),
      participantId: p.id,
      openingId: o.id,
      kind: o.kind,
      startDate: clock.date(start),
      endDate: plannedEnd === null ? null : clock.date(plannedEnd),
      hoursPerWeek,
      supervisorName: supervisor,
      purpose:
        o.purpose ?? "Anställning med stöd: efterstöd till både medarbetare och arbetsgivare så länge det behövs.",
      status,
      supportIntensity: intensity,
      nextCheckInAt: plan.ended ? null : clock.workday(rng.int(2, 14), 10),
      endedAt: plan.endOffset === null ? null : clock.workday(plan.endOffset, 15),
      endReason: plan.endReason,
      createdAt: clock.workday(start - rng.int(3, 7), 14),
    });

    // The support thread.
    const threadId = newId();
    const employerUser = first(o.employer.users);
    const script = p === demoParticipant ? first(T.PLACEMENT_SCRIPTS) : rng.pick(T.PLACEMENT_SCRIPTS);
    const values = {
      participant: p.pseudonym,
      participantGen: genitive(p.pseudonym),
      supervisor,
      employerFirst: employerUser.first,
      employer: o.employer.name,
    };
    const lastRead = new Map<string, Date>();
    let lastMessageAt = clock.workday(start - 2, 9);
    for (const line of script) {
      const dayOffset = start - 2 + line.afterDays;
      if (dayOffset > -1 || (plan.endOffset !== null && dayOffset > plan.endOffset)) continue;
      const author = line.from === "coach" ? p.coach.id : rng.pick(o.employer.users).id;
      const at = clock.workday(dayOffset, rng.int(8, 16), rng.int(0, 59));
      if (at <= lastMessageAt && rows.messages.some((m) => m.threadId === threadId))
        at.setTime(lastMessageAt.getTime() + 37 * 60_000);
      rows.messages.push({
        id: newId(),
        threadId,
        authorId: author,
        body: fill(line.text, values),
        visibility: line.shared ? "shared" : "employer",
        via: rng.chance(0.15) ? "email" : "web",
        createdAt: at,
      });
      lastMessageAt = at;
      lastRead.set(author, at);
    }
    rows.threads.push({
      id: threadId,
      kind: "placement",
      employerId: o.employer.id,
      organizationId: p.org.id,
      placementId,
      subject: `${p.pseudonym} – ${KIND_WORD[o.kind]} som ${o.role.noun}`,
      status: plan.ended ? "closed" : "open",
      createdById: p.coach.id,
      createdAt: clock.workday(start - 2, 8, 30),
      lastMessageAt,
    });
    for (const [userId, at] of lastRead) rows.threadReads.push({ threadId, userId, lastReadAt: at });

    // Meetings: a three-party meeting after the introduction, follow-ups, the next one planned.
    const meetingDays: Array<[number, "three_party" | "follow_up"]> = [[start + rng.int(7, 12), "three_party"]];
    const until = plan.endOffset ?? 0;
    for (let d = first(meetingDays)[0] + rng.int(21, 35); d < until; d += rng.int(21, 45))
      meetingDays.push([d, "follow_up"]);
    if (!plan.ended)
      meetingDays.push([rng.int(2, 12), p === demoParticipant || rng.chance(0.4) ? "three_party" : "follow_up"]);
    for (const [day, kind] of meetingDays) {
      const done = day <= -1;
      if (!done && plan.ended) continue;
      const meetingId = newId();
      const offset = clock.workdayOffset(day);
      rows.meetings.push({
        id: meetingId,
        placementId,
        kind,
        scheduledAt: clock.at(offset, rng.pick([9, 10, 13, 14]), rng.pick([0, 30])),
        durationMin: kind === "three_party" ? 60 : 45,
        place: o.workplace.name,
        agenda: T.MEETING_AGENDAS[kind],
        status: done ? "done" : "planned",
        notes: done ? rng.pick(T.MEETING_NOTES) : null,
        doneAt: done ? clock.at(offset, 15) : null,
        createdById: p.coach.id,
        createdAt: clock.workday(Math.min(day - 7, -1), 8),
      });
      if (done) {
        for (const action of rng.sample(T.MEETING_ACTIONS, rng.int(1, 2))) {
          const due = day + rng.int(7, 14);
          rows.meetingActions.push({
            id: newId(),
            meetingId,
            text: action.text,
            owner: action.owner,
            dueDate: clock.date(due),
            doneAt: due <= -1 && rng.chance(0.7) ? clock.workday(due, 12) : null,
          });
        }
      }
    }
  }

  // ── "fråga coachen": question threads from employers ──
  const askers = [demoEmployer, ...rng.sample(employers.slice(1), T.QUESTION_SCRIPTS.length + 2)];
  // The unanswered question (script 4) goes to the demo coach, so the coach's inbox has something to do.
  const unansweredFor = employers.find((e) => e !== demoEmployer && e.contactCoach === demoCoach);
  if (unansweredFor) {
    const at = askers.indexOf(unansweredFor);
    if (at > 0) askers.splice(at, 1);
    askers.splice(4, 0, unansweredFor);
  }
  askers.forEach((employer, i) => {
    const script = itemAt(T.QUESTION_SCRIPTS, i % T.QUESTION_SCRIPTS.length);
    const threadId = newId();
    const asker = first(employer.users);
    const coach = employer.contactCoach;
    const startOffset = i === 0 ? -9 : -rng.int(1, 60);
    let lastMessageAt = clock.workday(startOffset, 9);
    const lastRead = new Map<string, Date>();
    let count = 0;
    for (const line of script.lines) {
      const day = startOffset + line.afterDays;
      if (day > -1 && count > 0) continue;
      const author = line.from === "coach" ? coach.id : asker.id;
      const at = clock.workday(Math.min(day, -1), rng.int(8, 16), rng.int(0, 59));
      if (count > 0 && at <= lastMessageAt) at.setTime(lastMessageAt.getTime() + 52 * 60_000);
      rows.messages.push({
        id: newId(),
        threadId,
        authorId: author,
        body: line.text,
        visibility: "employer",
        via: line.from === "employer" && rng.chance(0.3) ? "email" : "web",
        createdAt: at,
      });
      lastMessageAt = at;
      lastRead.set(author, at);
      count++;
    }
    rows.threads.push({
      id: threadId,
      kind: "question",
      employerId: employer.id,
      organizationId: employer.org.id,
      subject: script.subject,
      status: startOffset < -30 && last(script.lines).from === "coach" ? "closed" : "open",
      createdById: asker.id,
      createdAt: clock.workday(startOffset, 8, 45),
      lastMessageAt,
    });
    for (const [userId, at] of lastRead) rows.threadReads.push({ threadId, userId, lastReadAt: at });
  });

  // ── the coaches' log of employer contacts ──
  for (const employer of employers) {
    const n = employer === demoEmployer ? 4 : rng.int(1, 4);
    const offsets = Array.from({ length: n }, () => -rng.int(2, 150)).sort((a, b) => a - b);
    for (const day of offsets) {
      const kind = rng.weighted([
        ["visit", 30],
        ["call", 35],
        ["meeting", 15],
        ["study_visit", 10],
        ["email", 10],
      ] as const);
      let participantId: string | null = null;
      if (kind === "study_visit") {
        const candidates = participants.filter(
          (x) => x.coach === employer.contactCoach && x.enrolledOffset < day && x.phase !== "enrolled",
        );
        if (candidates.length > 0) {
          const p = rng.pick(candidates);
          participantId = p.id;
          p.firstEmployerContactOffset = Math.min(p.firstEmployerContactOffset ?? 0, day);
        }
      }
      rows.employerContacts.push({
        id: newId(),
        organizationId: employer.org.id,
        employerId: employer.id,
        coachId: employer.contactCoach.id,
        participantId,
        kind,
        notes: rng.pick(T.CONTACT_NOTES[kind]),
        occurredAt: clock.workday(day, rng.int(8, 15), rng.pick([0, 15, 30, 45])),
        followUpDate: rng.chance(0.3) ? clock.date(clock.workdayOffset(rng.int(3, 30))) : null,
        createdAt: clock.workday(day, 16),
      });
    }
  }

  // ── participant rows, users, consents, phases, profiles, outcomes ──
  let participantUserNo = 0;
  for (const p of participants) {
    const isDemo = p === demoParticipant;
    const enrolledAt = clock.workday(p.enrolledOffset, rng.int(9, 14), rng.pick([0, 30]));
    const plan = placementPlans.find((x) => x.p === p);
    const hasUser = isDemo || rng.chance(0.3);
    if (hasUser) {
      participantUserNo++;
      p.userId = newId();
      p.email = isDemo ? demoAccount("participant").email : `${slug(p.first)}.${participantUserNo}@deltagare.example`;
      usedEmails.add(p.email);
      rows.participantUsers.push({
        id: p.userId,
        email: p.email,
        name: p.pseudonym,
        role: "participant",
        notifyMessages: rng.chance(0.7) ? "each" : "off",
        createdAt: clock.workday(Math.min(-1, p.enrolledOffset + rng.int(0, 7)), 11),
      });
    }

    // Phase history.
    const sequence: Phase[] = ["enrolled"];
    if (p.phase !== "enrolled") sequence.push("profiling");
    if (["job_search", "practice", "employed_support", "exited"].includes(p.phase)) sequence.push("job_search");
    if (p.phase === "practice") sequence.push("practice");
    if (p.phase === "employed_support") {
      if (rng.chance(0.5)) sequence.push("practice");
      sequence.push("employed_support");
    }
    let exitOffset: number | null = null;
    if (p.phase === "exited") {
      if (plan) sequence.push("employed_support");
      sequence.push("exited");
      exitOffset = plan?.endOffset ?? -rng.int(5, 120);
    }
    const lastOffset = exitOffset ?? plan?.startOffset ?? Math.min(-1, p.enrolledOffset + rng.int(3, 30));
    const changeOffsets: number[] = [p.enrolledOffset];
    for (let i = 1; i < sequence.length; i++) {
      const isLast = i === sequence.length - 1;
      const previousOffset = itemAt(changeOffsets, i - 1);
      if (isLast) changeOffsets.push(Math.max(lastOffset, previousOffset));
      else if (sequence[i] === "employed_support" && plan)
        changeOffsets.push(Math.max(plan.startOffset, previousOffset));
      else {
        const room = Math.max(0, lastOffset - previousOffset);
        changeOffsets.push(previousOffset + Math.min(room, Math.round(room / (sequence.length - i)) + rng.int(0, 3)));
      }
    }
    let previous: Phase | null = null;
    sequence.forEach((phase, i) => {
      rows.phaseChanges.push({
        id: newId(),
        participantId: p.id,
        fromPhase: previous,
        toPhase: phase,
        at: clock.workday(itemAt(changeOffsets, i), 10 + (i % 5), 15),
        byId: p.coach.id,
      });
      previous = phase;
    });
    const phaseChangedAt = clock.workday(last(changeOffsets), 10 + ((sequence.length - 1) % 5), 15);

    const startOccupation = rng.weighted([
      ["job_seeking", 30],
      ["none", 45],
      ["practice", 8],
      ["studies", 7],
      ["employed", 5],
    ] as const);
    const incomePool: Array<[string, number]> = [
      ["activity_compensation", p.age <= 29 ? 30 : 0],
      ["sickness_compensation", p.age >= 30 ? 14 : 0],
      ["activity_support", 20],
      ["social_assistance", 22],
      ["sickness_benefit", 12],
      ["unemployment_benefit", 6],
      ["establishment_benefit", 4],
      ["no_public_support", 5],
      ["other", 2],
    ];
    const income = [rng.weighted(incomePool)];
    if (rng.chance(0.25)) {
      const second = rng.weighted(incomePool);
      if (!income.includes(second) && second !== "no_public_support" && income[0] !== "no_public_support")
        income.push(second);
    }
    if (startOccupation === "employed") income.push("salary");

    const realName = rng.chance(0.4) ? `${p.first} ${rng.pick(LAST_NAMES)}` : null;
    rows.participants.push({
      id: p.id,
      organizationId: p.org.id,
      coachId: p.coach.id,
      userId: p.userId,
      pseudonym: p.pseudonym,
      realName: isDemo ? null : realName,
      email: p.email,
      phone: p.email || rng.chance(0.5) ? mobile() : null,
      gender: p.gender,
      birthYear: REFERENCE_YEAR - p.age,
      municipalityCode: p.home.municipalityCode,
      postalCode: p.home.postalCode,
      lat: p.home.lat,
      lng: p.home.lng,
      referralSource: rng.weighted([
        ["arbetsformedlingen", 30],
        ["forsakringskassan", 15],
        ["socialtjanst", 20],
        ["psykiatri", 20],
        ["lss", 8],
        ["self", 7],
      ] as const),
      goals: json(p.goals),
      phase: p.phase,
      phaseChangedAt,
      enrolledAt,
      startOccupation,
      startIncomeSources: json(income),
      nextContactAt: p.phase === "exited" ? null : clock.workday(rng.int(1, 14), rng.int(9, 15)),
      lastContactAt: clock.workday(exitOffset ?? Math.max(p.enrolledOffset, -rng.int(1, 21)), 13),
      exitedAt: exitOffset === null ? null : clock.workday(exitOffset, 15),
      createdAt: enrolledAt,
      updatedAt: phaseChangedAt,
    });

    // Consents: use of Brygga always; registration for statistics for most.
    rows.consents.push({
      id: newId(),
      participantId: p.id,
      scope: "brygga",
      given: true,
      date: enrolledAt,
      recordedById: p.coach.id,
      createdAt: enrolledAt,
    });
    const statistics = rng.weighted([
      ["given", 88],
      ["refused", 4],
      ["none", 8],
    ] as const);
    if (statistics !== "none") {
      rows.consents.push({
        id: newId(),
        participantId: p.id,
        scope: "statistics",
        given: statistics === "given",
        date: enrolledAt,
        recordedById: p.coach.id,
        withdrawnAt:
          statistics === "given" && rng.chance(0.03) ? clock.workday(Math.min(-1, p.enrolledOffset + 30), 10) : null,
        createdAt: enrolledAt,
      });
    }

    // The vocational profile.
    const sparse = p.phase === "enrolled";
    const interestRoles = roleKeys.filter((k) => p.interests.includes(ROLES[k].occupationId));
    const profileSkills = [
      ...new Set(interestRoles.flatMap((k) => ROLES[k].skillIds as string[]).filter((s) => skillIds.has(s))),
    ];
    const experience = Array.from({ length: sparse ? rng.int(0, 1) : rng.int(0, 3) }, (_, i) => {
      const role: RoleTemplate = ROLES[rng.pick(interestRoles.length && rng.chance(0.6) ? interestRoles : roleKeys)];
      const year = REFERENCE_YEAR - rng.int(1, Math.max(2, p.age - 17));
      const [workedFactor, worked] = rng.pick(T.EXPERIENCE_WORKED);
      const [didNotWorkFactor, didNotWork] = rng.pick(T.EXPERIENCE_DID_NOT_WORK);
      const factors: Record<string, { verdict: "worked" | "did_not_work"; note: string }> = {
        [workedFactor]: { verdict: "worked", note: worked },
      };
      if (didNotWorkFactor !== workedFactor) factors[didNotWorkFactor] = { verdict: "did_not_work", note: didNotWork };
      return {
        id: `e${i + 1}`,
        what: cap(role.noun),
        where: fill(rng.pick(T.EXPERIENCE_WHERE), { place: munis.get(p.home.municipalityCode)!.name }),
        when: `${year}, ${rng.int(1, 18)} månader`,
        occupationId: role.occupationId,
        hoursPerWeek: rng.pick([8, 10, 15, 20, 25, 30, 40]),
        colleagues: rng.pick([1, 3, 5, 8, 12, 20, 40]),
        instructions: rng.sample(["written", "verbal", "shown"], rng.int(1, 2)),
        factors,
        worked,
        didNotWork,
      };
    });
    const languages = [LANGUAGES.swedish as string, ...(rng.chance(0.3) ? [rng.pick(LANGUAGES.others)] : [])].filter(
      (l) => languageIds.has(l),
    );
    rows.profiles.push({
      participantId: p.id,
      interests: json({ occupationIds: p.interests, groupCodes: p.groupCodes }),
      strengths: json(sparse ? [] : rng.sample(T.STRENGTHS, rng.int(2, 4))),
      skillIds: json(sparse ? [] : rng.sample(profileSkills, rng.int(1, 3))),
      experience: json(experience),
      education: rng.chance(0.8) ? rng.pick(T.EDUCATION) : null,
      drivingLicences: json(p.licences),
      languageIds: json(languages),
      preferences: json(p.prefs),
      environmentPrefs: json(p.envPrefs),
      needs: json(p.needs),
      exclusions: json(p.exclusions),
      disclosure: json({
        interests: true,
        strengths: true,
        skills: true,
        experience: rng.chance(0.8),
        education: rng.chance(0.6),
        drivingLicences: true,
        languages: true,
        preferences: true,
        environmentPrefs: rng.chance(0.8),
        needs: rng.chance(0.7),
      }),
      updatedAt: clock.workday(Math.min(-1, p.enrolledOffset + rng.int(3, 20)), 15),
    });

    if (p.userId && !sparse && rng.chance(isDemo ? 1 : 0.4)) {
      const day = Math.max(p.enrolledOffset + 5, -rng.int(2, 30));
      const commentId = newId();
      rows.profileComments.push({
        id: commentId,
        participantId: p.id,
        authorId: p.userId,
        body: rng.pick(T.PROFILE_COMMENTS),
        createdAt: clock.workday(Math.min(-1, day), 19),
      });
      if (rng.chance(0.7)) {
        rows.profileComments.push({
          id: newId(),
          participantId: p.id,
          authorId: p.coach.id,
          body: rng.pick(T.COACH_COMMENT_REPLIES),
          replyToId: commentId,
          createdAt: clock.workday(Math.min(-1, day + 1), 9),
        });
      }
    }

    // Outcomes: milestones, and exit data for those who have left.
    const employment = plan && plan.o.kind === "job" ? plan : null;
    const exitReason =
      p.phase === "exited"
        ? employment
          ? "work"
          : rng.weighted([
              ["studies", 20],
              ["rehabilitation", 35],
              ["moved", 15],
              ["other", 30],
            ] as const)
        : null;
    const retention: Array<{ months: number; employed: boolean; hours: number; checkedAt: string }> = [];
    if (employment) {
      for (const months of [3, 6, 12]) {
        const day = employment.startOffset + months * 30;
        if (day <= -1)
          retention.push({
            months,
            employed: true,
            hours: clamp(employment.o.hoursMin + 5, 1, 40),
            checkedAt: clock.workday(day, 10).toISOString(),
          });
      }
    }
    const contactOffset = plan
      ? Math.min(p.firstEmployerContactOffset ?? 0, plan.startOffset - 10)
      : p.firstEmployerContactOffset;
    rows.outcomes.push({
      participantId: p.id,
      exitOccupation:
        exitReason === null
          ? null
          : exitReason === "work"
            ? "employed"
            : exitReason === "studies"
              ? "studies"
              : rng.pick(["job_seeking", "none"]),
      exitIncomeSources: json(
        exitReason === null
          ? []
          : exitReason === "work"
            ? ["salary"]
            : exitReason === "studies"
              ? ["study_support"]
              : income,
      ),
      exitReason,
      firstEmployerContactAt: contactOffset === null ? null : clock.workday(contactOffset, 10, 30),
      firstPlacementAt: plan ? clock.date(plan.startOffset) : null,
      firstEmploymentAt: employment ? clock.date(employment.startOffset) : null,
      employmentForm: employment ? employment.o.support : null,
      competitive: employment ? employment.o.competitive : null,
      retention: json(retention),
      updatedAt: phaseChangedAt,
    });
    rows.auditEvents.push({
      id: newId(),
      actorId: p.coach.id,
      participantId: p.id,
      action: "create",
      entity: "Participant",
      detail: "Inskrivning (demodata)",
      at: enrolledAt,
    });
  }

  return rows;
}

// ───────────────────────────── texts for openings ─────────────────────────────

function openingTitle(
  rng: Rng,
  kind: OpeningKind,
  role: RoleTemplate,
  support: EmploymentSupport | null,
  hoursMax: number,
): string {
  switch (kind) {
    case "task":
      return rng.pick(role.taskTitles);
    case "practice":
      return rng.pick([`Praktik som ${role.noun}`, `Praktikplats ${role.at}`]);
    case "work_trial":
      // One term in titles and texts: arbetsträning (docs/product-rules.md#vocabulary).
      return rng.pick([`Arbetsträning ${role.at}`, `Arbetsträning som ${role.noun}`]);
    case "visit":
      return rng.pick([`Studiebesök ${role.at}`, `Prova på som ${role.noun} en förmiddag`]);
    case "job": {
      const noun = cap(role.noun);
      switch (support) {
        case "lonestod":
          return `${noun} med lönestöd`;
        case "nystartsjobb":
          return `${noun} – nystartsjobb`;
        case "introduktionsjobb":
          return `${noun} – introduktionsjobb`;
        case "osa":
          return `${noun} – offentligt skyddat arbete`;
        case "kommunal":
          return `${noun} – arbetsmarknadsanställning`;
        default:
          return `${noun}, ${hoursMax >= 35 ? "heltid" : "deltid"}`;
      }
    }
  }
}

function openingDescription(
  kind: OpeningKind,
  o: {
    employer: string;
    title: string;
    role: RoleTemplate;
    hoursMin: number;
    hoursMax: number;
    times: ScheduleTime[];
    supervisor: string | null;
    lengthWeeks: number | null;
    support: EmploymentSupport | null;
    workplace: string;
    about: string;
  },
): string {
  const hours = hoursText(o.hoursMin, o.hoursMax);
  const who = o.supervisor
    ? `${o.supervisor}, som finns på plats och alltid går att fråga`
    : "en kollega som finns på plats";
  let text: string;
  switch (kind) {
    case "task":
      text = `Vi behöver hjälp med att ${lowerFirst(o.title)}. Uppdraget är ${hours} i veckan ${o.role.at}, på ${scheduleText(o.times)}. Du får en genomgång första dagen av ${who}.`;
      break;
    case "practice":
      text = `Praktikplats ${o.role.at} hos ${o.employer}. Du får prova på riktiga arbetsuppgifter som ${o.role.noun} med stöd av ${who}. Praktiken är ${o.lengthWeeks} veckor, ${hours} i veckan.`;
      break;
    case "work_trial":
      text = `Arbetsträning ${o.role.at} i lugn takt, ${hours} i veckan under ${o.lengthWeeks} veckor. Vi anpassar tider och uppgifter och följer upp tillsammans med din coach. Handledare är ${who}.`;
      break;
    case "visit":
      text = `Kom och se hur en dag ${o.role.at} ser ut. Du följer med en av oss i ${hours} och får prova några enkla moment. Ingen förberedelse behövs.`;
      break;
    case "job": {
      const support = {
        none: "Anställningen är en vanlig anställning på den öppna arbetsmarknaden.",
        lonestod: "Anställningen kan kombineras med lönestöd från Arbetsförmedlingen.",
        nystartsjobb: "Anställningen är tänkt som ett nystartsjobb.",
        introduktionsjobb: "Anställningen är ett introduktionsjobb med möjlighet till utbildning på arbetstid.",
        osa: "Anställningen är ett offentligt skyddat arbete (OSA).",
        kommunal: "Anställningen är en kommunal arbetsmarknadsanställning på ett år.",
      }[o.support ?? "none"];
      text = `Vi söker en ${o.role.noun} till ${o.workplace}. ${support} Arbetstiden är ${hours} i veckan, ${scheduleText(o.times)}. Introduktion med ${who}.`;
      break;
    }
  }
  return `${text} Om oss: ${o.about}`;
}

// ───────────────────────────── score and reasons ─────────────────────────────

/** A plausible matcher score with reasons ({criterion, points, max, text}, docs/product-rules.md#matching) for a seeded proposal. */
function scoreOf(rng: Rng, p: Participant, o: Opening, occupations: Map<string, Occ>) {
  const reasons: Array<{ criterion: string; points: number; max: number; text: string }> = [];
  const interestGroups = new Set([...p.groupCodes, ...p.interests.map((id) => occupations.get(id)?.ssyk4Code)]);
  if (p.interests.includes(o.occupation.id))
    reasons.push({ criterion: "interest", points: 35, max: 35, text: `Matchar intresse: ${o.occupation.label}` });
  else if (interestGroups.has(o.occupation.ssyk4Code))
    reasons.push({ criterion: "interest", points: 21, max: 35, text: `Närliggande yrke: ${o.occupation.label}` });
  else
    reasons.push({ criterion: "interest", points: 0, max: 35, text: `Inte bland intressena: ${o.occupation.label}` });

  reasons.push({
    criterion: "text",
    points: rng.int(6, 15),
    max: 15,
    text: "Beskrivningen liknar profilens erfarenheter",
  });

  const dims = (Object.keys(p.envPrefs) as Array<keyof Env>).filter(
    (d) => d !== "instructions",
  ) as EnvironmentDimension[];
  const matched = dims.filter((d) => o.env[d] === p.envPrefs[d]);
  const wantedInstructions = p.envPrefs.instructions ?? [];
  const instructionsOk =
    wantedInstructions.length === 0 || wantedInstructions.some((i) => o.env.instructions?.includes(i));
  const envShare = (matched.length + (instructionsOk ? 1 : 0)) / (dims.length + 1);
  const matchedLabels = matched.map((d) => environmentDimensions[d].label(o.env[d]).toLowerCase());
  reasons.push({
    criterion: "environment",
    points: Math.round(15 * envShare),
    max: 15,
    text: matchedLabels.length ? `Miljön passar: ${matchedLabels.join(", ")}` : "Miljön passar delvis",
  });

  const nice = p.needs.filter((n) => !n.must);
  const offered = nice.filter((n) => o.accommodations.includes(n.code));
  reasons.push({
    criterion: "accommodations",
    points: nice.length === 0 ? 10 : Math.round((10 * offered.length) / nice.length),
    max: 10,
    text:
      nice.length === 0
        ? "Inga önskemål om anpassning"
        : offered.length
          ? `Erbjuder ${offered.map((n) => accommodationLabel(n.code)).join(", ")} – ett behov`
          : "Erbjuder inte de önskade anpassningarna",
  });

  const km = haversineKm(p.home, o.workplace);
  reasons.push({
    criterion: "distance",
    points: Math.max(0, Math.round(10 * (1 - km / Math.max(1, p.prefs.maxCommuteKm)))),
    max: 10,
    text: km < 1 ? "Mindre än 1 km hemifrån" : `${Math.round(km)} km hemifrån`,
  });
  const hoursOk = o.hoursMin <= p.prefs.hoursMax && o.hoursMax >= p.prefs.hoursMin;
  reasons.push({
    criterion: "hours",
    points: hoursOk ? 5 : 2,
    max: 5,
    text: `${hoursText(o.hoursMin, o.hoursMax)} i veckan`,
  });
  reasons.push({
    criterion: "employment",
    points: o.competitive ? 5 : { yes: 3, maybe: 2, no: 0 }[o.leads],
    max: 5,
    text: o.competitive
      ? "Anställning på den öppna arbetsmarknaden"
      : o.leads === "yes"
        ? "Kan leda till anställning"
        : o.leads === "maybe"
          ? "Kan kanske leda till anställning"
          : "Leder inte till anställning",
  });
  reasons.push({
    criterion: "supervisor",
    points: o.supervisorName ? (o.supervisorFixed ? 5 : 3) : 0,
    max: 5,
    text: o.supervisorName ? `Namngiven handledare: ${o.supervisorName}` : "Ingen namngiven handledare ännu",
  });
  return {
    score: clamp(
      reasons.reduce((s, r) => s + r.points, 0),
      0,
      100,
    ),
    reasons,
  };
}

const ACCOMMODATION_SHORT: Partial<Record<Accommodation, string>> = {
  written_instructions: "skriftliga instruktioner",
  fixed_supervisor: "en fast handledare",
  flexible_start: "flexibel starttid",
  shorter_days: "kortare dagar",
  extra_breaks: "extra pauser",
  quiet_workspace: "en lugn arbetsplats",
  own_pace_introduction: "introduktion i egen takt",
  coach_on_site: "coach på plats",
  schedule_in_advance: "schema i god tid",
  hearing_protection: "hörselskydd",
};
function accommodationLabel(code: Accommodation) {
  return ACCOMMODATION_SHORT[code] ?? accommodations.label(code).toLowerCase();
}
