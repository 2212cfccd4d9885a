// Openings: create, edit, publish, fill, close, duplicate — each in one transaction together with
// the opening's history (OpeningEvent: who, what, on whose behalf) and the search index, so the
// index never disagrees with the committed openings (docs/product-rules.md#search). Reading for the employer pages.
import { currentTime } from "./clock.server.ts";
import { getSearchEngine, type OpeningQuery, type VocabularyHit } from "../../search/index.ts";
import {
  canDo,
  changedFields,
  closeReasons,
  openingData,
  readSkillIds,
  type OpeningAction,
  type OpeningInput,
} from "~/domain/openings.ts";
import { db, type DbOrTx } from "./db.server.ts";
import { toDate, type SqlDate } from "./raw-values.ts";
import { cachedRead } from "./read-connection.server.ts";
import type { EmployerScope } from "./employer-access.server.ts";
import type { FieldErrors } from "~/domain/forms.ts";
import { findOccupation, findSkills, resolveConceptText, type Concept } from "./taxonomy.server.ts";
import { notFound } from "./responses.server.ts";
import { todayDate } from "~/domain/swedish-time.ts";
import { fail, ok, type Result, type StatusRefusal } from "~/domain/result.ts";

/**
 * Proposal statuses that wait for the employer: presented by the coach after the participant's yes
 * (a yes the coach has not presented yet is not the employer's to see: app/domain/proposals.ts).
 */
export const WAITING_PROPOSAL_STATUSES = ["presented"] as const;

export type SelectedConcepts = { occupation: Concept | null; skills: Concept[] };
export type ReferenceProblems = {
  errors: FieldErrors;
  selected: SelectedConcepts;
  occupationSuggestions: VocabularyHit[];
  skillSuggestions: VocabularyHit[];
};

export type OpeningWriteResult = Result<{ openingId: string }, ReferenceProblems>;

function engine() {
  return getSearchEngine(db);
}

async function recordEvent(
  tx: DbOrTx,
  openingId: string,
  scope: EmployerScope,
  action: string,
  detail?: string | null,
) {
  await tx.openingEvent.create({
    data: { openingId, userId: scope.user.id, action, onBehalf: scope.onBehalf, detail: detail ?? null },
  });
}

/**
 * Check what the form refers to: the workplace is this employer's, the occupation and skills exist
 * in the JobTech reference data. Typed text without a chosen id (no JavaScript) is resolved when it
 * is exactly a label; otherwise the person gets suggestions to choose from.
 */
export type OpeningReferences = Pick<
  OpeningInput,
  "workplaceId" | "occupationId" | "occupationQuery" | "skillIds" | "skillQuery"
>;

export async function checkOpeningReferences(
  tx: DbOrTx,
  employerId: string,
  input: OpeningReferences,
): Promise<Result<{ occupationId: string; skillIds: string[] }, ReferenceProblems>> {
  const errors: FieldErrors = {};
  let occupationSuggestions: VocabularyHit[] = [];
  let skillSuggestions: VocabularyHit[] = [];

  const workplace = input.workplaceId
    ? await tx.workplace.findFirst({ where: { id: input.workplaceId, employerId }, select: { id: true } })
    : null;
  if (!workplace) errors.workplaceId = ["Välj en av era arbetsplatser."];

  let occupation: Concept | null = null;
  if (input.occupationId) {
    occupation = await findOccupation(tx, input.occupationId);
    if (!occupation) errors.occupationId = ["Yrket finns inte i yrkeslistan. Börja skriva och välj ett yrke i listan."];
  } else if (input.occupationQuery) {
    const resolved = await resolveConceptText(tx, input.occupationQuery, "occupation");
    occupation = resolved.match;
    if (!occupation) {
      occupationSuggestions = resolved.suggestions;
      errors.occupationId = [
        resolved.suggestions.length
          ? "Välj ett yrke i listan. Menade du något av yrkena nedanför?"
          : "Vi hittar inget yrke som heter så. Prova ett annat ord, till exempel lager, städ eller kök.",
      ];
    }
  } else {
    errors.occupationId = ["Välj ett yrke. Börja skriva och välj i listan."];
  }

  const skills = await findSkills(tx, input.skillIds);
  if (skills.length !== new Set(input.skillIds).size) {
    errors.skillIds = ["En eller flera kompetenser finns inte i listan. Välj kompetenser bland förslagen."];
  }
  if (input.skillQuery) {
    const resolved = await resolveConceptText(tx, input.skillQuery, "skill");
    if (resolved.match) {
      if (!skills.some((s) => s.id === resolved.match!.id)) skills.push(resolved.match);
    } else {
      skillSuggestions = resolved.suggestions;
      (errors.skillIds ??= []).push(
        resolved.suggestions.length
          ? "Välj kompetensen i listan, eller töm fältet. Förslag finns nedanför."
          : "Vi hittar ingen kompetens som heter så. Töm fältet eller prova ett annat ord.",
      );
    }
  }

  if (Object.keys(errors).length > 0) {
    return { ok: false, errors, selected: { occupation, skills }, occupationSuggestions, skillSuggestions };
  }
  return { ok: true, occupationId: occupation!.id, skillIds: skills.map((s) => s.id) };
}

