// Loads what an organisation's outcome report needs (plain rows, one query per table) and builds
// the report with the pure modules in app/domain/reports/. Used by the report page, its CSV and
// JSON exports, and `npm run report` — so all three show the same figures.
import { currentTime } from "./clock.server.ts";
import { MIN_GROUP_SIZE } from "~/domain/reports/config.ts";
import { computeReport, type ReportInput, type ReportParticipantRow } from "~/domain/reports/compute.ts";
import { reportDefinitions } from "~/domain/reports/definitions.ts";
import type { ReportMeta } from "~/domain/reports/export.ts";
import { filtersInput, ReportFiltersSchema, type ReportView } from "~/domain/reports/filters.ts";
import { buildTables } from "~/domain/reports/tables.ts";
import { db, parseJson } from "./db.server.ts";
import { parseWith, type FieldErrors } from "~/domain/forms.ts";
import { notFound } from "./responses.server.ts";
import { dayKey } from "~/domain/swedish-time.ts";
import { fail, ok, type Result } from "~/domain/result.ts";

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

const stringList = (json: string | null | undefined) =>
  parseJson<unknown[]>(json, []).filter((x): x is string => typeof x === "string");

/** Every row the report needs for one organisation (erased participants only as anonymous rows). */
export async function loadReportInput(organizationId: string): Promise<ReportInput> {
  const ofOrg = { participant: { organizationId, erasedAt: null } };
  const [participants, phaseChanges, consents, contacts, proposals, placements, outcomes, anonymous, coaches] =
    await Promise.all([
      db.participant.findMany({
        where: { organizationId, erasedAt: null },
        select: {
          id: true,
          gender: true,
          municipalityCode: true,
          coachId: true,
          enrolledAt: true,
          exitedAt: true,
          phase: true,
          phaseChangedAt: true,
          startOccupation: true,
          startIncomeSources: true,
          notCountedReason: true,
        },
      }),
      db.phaseChange.findMany({ where: ofOrg, select: { participantId: true, toPhase: true, at: true } }),
      db.consent.findMany({
        where: ofOrg,
        select: { participantId: true, scope: true, given: true, withdrawnAt: true, createdAt: true },
      }),
      db.employerContact.findMany({ where: ofOrg, select: { participantId: true, occurredAt: true } }),
      db.proposal.findMany({ where: ofOrg, select: { participantId: true, proposedAt: true, presentedAt: true } }),
      db.placement.findMany({
        where: ofOrg,
        select: {
          participantId: true,
          startDate: true,
          endDate: true,
          kind: true,
          hoursPerWeek: true,
          opening: { select: { kind: true, employmentSupport: true, employer: { select: { sector: true } } } },
        },
      }),
      db.outcomeRecord.findMany({ where: ofOrg }),
      db.anonymousOutcome.findMany({
        where: { organizationId },
        select: { gender: true, municipalityCode: true, enrolledAt: true, exitedAt: true },
      }),
      db.user.findMany({
        where: { organizationId, role: { in: ["coach", "admin"] } },
        select: { id: true, role: true, employmentPercent: true, deactivatedAt: true },
      }),
    ]);
  const phaseChangesBy = groupBy(phaseChanges, (r) => r.participantId);
  const consentsBy = groupBy(consents, (r) => r.participantId);
  const contactsBy = groupBy(contacts, (r) => r.participantId);
  const proposalsBy = groupBy(proposals, (r) => r.participantId);
  const placementsBy = groupBy(placements, (r) => r.participantId);
  const outcomeBy = new Map(outcomes.map((o) => [o.participantId, o]));

  return {
    participants: participants.map((p): ReportParticipantRow => {
      const o = outcomeBy.get(p.id);
      return {
        id: p.id,
        gender: p.gender,
        municipalityCode: p.municipalityCode,
        coachId: p.coachId,
        enrolledAt: p.enrolledAt,
        exitedAt: p.exitedAt,
        phase: p.phase,
        phaseChangedAt: p.phaseChangedAt,
        phaseChanges: (phaseChangesBy.get(p.id) ?? []).map((c) => ({ toPhase: c.toPhase, at: c.at })),
        consents: (consentsBy.get(p.id) ?? []).map((c) => ({
          scope: c.scope,
          given: c.given,
          withdrawnAt: c.withdrawnAt,
          createdAt: c.createdAt,
        })),
        notCountedReason: p.notCountedReason,
        startOccupation: p.startOccupation,
        startIncomeSources: stringList(p.startIncomeSources),
        employerContactsAt: (contactsBy.get(p.id) ?? []).map((c) => c.occurredAt),
        proposals: (proposalsBy.get(p.id) ?? []).map((x) => ({ proposedAt: x.proposedAt, presentedAt: x.presentedAt })),
        placements: (placementsBy.get(p.id) ?? []).map((x) => ({
          startDate: x.startDate,
          endDate: x.endDate,
          kind: x.opening?.kind ?? x.kind,
          employmentSupport: x.opening?.employmentSupport ?? null,
          hoursPerWeek: x.hoursPerWeek,
          sector: x.opening?.employer.sector ?? null,
        })),
        outcome: o
          ? {
              exitOccupation: o.exitOccupation,
              exitIncomeSources: stringList(o.exitIncomeSources),
              exitReason: o.exitReason,
              firstEmployerContactAt: o.firstEmployerContactAt,
              firstPlacementAt: o.firstPlacementAt,
              firstEmploymentAt: o.firstEmploymentAt,
              employmentForm: o.employmentForm,
              competitive: o.competitive,
              retention: parseJson<unknown>(o.retention, []),
            }
          : null,
      };
    }),
    anonymous,
    coaches: coaches.map((c) => ({
      id: c.id,
      role: c.role,
      employmentPercent: c.employmentPercent,
      active: !c.deactivatedAt,
    })),
  };
}

