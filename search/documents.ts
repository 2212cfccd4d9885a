// Opening → search document mapping, shared by every search engine (docs/product-rules.md#search): codes for
// filters, labels for text search. Only published openings become documents.
import { parseJson, type DbOrTx, type OpeningGetPayload, type OpeningInclude } from "../app/utils/db.server.ts";
import type { OpeningDocument } from "./engine.ts";

/** What `toOpeningDocument` needs loaded with an opening. */
export const openingDocumentInclude = {
  employer: { select: { id: true, name: true } },
  workplace: { include: { municipality: { select: { code: true, name: true } } } },
  occupation: { include: { group: { select: { code: true, label: true } } } },
} as const satisfies OpeningInclude;

export type OpeningDocumentRow = OpeningGetPayload<{ include: typeof openingDocumentInclude }>;

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
  const ssyk4Code = row.occupation.ssyk4Code;
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    tasks: stringList(parseJson<unknown>(row.tasks, [])),
    occupationId: row.occupationId,
    occupationLabel: row.occupation.label,
    occupationGroupLabel: row.occupation.group.label,
    ssyk4Code,
    ssyk2Code: ssyk4Code.slice(0, 2),
    skillIds,
    skillLabels: skillIds.map((id) => skillLabels.get(id)).filter((l): l is string => Boolean(l)),
    kind: row.kind,
    employerId: row.employerId,
    employerName: row.employer.name,
    municipalityCode: row.workplace.municipalityCode,
    municipalityName: row.workplace.municipality.name,
    hoursMin: row.hoursMin,
    hoursMax: row.hoursMax,
    schedule: scheduleValues(row.schedule),
    environment: environmentValues(row.environment),
    accommodations: stringList(parseJson<unknown>(row.accommodationsOffered, [])),
    competitive: row.competitive,
    leadsToEmployment: row.leadsToEmployment,
    lat: row.workplace.lat,
    lng: row.workplace.lng,
    endDate: row.endDate ? row.endDate.getTime() : null,
    publishedAt: (row.publishedAt ?? row.updatedAt).getTime(),
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
  const rows = (await tx.opening.findMany({ where: { id: { in: ids } }, include: openingDocumentInclude })).filter(
    (r) => r.status === "published",
  );
  const skillIds = new Set(rows.flatMap((r) => stringList(parseJson<unknown>(r.skillIds, []))));
  const skills = skillIds.size
    ? await tx.skill.findMany({ where: { id: { in: [...skillIds] } }, select: { id: true, label: true } })
    : [];
  const skillLabels = new Map(skills.map((s) => [s.id, s.label]));
  const documents = rows.map((r) => toOpeningDocument(r, skillLabels));
  const found = new Set(rows.map((r) => r.id));
  return { documents, removed: ids.filter((id) => !found.has(id)) };
}