/**
 * An employer who registered at /for-arbetsgivare drafts but does not publish until a coach has
 * accepted them (docs/product-rules.md#employer-onboarding).
 */
export async function publishingBlocked(
  tx: DbOrTx,
  employerId: string,
): Promise<{ ok: false; status: number; message: string } | null> {
  const waiting = await tx.employerRegistration.findFirst({
    where: { employerId, status: { not: "accepted" } },
    select: { id: true },
  });
  return waiting ? { ok: false, status: 409, message: PUBLISH_WAITS_FOR_COACH } : null;
}

export const PUBLISH_WAITS_FOR_COACH =
  "Ni kan publicera när en coach har tagit emot er anmälan. Spara annonsen som utkast så länge.";

export async function createOpening(
  scope: EmployerScope,
  input: OpeningInput,
  options: { publish?: boolean } = {},
): Promise<OpeningWriteResult | TransitionResult> {
  return db.$transaction(async (tx) => {
    const refs = await checkOpeningReferences(tx, scope.employerId, input);
    if (!refs.ok) return refs;
    const publish = options.publish === true;
    if (publish) {
      const blocked = await publishingBlocked(tx, scope.employerId);
      if (blocked) return blocked;
    }
    const opening = await tx.opening.create({
      data: {
        ...openingData(input, refs.occupationId),
        skillIds: JSON.stringify(refs.skillIds),
        employerId: scope.employerId,
        status: publish ? "published" : "draft",
        publishedAt: publish ? currentTime() : null,
        createdById: scope.user.id,
      },
      select: { id: true },
    });
    await recordEvent(tx, opening.id, scope, "created");
    if (publish) await recordEvent(tx, opening.id, scope, "published");
    await engine().syncOpenings(tx, [opening.id]);
    return { ok: true, openingId: opening.id };
  });
}

/** The opening if it belongs to the scope's employer; otherwise a 404. */
export async function requireOpening(scope: EmployerScope, openingId: string | undefined) {
  const opening = openingId
    ? await db.opening.findFirst({ where: { id: openingId, employerId: scope.employerId } })
    : null;
  if (!opening) notFound("Annonsen finns inte.");
  return opening;
}

export type TransitionResult = Result<{ openingId: string }, StatusRefusal>;

const notAllowedMessages: Record<OpeningAction, string> = {
  edit: "En tillsatt eller stängd annons kan inte ändras. Gör en kopia i stället.",
  publish: "Bara ett utkast kan publiceras.",
  fill: "Bara en publicerad annons kan markeras som tillsatt.",
  close: "Annonsen är redan stängd eller tillsatt.",
  duplicate: "Annonsen kan inte kopieras.",
};