export async function municipalityNames(codes?: readonly string[]): Promise<Record<string, string>> {
  const rows = await db.municipality.findMany({
    where: codes ? { code: { in: [...codes] } } : {},
    select: { code: true, name: true },
  });
  return Object.fromEntries(rows.map((m) => [m.code, m.name]));
}

/** Municipalities worth offering in the filter: where the organisation's participants live, and its own. */
export async function reportMunicipalityOptions(organizationId: string) {
  const [participants, anonymous, organization] = await Promise.all([
    db.participant.findMany({
      where: { organizationId, erasedAt: null, municipalityCode: { not: null } },
      select: { municipalityCode: true },
      distinct: ["municipalityCode"],
    }),
    db.anonymousOutcome.findMany({
      where: { organizationId, municipalityCode: { not: null } },
      select: { municipalityCode: true },
      distinct: ["municipalityCode"],
    }),
    db.organization.findUnique({ where: { id: organizationId }, select: { municipalityCode: true } }),
  ]);
  const codes = new Set(
    [...participants, ...anonymous]
      .map((p) => p.municipalityCode!)
      .concat(organization?.municipalityCode ? [organization.municipalityCode] : []),
  );
  const rows = await db.municipality.findMany({
    where: { code: { in: [...codes] } },
    select: { code: true, name: true, countyCode: true },
  });
  return rows.sort((a, b) => a.name.localeCompare(b.name, "sv"));
}

/** The organisation by id, or by its exact name (case does not matter) — for the CLI. */
export async function findOrganization(
  idOrName: string,
): Promise<Result<{ organization: { id: string; name: string; municipalityCode: string | null } }>> {
  const byId = await db.organization.findUnique({
    where: { id: idOrName },
    select: { id: true, name: true, municipalityCode: true },
  });
  if (byId) return { ok: true, organization: byId };
  const all = await db.organization.findMany({ select: { id: true, name: true, municipalityCode: true } });
  const matches = all.filter((o) => o.name.toLocaleLowerCase("sv") === idOrName.trim().toLocaleLowerCase("sv"));
  if (matches.length === 1) return { ok: true, organization: matches[0]! };
  if (matches.length > 1)
    return {
      ok: false,
      message: `Flera organisationer heter "${idOrName}". Ange id i stället: ${matches.map((m) => m.id).join(", ")}.`,
    };
  return { ok: false, message: `Organisationen "${idOrName}" finns inte. Ange organisationens id eller exakta namn.` };
}

export type BuiltReport = Awaited<ReturnType<typeof buildOrganizationReport>>;

/** The whole report for an organisation: figures, tables (suppressed in the funder view), metadata. */
export async function buildOrganizationReport(o: {
  organization: { id: string; name: string };
  from: string;
  to: string;
  today: string;
  municipalityCode: string | null;
  view: ReportView;
  minGroupSize?: number;
}) {
  const minGroupSize = o.minGroupSize ?? MIN_GROUP_SIZE;
  const input = await loadReportInput(o.organization.id);
  const figures = computeReport(input, {
    from: o.from,
    to: o.to,
    today: o.today,
    municipalityCode: o.municipalityCode,
  });
  const codes = [
    ...new Set(
      [...figures.municipalities.map((m) => m.code), o.municipalityCode].filter((c): c is string => Boolean(c)),
    ),
  ];
  const names = await municipalityNames(codes);
  const tables = buildTables(figures, { suppress: o.view === "funder", minGroupSize, municipalityNames: names });
  const meta: ReportMeta = {
    organization: { id: o.organization.id, name: o.organization.name },
    period: figures.period,
    municipality: o.municipalityCode
      ? { code: o.municipalityCode, name: names[o.municipalityCode] ?? o.municipalityCode }
      : null,
    view: o.view,
    minGroupSize,
  };
  return { meta, figures, tables, definitions: reportDefinitions(minGroupSize) };
}

// ───────────── requests (page and exports) ─────────────

/**
 * The report filters of a request for a staff member's organisation. An `org` parameter naming any
 * other organisation (or none that exists) is a 404: staff see only their own organisation's report.
 */
export async function parseReportRequest(request: Request, user: { organizationId: string }, defaultView: ReportView) {
  const url = new URL(request.url);
  const orgParam = url.searchParams.get("org");
  if (orgParam !== null && orgParam !== user.organizationId) notFound("Organisationen finns inte.");
  const organization = await db.organization.findUnique({
    where: { id: user.organizationId },
    select: { id: true, name: true, municipalityCode: true, funderName: true },
  });
  if (!organization) notFound("Organisationen finns inte.");
  const today = dayKey(currentTime());
  const values = filtersInput(url.searchParams, today, defaultView);
  const parsed = parseWith(ReportFiltersSchema, values, values);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  if (parsed.ok && parsed.data.municipalityCode) {
    const exists = await db.municipality.findUnique({
      where: { code: parsed.data.municipalityCode },
      select: { code: true },
    });
    if (!exists) errors.municipalityCode = ["Kommunen finns inte. Välj en kommun i listan."];
  }
  if (!parsed.ok || Object.keys(errors).length > 0) {
    return fail({
      organization,
      today,
      values,
      errors,
      formError: parsed.ok ? undefined : parsed.formError,
    });
  }
  return ok({ organization, today, values, filters: parsed.data });
}

/** One Swedish sentence from field errors, for exports and the CLI (which have no form). */
export function errorsText(errors: FieldErrors): string {
  return Object.values(errors).flat().filter(Boolean).join(" ");
}
