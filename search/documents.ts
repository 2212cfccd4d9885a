// Opening → search document mapping, shared by every search engine (docs/product-rules.md#search): codes for
// filters, labels for text search. Only published openings become documents.
import { parseJson, type DbOrTx } from "../app/utils/db.server.ts";
import { cachedRead } from "../app/utils/read-connection.server.ts";
import type { OpeningDocument } from "./engine.ts";

/**
 * What `toOpeningDocument` needs, one flat row per opening: the opening's own columns and the labels
 * of its employer, workplace, municipality and occupation. Read with one statement (a join by
 * primary keys) instead of Prisma's `include`, which costs most of a reindex (issue 16). Values come
 * as SQLite stores them through the cached reads (DateTime as ISO text, booleans 0/1) and as
 * Prisma maps them inside a transaction (Date, boolean): `toOpeningDocument` accepts both.
 */
export type OpeningDocumentRow = {
  id: string;
  status: string;
  title: string;
  description: string;
  tasks: string;
  occupationId: string;
  skillIds: string;
  kind: string;
  employerId: string;
  hoursMin: number;
  hoursMax: number;
  schedule: string;
  environment: string;
  accommodationsOffered: string;
  competitive: boolean | number;
  leadsToEmployment: string;
  endDate: Date | string | null;
  publishedAt: Date | string | null;
  updatedAt: Date | string;
  employerName: string;
  municipalityCode: string;
  lat: number;
  lng: number;
  municipalityName: string;
  occupationLabel: string;
  ssyk4Code: string;
  occupationGroupLabel: string;
};

const DOCUMENT_COLUMNS = `o.id, o.status, o.title, o.description, o.tasks, o.occupationId, o.skillIds, o.kind,
  o.employerId, o.hoursMin, o.hoursMax, o.schedule, o.environment, o.accommodationsOffered,
  o.competitive, o.leadsToEmployment, o.endDate, o.publishedAt, o.updatedAt,
  e.name AS employerName, w.municipalityCode, w.lat, w.lng, m.name AS municipalityName,
  oc.label AS occupationLabel, oc.ssyk4Code, g.label AS occupationGroupLabel`;

/** "?, ?, ?" for an `IN (…)` list of this many bound values. */
const parameterList = (count: number): string => new Array(count).fill("?").join(", ");

/** The document rows of these openings (any status), joined by primary keys only. */
function documentRowsSql(count: number): string {
  return `SELECT ${DOCUMENT_COLUMNS}
    FROM Opening o
    JOIN Employer e ON e.id = o.employerId
    JOIN Workplace w ON w.id = o.workplaceId
    JOIN Municipality m ON m.code = w.municipalityCode
    JOIN Occupation oc ON oc.id = o.occupationId
    JOIN OccupationGroup g ON g.code = oc.ssyk4Code
    WHERE o.id IN (${parameterList(count)})`;
}

/** Skill ids per lookup: below SQLite's historical limit of 999 bound parameters. */
const SKILL_CHUNK = 500;

const epochMs = (value: Date | string): number => (value instanceof Date ? value.getTime() : Date.parse(value));

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string" && v.length > 0) : [];
}

/** Opening.schedule JSON `{ times: [...], startFlexible }` → the times. */
export function scheduleValues(json: string): string[] {
  return stringList(parseJson<{ times?: unknown }>(json, {}).times);
}

/**
 * Opening.environment JSON `{ pace: "calm", …, instructions: ["written"] }` → "dimension:value"
 * pairs: ["pace:calm", "instructions:written"].
 */
export function environmentValues(json: string): string[] {
  const env = parseJson<Record<string, unknown>>(json, {});
  const values: string[] = [];
  if (!env || typeof env !== "object" || Array.isArray(env)) return values;
  for (const [dimension, value] of Object.entries(env)) {
    if (typeof value === "string" && value) values.push(`${dimension}:${value}`);
    else for (const v of stringList(value)) values.push(`${dimension}:${v}`);
  }
  return values;
}

/** The search document for a published opening; `skillLabels` maps skill ids to labels. */
export function toOpeningDocument(row: OpeningDocumentRow, skillLabels: ReadonlyMap<string, string>): OpeningDocument {
  const skillIds = stringList(parseJson<unknown>(row.skillIds, []));
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    tasks: stringList(parseJson<unknown>(row.tasks, [])),
    occupationId: row.occupationId,
    occupationLabel: row.occupationLabel,
    occupationGroupLabel: row.occupationGroupLabel,
    ssyk4Code: row.ssyk4Code,
    ssyk2Code: row.ssyk4Code.slice(0, 2),
    skillIds,
    skillLabels: skillIds.map((id) => skillLabels.get(id)).filter((l): l is string => Boolean(l)),
    kind: row.kind,
    employerId: row.employerId,
    employerName: row.employerName,
    municipalityCode: row.municipalityCode,
    municipalityName: row.municipalityName,
    hoursMin: row.hoursMin,
    hoursMax: row.hoursMax,
    schedule: scheduleValues(row.schedule),
    environment: environmentValues(row.environment),
    accommodations: stringList(parseJson<unknown>(row.accommodationsOffered, [])),
    competitive: Boolean(row.competitive),
    leadsToEmployment: row.leadsToEmployment,
    lat: row.lat,
    lng: row.lng,
    endDate: row.endDate === null ? null : epochMs(row.endDate),
    publishedAt: epochMs(row.publishedAt ?? row.updatedAt),
  };
}

/**
 * Load the documents for these opening ids through `tx` (so it sees the caller's uncommitted
 * writes). Ids that are missing or not published come back in `removed`.
 */
export async function loadOpeningDocuments(
  tx: DbOrTx,
  openingIds: string[],
): Promise<{ documents: OpeningDocument[]; removed: string[] }> {
  const ids = [...new Set(openingIds)];
  if (ids.length === 0) return { documents: [], removed: [] };
  // By primary key only, the status checked here: `id IN (…) AND status = ?` lets a planner without
  // statistics walk the status index through every published opening (issue 16).
  const rows = (await cachedRead<OpeningDocumentRow>(tx, documentRowsSql(ids.length), ids)).filter(
    (r) => r.status === "published",
  );
  const skillIds = [...new Set(rows.flatMap((r) => stringList(parseJson<unknown>(r.skillIds, []))))];
  const skills: Array<{ id: string; label: string }> = [];
  for (let i = 0; i < skillIds.length; i += SKILL_CHUNK) {
    const part = skillIds.slice(i, i + SKILL_CHUNK);
    skills.push(
      ...(await cachedRead<{ id: string; label: string }>(
        tx,
        `SELECT id, label FROM Skill WHERE id IN (${parameterList(part.length)})`,
        part,
      )),
    );
  }
  const skillLabels = new Map(skills.map((s) => [s.id, s.label]));
  const documents = rows.map((r) => toOpeningDocument(r, skillLabels));
  const found = new Set(rows.map((r) => r.id));
  return { documents, removed: ids.filter((id) => !found.has(id)) };
}