export async function updateOpening(
  scope: EmployerScope,
  openingId: string,
  input: OpeningInput,
  options: { publish?: boolean } = {},
): Promise<OpeningWriteResult | TransitionResult> {
  return db.$transaction(async (tx) => {
    const before = await tx.opening.findFirst({ where: { id: openingId, employerId: scope.employerId } });
    if (!before) notFound("Annonsen finns inte.");
    if (!canDo("edit", before.status)) return fail({ status: 409, message: notAllowedMessages.edit });
    const refs = await checkOpeningReferences(tx, scope.employerId, input);
    if (!refs.ok) return refs;
    const data = { ...openingData(input, refs.occupationId), skillIds: JSON.stringify(refs.skillIds) };
    const publish = options.publish === true && before.status === "draft";
    if (publish) {
      const blocked = await publishingBlocked(tx, scope.employerId);
      if (blocked) return blocked;
    }
    const { count } = await tx.opening.updateMany({
      where: { id: openingId, employerId: scope.employerId, status: before.status },
      data: { ...data, ...(publish ? { status: "published", publishedAt: currentTime() } : {}) },
    });
    if (count !== 1)
      return fail({
        status: 409,
        message: "Annonsen ändrades av någon annan samtidigt. Ladda om sidan och försök igen.",
      });
    const changed = changedFields(before, data);
    if (changed.length) await recordEvent(tx, openingId, scope, "updated", `Ändrade ${changed.join(", ")}`);
    if (publish) await recordEvent(tx, openingId, scope, "published");
    await engine().syncOpenings(tx, [openingId]);
    return ok({ openingId });
  });
}

async function transition(
  scope: EmployerScope,
  openingId: string,
  action: Exclude<OpeningAction, "edit" | "duplicate">,
  apply: (
    tx: DbOrTx,
    opening: { status: string; endDate: Date | null },
  ) => Promise<{ data: Record<string, unknown>; event: string; detail?: string | null } | { problem: string }>,
): Promise<TransitionResult> {
  return db.$transaction(async (tx) => {
    const opening = await tx.opening.findFirst({
      where: { id: openingId, employerId: scope.employerId },
      select: { status: true, endDate: true },
    });
    if (!opening) notFound("Annonsen finns inte.");
    if (!canDo(action, opening.status)) return fail({ status: 409, message: notAllowedMessages[action] });
    const change = await apply(tx, opening);
    if ("problem" in change) return fail({ status: 400, message: change.problem });
    const { count } = await tx.opening.updateMany({
      where: { id: openingId, employerId: scope.employerId, status: opening.status },
      data: change.data,
    });
    if (count !== 1)
      return fail({
        status: 409,
        message: "Annonsen ändrades av någon annan samtidigt. Ladda om sidan och försök igen.",
      });
    await recordEvent(tx, openingId, scope, change.event, change.detail);
    await engine().syncOpenings(tx, [openingId]);
    return ok({ openingId });
  });
}

export function publishOpening(scope: EmployerScope, openingId: string) {
  return transition(scope, openingId, "publish", async (tx, opening) => {
    const blocked = await publishingBlocked(tx, scope.employerId);
    if (blocked) return { problem: blocked.message };
    if (opening.endDate && opening.endDate < todayDate()) {
      return { problem: "Slutdatumet har redan passerat. Ändra datumen innan du publicerar." };
    }
    return {
      data: { status: "published", publishedAt: currentTime(), closedAt: null, closeReason: null },
      event: "published",
    };
  });
}

export function markOpeningFilled(scope: EmployerScope, openingId: string) {
  return transition(scope, openingId, "fill", async () => ({
    data: { status: "filled", closedAt: currentTime() },
    event: "filled",
  }));
}

export function closeOpening(scope: EmployerScope, openingId: string, reason: { code: string; detail: string | null }) {
  return transition(scope, openingId, "close", async () => ({
    data: { status: "closed", closedAt: currentTime(), closeReason: reason.code },
    event: "closed",
    detail: [closeReasons.label(reason.code), reason.detail].filter(Boolean).join(" – "),
  }));
}

/** A new draft with the same content (dates only when they are still ahead). */
export async function duplicateOpening(scope: EmployerScope, openingId: string): Promise<TransitionResult> {
  return db.$transaction(async (tx) => {
    const source = await tx.opening.findFirst({ where: { id: openingId, employerId: scope.employerId } });
    if (!source) notFound("Annonsen finns inte.");
    const today = todayDate();
    const keepDates = !source.startDate || source.startDate >= today;
    const copy = await tx.opening.create({
      data: {
        employerId: source.employerId,
        workplaceId: source.workplaceId,
        kind: source.kind,
        status: "draft",
        title: source.title,
        description: source.description,
        tasks: source.tasks,
        occupationId: source.occupationId,
        skillIds: source.skillIds,
        hoursMin: source.hoursMin,
        hoursMax: source.hoursMax,
        schedule: source.schedule,
        environment: source.environment,
        accommodationsOffered: source.accommodationsOffered,
        employmentSupport: source.employmentSupport,
        competitive: source.competitive,
        leadsToEmployment: source.leadsToEmployment,
        supervisorName: source.supervisorName,
        supervisorFixed: source.supervisorFixed,
        purpose: source.purpose,
        lengthWeeks: source.lengthWeeks,
        places: source.places,
        startDate: keepDates ? source.startDate : null,
        endDate: keepDates ? source.endDate : null,
        createdById: scope.user.id,
      },
      select: { id: true },
    });
    await recordEvent(tx, copy.id, scope, "duplicated", `Kopia av ”${source.title}”`);
    await engine().syncOpenings(tx, [copy.id]);
    return ok({ openingId: copy.id });
  });
}

// ───────────── reading ─────────────

type EmployerOpeningRow = {
  id: string;
  title: string;
  kind: string;
  status: string;
  startDate: SqlDate;
  endDate: SqlDate;
  places: number;
  hoursMin: number;
  hoursMax: number;
  publishedAt: SqlDate;
  updatedAt: SqlDate;
  workplaceName: string;
  municipalityName: string;
  proposalsWaiting: number;
  activePlacements: number;
};

// One kept statement (issue 16: Prisma's nested select and two groupBy ran five queries, ~13 ms
// for 15 openings). The counts are per opening through the openingId indexes (a GROUP BY over the
// whole Proposal and Placement tables would scan them on every employer home page).
const EMPLOYER_OPENINGS_SQL = `SELECT o.id, o.title, o.kind, o.status, o.startDate, o.endDate, o.places, o.hoursMin,
    o.hoursMax, o.publishedAt, o.updatedAt, w.name AS workplaceName, m.name AS municipalityName,
    (SELECT COUNT(*) FROM Proposal p WHERE p.openingId = o.id
      AND p.status IN (${WAITING_PROPOSAL_STATUSES.map((st) => `'${st}'`).join(", ")})) AS proposalsWaiting,
    (SELECT COUNT(*) FROM Placement pl WHERE pl.openingId = o.id
      AND pl.endedAt IS NULL AND pl.status <> 'ended') AS activePlacements
  FROM Opening o
  JOIN Workplace w ON w.id = o.workplaceId
  JOIN Municipality m ON m.code = w.municipalityCode
  WHERE o.employerId = ?
  ORDER BY o.updatedAt DESC`;

/** The employer's openings with what waits for them: proposals to answer, placements going on. */
export async function listEmployerOpenings(employerId: string) {
  const rows = await cachedRead<EmployerOpeningRow>(db, EMPLOYER_OPENINGS_SQL, [employerId]);
  const statusOrder: Record<string, number> = { published: 0, draft: 1, filled: 2, closed: 3 };
  return rows
    .map((o) => ({
      ...o,
      startDate: toDate(o.startDate),
      endDate: toDate(o.endDate),
      publishedAt: toDate(o.publishedAt),
      updatedAt: toDate(o.updatedAt)!,
    }))
    .sort((a, b) => (statusOrder[a.status] ?? 9) - (statusOrder[b.status] ?? 9));
}

/** Everything the opening page shows: content with labels, history, counts. */
export async function loadOpeningDetail(openingId: string) {
  const opening = await db.opening.findUnique({
    where: { id: openingId },
    include: {
      employer: { select: { id: true, name: true, organizationId: true, website: true } },
      workplace: { include: { municipality: { select: { name: true } } } },
      occupation: { select: { id: true, label: true, group: { select: { label: true } } } },
      events: { orderBy: { createdAt: "desc" }, include: { user: { select: { name: true, role: true } } } },
      _count: {
        select: {
          proposals: { where: { status: { in: [...WAITING_PROPOSAL_STATUSES] } } },
          placements: { where: { endedAt: null, status: { not: "ended" } } },
        },
      },
    },
  });
  if (!opening) return null;
  const skills = await findSkills(db, readSkillIds(opening.skillIds));
  return { opening, skills };
}

/** Workplaces to choose from in the opening form. */
export async function workplaceOptions(employerId: string) {
  const rows = await db.workplace.findMany({
    where: { employerId },
    orderBy: { name: "asc" },
    select: { id: true, name: true, street: true, municipality: { select: { name: true } } },
  });
  return rows.map((w) => ({ id: w.id, label: `${w.name}, ${w.street}, ${w.municipality.name}` }));
}

/** Labels for an opening's occupation and skills, to show them in the form again. */
export async function selectedConcepts(
  occupationId: string | null,
  skillIds: readonly string[],
): Promise<SelectedConcepts> {
  const [occupation, skills] = await Promise.all([
    occupationId ? findOccupation(db, occupationId) : null,
    findSkills(db, skillIds),
  ]);
  return { occupation, skills };
}

// ───────────── search ("Sök uppdrag") ─────────────

export const SEARCH_PAGE_SIZE = 20;

type SearchResultRow = {
  id: string;
  status: string;
  title: string;
  kind: string;
  hoursMin: number;
  hoursMax: number;
  startDate: SqlDate;
  publishedAt: SqlDate;
  employerName: string;
  occupationLabel: string;
  municipalityName: string;
};

/**
 * What the result list shows of these openings: one kept statement (issue 16; Prisma's nested
 * select ran four queries and cost ~4 ms a page). By primary key only, the status is checked by
 * the caller: see loadOpeningDocuments in search/documents.ts.
 */
async function loadSearchResultRows(ids: string[]): Promise<SearchResultRow[]> {
  if (ids.length === 0) return [];
  return cachedRead<SearchResultRow>(
    db,
    `SELECT o.id, o.status, o.title, o.kind, o.hoursMin, o.hoursMax, o.startDate, o.publishedAt,
       e.name AS employerName, occ.label AS occupationLabel, m.name AS municipalityName
     FROM Opening o
     JOIN Employer e ON e.id = o.employerId
     JOIN Occupation occ ON occ.id = o.occupationId
     JOIN Workplace w ON w.id = o.workplaceId
     JOIN Municipality m ON m.code = w.municipalityCode
     WHERE o.id IN (${ids.map(() => "?").join(", ")})`,
    ids,
  );
}

/** Published openings matching the query, with what the result list shows, in the engine's order. */
export async function searchPublishedOpenings(query: OpeningQuery) {
  const result = await engine().searchOpenings({
    ...query,
    filters: { ...query.filters, notEndedBefore: todayDate().getTime() },
    limit: query.limit ?? SEARCH_PAGE_SIZE,
  });
  const ids = result.hits.map((h) => h.id);
  const rows = await loadSearchResultRows(ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const openings = ids
    .map((id) => byId.get(id))
    .filter((r): r is SearchResultRow => r?.status === "published")
    .map((r) => ({
      id: r.id,
      title: r.title,
      kind: r.kind,
      hoursMin: r.hoursMin,
      hoursMax: r.hoursMax,
      startDate: toDate(r.startDate),
      publishedAt: toDate(r.publishedAt),
      employerName: r.employerName,
      occupationLabel: r.occupationLabel,
      municipalityName: r.municipalityName,
    }));
  return { openings, total: result.total };
}
