// Import of an organisation's existing caseload (issue 12, docs/import.md): participants,
// employments and placements, employers, employer contacts. Used by `npm run import` and the
// admin's import page.
//
// - Every row is checked first (./rows.ts, then against the database); a file with any problem
//   writes nothing and the report lists each problem with line, column and a Swedish message.
// - A dry run stops there and says what would be created and updated.
// - A real run writes the whole file in one transaction (all or nothing) and is idempotent: rows
//   are matched by the external reference (participants) or the row's natural key (placements,
//   contacts: stored in externalRef; employers: organisation number), so running a file twice
//   updates, never duplicates.
// - Every imported record gets an audit event (entity "import"), naming the back-dated dates and
//   who imported them. Participants never enter the search engine (nothing is put in the search
//   outbox; imported openings are closed history).
import { currentTime } from "../clock.server.ts";
import { missingColumns, detectKind, importColumns, importKinds, type ImportKind } from "~/domain/import/columns.ts";
import {
  parseRows,
  type ContactImportRow,
  type EmployerImportRow,
  type ParticipantRow,
  type PlacementImportRow,
  type RowProblem,
} from "~/domain/import/rows.ts";
import { dateOrderProblem } from "~/domain/date-order.ts";
import { dateFromInput } from "~/domain/enrolment.ts";
import { dayKey } from "~/domain/swedish-time.ts";
import { db, type DbOrTx } from "../db.server.ts";
import { newRowId } from "../row-id.ts";
import type { ImportTable } from "./read-file.server.ts";

/** Long enough for 10 000 participant rows on a slow machine; the file is one transaction. */
const IMPORT_TRANSACTION_TIMEOUT_MS = 10 * 60_000;
const BATCH = 500;

export type ImportReport = {
  kind: ImportKind | null;
  fileName: string;
  dryRun: boolean;
  /** Data rows read (blank lines not counted). */
  rows: number;
  created: number;
  updated: number;
  problems: RowProblem[];
  /** True when the rows were written (a real run without problems). */
  written: boolean;
};

export type ImportRequest = {
  organizationId: string;
  /** The admin who imports (null: the operator's CLI). Recorded in every audit event. */
  actorId: string | null;
  fileName: string;
  table: ImportTable;
  kind?: ImportKind;
  dryRun: boolean;
  ip?: string;
  now?: Date;
};

export async function runImport(request: ImportRequest): Promise<ImportReport> {
  const now = request.now ?? currentTime();
  const { table } = request;
  const base = { fileName: request.fileName, dryRun: request.dryRun, created: 0, updated: 0, written: false };
  const dataRows = table.rows.filter((r) => r.some((c) => c.trim() !== "")).length;
  const closest = [...importKinds].sort(
    (a, b) => missingColumns(a, table.headers).length - missingColumns(b, table.headers).length,
  )[0]!;
  const matchesSome =
    missingColumns(closest, table.headers).length < importColumns[closest].filter((c) => c.required).length;
  // A file missing some columns is taken for the kind it resembles most, and the missing columns named.
  const kind = request.kind ?? detectKind(table.headers) ?? (matchesSome ? closest : null);
  if (!kind)
    return {
      ...base,
      kind: null,
      rows: dataRows,
      problems: [
        {
          line: 1,
          column: null,
          message: `Filen liknar ingen av importfilerna: rubrikraden saknar deras kolumner. Utgå från en mall (${importKinds.map((k) => importKindLabelsSv[k]).join(", ")}).`,
        },
      ],
    };
  const missing = missingColumns(kind, table.headers);
  if (missing.length > 0)
    return {
      ...base,
      kind,
      rows: dataRows,
      problems: missing.map((column) => ({ line: 1, column, message: `Kolumnen ${column} saknas i rubrikraden.` })),
    };

  const context = { organizationId: request.organizationId, actorId: request.actorId, now, request };
  const result = await importers[kind](table, context);
  return { ...base, kind, rows: dataRows, ...result };
}

type Context = { organizationId: string; actorId: string | null; now: Date; request: ImportRequest };
type Outcome = Pick<ImportReport, "created" | "updated" | "problems" | "written">;

const importers: Record<ImportKind, (table: ImportTable, c: Context) => Promise<Outcome>> = {
  participants: importParticipants,
  placements: importPlacements,
  employers: importEmployers,
  contacts: importContacts,
};

const columnOf = (kind: ImportKind, key: string) => importColumns[kind].find((c) => c.key === key)!.header;

function inTransaction<T>(fn: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return db.$transaction(fn, { timeout: IMPORT_TRANSACTION_TIMEOUT_MS });
}

/** Who did it, for the audit detail. */
function byWhom(c: Context) {
  return c.actorId ? "" : " (kommandot npm run import)";
}

/** The dates of a row that lie before the import day: recorded as back-dated in the audit. */
function backDated(c: Context, dates: Array<[label: string, date: string | null]>): string {
  const today = dayKey(c.now);
  const past = dates.filter(([, d]) => d !== null && d < today).map(([label, d]) => `${label} ${d}`);
  return past.length > 0 ? `; bakåtdaterat: ${past.join(", ")}` : "";
}

// ───────────── staff by email (coaches and admins of the organisation) ─────────────

async function staffByEmail(organizationId: string) {
  const staff = await db.user.findMany({
    where: { organizationId, role: { in: ["coach", "admin"] }, deactivatedAt: null, email: { not: null } },
    select: { id: true, email: true },
  });
  return new Map(staff.map((s) => [s.email!.toLowerCase(), s.id]));
}

// ───────────── participants ─────────────

async function importParticipants(table: ImportTable, c: Context): Promise<Outcome> {
  const parsed = parseRows("participants", table.headers, table.rows, { now: c.now });
  const problems = [...parsed.problems];
  const rows = parsed.rows;
  const col = (key: string) => columnOf("participants", key);

  const [staff, municipalities, postalCodes, existing] = await Promise.all([
    staffByEmail(c.organizationId),
    db.municipality.findMany({ select: { code: true, lat: true, lng: true } }),
    db.postalCode.findMany({
      where: { code: { in: [...new Set(rows.flatMap((r) => (r.value.postalCode ? [r.value.postalCode] : [])))] } },
      select: { code: true, municipalityCode: true },
    }),
    db.participant.findMany({
      // Every imported participant of the organisation (a list of 10 000 references would exceed SQLite's parameter limit).
      where: { organizationId: c.organizationId, externalRef: { not: null } },
      select: {
        id: true,
        externalRef: true,
        phase: true,
        erasedAt: true,
        placements: { select: { startDate: true } },
        consents: { select: { scope: true, given: true, date: true, createdAt: true } },
      },
    }),
  ]);
  const municipalityBy = new Map(municipalities.map((m) => [m.code, m]));
  const postalBy = new Map(postalCodes.map((p) => [p.code, p.municipalityCode]));
  const existingBy = new Map(existing.map((p) => [p.externalRef!, p]));

  type Resolved = { line: number; row: ParticipantRow; coachId: string | null; municipalityCode: string };
  const resolved: Resolved[] = [];
  for (const { line, value: row } of rows) {
    const before = problems.length;
    let municipalityCode = row.municipalityCode || null;
    if (row.postalCode) {
      const m = postalBy.get(row.postalCode);
      if (!m) problems.push({ line, column: col("postalCode"), message: "Postnumret finns inte i vårt register." });
      else if (municipalityCode && municipalityCode !== m)
        problems.push({
          line,
          column: col("municipalityCode"),
          message: `Postnumret ligger i kommun ${m}, inte ${municipalityCode}.`,
        });
      else municipalityCode = m;
    }
    if (municipalityCode && !municipalityBy.has(municipalityCode))
      problems.push({ line, column: col("municipalityCode"), message: `Kommunkoden ${municipalityCode} finns inte.` });
    const coachId = row.coachEmail ? (staff.get(row.coachEmail) ?? null) : null;
    if (row.coachEmail && !coachId)
      problems.push({
        line,
        column: col("coachEmail"),
        message: `${row.coachEmail} är inte coach eller administratör i organisationen.`,
      });
    const old = existingBy.get(row.ref);
    if (old?.erasedAt)
      problems.push({
        line,
        column: col("ref"),
        message: "Deltagaren med den referensen har raderats och kan inte importeras igen.",
      });
    if (old) {
      // Dates stay in order with what is already recorded: enrolment ≤ placement ≤ exit.
      const placementStarts = old.placements.map((p) => p.startDate);
      const enrolledAt = dateFromInput(row.enrolledAt);
      const early = dateOrderProblem("enrolment", { enrolledAt, placementStarts });
      if (early) problems.push({ line, column: col("enrolledAt"), message: early });
      const late = row.exitedAt
        ? dateOrderProblem("exit", { enrolledAt, placementStarts, exitedAt: dateFromInput(row.exitedAt) })
        : null;
      if (late) problems.push({ line, column: col("exitedAt"), message: late });
    }
    if (problems.length === before && municipalityCode) resolved.push({ line, row, coachId, municipalityCode });
  }
  const created = resolved.filter((r) => !existingBy.has(r.row.ref)).length;
  const outcome = { created, updated: resolved.length - created, problems, written: false };
  if (problems.length > 0 || c.request.dryRun) return outcome;

  await inTransaction(async (tx) => {
    const fresh = resolved.filter((r) => !existingBy.has(r.row.ref));
    for (let i = 0; i < fresh.length; i += BATCH)
      await createParticipants(tx, c, fresh.slice(i, i + BATCH), municipalityBy);
    for (const r of resolved) {
      const old = existingBy.get(r.row.ref);
      if (old) await updateParticipant(tx, c, r, old, municipalityBy);
    }
  });
  return { ...outcome, written: true };
}

type MunicipalityPlace = { code: string; lat: number; lng: number };

function participantColumns(
  r: { row: ParticipantRow; coachId: string | null; municipalityCode: string },
  place?: MunicipalityPlace,
) {
  const { row } = r;
  return {
    pseudonym: row.pseudonym,
    gender: row.gender,
    birthYear: row.birthYear,
    municipalityCode: r.municipalityCode,
    postalCode: row.postalCode,
    lat: place?.lat ?? null,
    lng: place?.lng ?? null,
    referralSource: row.referralSource,
    enrolledAt: dateFromInput(row.enrolledAt),
    exitedAt: row.exitedAt ? dateFromInput(row.exitedAt) : null,
    startOccupation: row.startOccupation,
    startIncomeSources: JSON.stringify(row.startIncome),
    notCountedReason: row.notCountedReason || null,
  };
}

function auditDetail(c: Context, line: number, what: string, row: ParticipantRow) {
  return `Import ${c.request.fileName} rad ${line}: ${what}${byWhom(c)}${backDated(c, [
    ["inskrivning", row.enrolledAt],
    ["avslut", row.exitedAt],
  ])}`;
}

async function createParticipants(
  tx: DbOrTx,
  c: Context,
  batch: Array<{ line: number; row: ParticipantRow; coachId: string | null; municipalityCode: string }>,
  municipalityBy: Map<string, MunicipalityPlace>,
) {
  const ids = batch.map(() => newRowId());
  const phaseAt = (row: ParticipantRow) => dateFromInput(row.exitedAt ?? row.enrolledAt);
  await tx.participant.createMany({
    data: batch.map((r, i) => ({
      id: ids[i]!,
      organizationId: c.organizationId,
      coachId: r.coachId,
      externalRef: r.row.ref,
      phase: r.row.phase,
      phaseChangedAt: phaseAt(r.row),
      ...participantColumns(r, municipalityBy.get(r.municipalityCode)),
    })),
  });
  await tx.profile.createMany({ data: ids.map((participantId) => ({ participantId })) });
  await tx.phaseChange.createMany({
    data: batch.flatMap((r, i) => [
      {
        participantId: ids[i]!,
        fromPhase: null,
        toPhase: "enrolled",
        at: dateFromInput(r.row.enrolledAt),
        byId: c.actorId,
      },
      ...(r.row.phase !== "enrolled"
        ? [{ participantId: ids[i]!, fromPhase: "enrolled", toPhase: r.row.phase, at: phaseAt(r.row), byId: c.actorId }]
        : []),
    ]),
  });
  await tx.consent.createMany({
    data: batch.flatMap((r, i) => [
      {
        participantId: ids[i]!,
        scope: "brygga",
        given: true,
        date: dateFromInput(r.row.consentBryggaDate ?? r.row.enrolledAt),
        recordedById: c.actorId,
      },
      {
        participantId: ids[i]!,
        scope: "statistics",
        given: r.row.consentStatistics,
        date: dateFromInput(r.row.consentStatisticsDate ?? r.row.enrolledAt),
        recordedById: c.actorId,
      },
    ]),
  });
  await tx.outcomeRecord.createMany({
    data: batch.flatMap((r, i) => (r.row.exitedAt ? [{ participantId: ids[i]!, ...exitColumns(r.row) }] : [])),
  });
  await tx.auditEvent.createMany({
    data: batch.map((r, i) => ({
      actorId: c.actorId,
      participantId: ids[i]!,
      action: "create",
      entity: "import",
      detail: auditDetail(c, r.line, `deltagare ${r.row.ref} skapad`, r.row),
      ip: c.request.ip,
    })),
  });
}

function exitColumns(row: ParticipantRow) {
  return {
    exitReason: row.exitReason,
    exitOccupation: row.exitOccupation,
    exitIncomeSources: JSON.stringify(row.exitIncome),
  };
}

async function updateParticipant(
  tx: DbOrTx,
  c: Context,
  r: { line: number; row: ParticipantRow; coachId: string | null; municipalityCode: string },
  old: { id: string; phase: string; consents: Array<{ scope: string; given: boolean; date: Date; createdAt: Date }> },
  municipalityBy: Map<string, MunicipalityPlace>,
) {
  const { row } = r;
  const phaseChanged = old.phase !== row.phase;
  await tx.participant.update({
    where: { id: old.id },
    data: {
      ...participantColumns(r, municipalityBy.get(r.municipalityCode)),
      ...(r.coachId ? { coachId: r.coachId } : {}),
      ...(phaseChanged ? { phase: row.phase, phaseChangedAt: dateFromInput(row.exitedAt ?? dayKey(c.now)) } : {}),
    },
  });
  if (phaseChanged)
    await tx.phaseChange.create({
      data: {
        participantId: old.id,
        fromPhase: old.phase,
        toPhase: row.phase,
        at: dateFromInput(row.exitedAt ?? dayKey(c.now)),
        byId: c.actorId,
      },
    });
  // A consent is added only when the file says something else than the latest recorded one.
  for (const [scope, given, date] of [
    ["brygga", true, row.consentBryggaDate ?? row.enrolledAt],
    ["statistics", row.consentStatistics, row.consentStatisticsDate ?? row.enrolledAt],
  ] as const) {
    const latest = old.consents
      .filter((x) => x.scope === scope)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .at(-1);
    if (!latest || latest.given !== given || dayKey(latest.date) !== date)
      await tx.consent.create({
        data: { participantId: old.id, scope, given, date: dateFromInput(date), recordedById: c.actorId },
      });
  }
  if (row.exitedAt)
    await tx.outcomeRecord.upsert({
      where: { participantId: old.id },
      create: { participantId: old.id, ...exitColumns(row) },
      update: exitColumns(row),
    });
  else
    await tx.outcomeRecord.updateMany({
      where: { participantId: old.id },
      data: { exitReason: null, exitOccupation: null, exitIncomeSources: "[]" },
    });
  await tx.auditEvent.create({
    data: {
      actorId: c.actorId,
      participantId: old.id,
      action: "update",
      entity: "import",
      detail: auditDetail(c, r.line, `deltagare ${row.ref} uppdaterad`, row),
      ip: c.request.ip,
    },
  });
}

// ───────────── employers (one row per workplace) ─────────────

async function importEmployers(table: ImportTable, c: Context): Promise<Outcome> {
  const parsed = parseRows("employers", table.headers, table.rows, { now: c.now });
  const problems = [...parsed.problems];
  const col = (key: string) => columnOf("employers", key);
  const rows = parsed.rows;
  const postal = await db.postalCode.findMany({
    where: { code: { in: rows.flatMap((r) => (r.value.postalCode ? [r.value.postalCode] : [])) } },
    select: { code: true, municipality: { select: { code: true, lat: true, lng: true } } },
  });
  const postalBy = new Map(postal.map((p) => [p.code, p.municipality]));
  const existing = await db.employer.findMany({
    where: { orgNumber: { in: [...new Set(rows.map((r) => r.value.orgNumber))] } },
    select: { id: true, orgNumber: true, organizationId: true, workplaces: { select: { id: true, name: true } } },
  });
  const existingBy = new Map(existing.map((e) => [e.orgNumber!, e]));
  for (const { line, value } of rows) {
    if (value.postalCode && !postalBy.has(value.postalCode))
      problems.push({ line, column: col("postalCode"), message: "Postnumret finns inte i vårt register." });
    const old = existingBy.get(value.orgNumber);
    if (old && old.organizationId && old.organizationId !== c.organizationId)
      problems.push({
        line,
        column: col("orgNumber"),
        message: "Arbetsgivaren finns redan i Brygga hos en annan organisation och kan inte ändras härifrån.",
      });
  }
  const orgNumbers = [...new Set(rows.map((r) => r.value.orgNumber))];
  const created = orgNumbers.filter((o) => !existingBy.has(o)).length;
  const outcome = { created, updated: orgNumbers.length - created, problems, written: false };
  if (problems.length > 0 || c.request.dryRun) return outcome;

  await inTransaction(async (tx) => {
    const ids = new Map<string, string>();
    for (const { line, value } of rows) {
      let id = ids.get(value.orgNumber) ?? existingBy.get(value.orgNumber)?.id;
      const isNew = !existingBy.has(value.orgNumber) && !ids.has(value.orgNumber);
      if (!id) {
        const employer = await tx.employer.create({
          data: {
            name: value.name,
            orgNumber: value.orgNumber,
            sector: value.sector,
            organizationId: c.organizationId,
          },
        });
        id = employer.id;
      } else if (!ids.has(value.orgNumber)) {
        await tx.employer.update({
          where: { id },
          data: { name: value.name, sector: value.sector, organizationId: c.organizationId },
        });
      }
      ids.set(value.orgNumber, id);
      if (value.workplace) await upsertWorkplace(tx, id, value, postalBy.get(value.postalCode!)!);
      await tx.auditEvent.create({
        data: {
          actorId: c.actorId,
          participantId: null,
          action: isNew ? "create" : "update",
          entity: "import",
          detail: `Import ${c.request.fileName} rad ${line}: arbetsgivare ${value.orgNumber}${value.workplace ? `, arbetsställe ${value.workplace}` : ""}${byWhom(c)}`,
          ip: c.request.ip,
        },
      });
    }
  });
  return { ...outcome, written: true };
}

async function upsertWorkplace(tx: DbOrTx, employerId: string, row: EmployerImportRow, place: MunicipalityPlace) {
  const existing = await tx.workplace.findFirst({ where: { employerId, name: row.workplace } });
  const data = {
    street: row.street,
    postalCode: row.postalCode!,
    municipalityCode: place.code,
    lat: place.lat,
    lng: place.lng,
  };
  if (existing) await tx.workplace.update({ where: { id: existing.id }, data });
  else await tx.workplace.create({ data: { employerId, name: row.workplace, ...data } });
}

// ───────────── employments and placements ─────────────

async function importPlacements(table: ImportTable, c: Context): Promise<Outcome> {
  const parsed = parseRows("placements", table.headers, table.rows, { now: c.now });
  const problems = [...parsed.problems];
  const col = (key: string) => columnOf("placements", key);
  const rows = parsed.rows;
  const [participants, occupations, employers, organization] = await Promise.all([
    db.participant.findMany({
      where: {
        organizationId: c.organizationId,
        erasedAt: null,
        externalRef: { not: null },
      },
      select: {
        id: true,
        externalRef: true,
        enrolledAt: true,
        exitedAt: true,
        municipalityCode: true,
        placements: { select: { externalRef: true } },
      },
    }),
    db.occupation.findMany({
      where: { ssyk4Code: { in: [...new Set(rows.map((r) => r.value.ssyk))] } },
      select: { id: true, ssyk4Code: true, group: { select: { label: true } } },
      orderBy: { label: "asc" },
    }),
    db.employer.findMany({
      where: { orgNumber: { in: [...new Set(rows.map((r) => r.value.orgNumber))] } },
      select: { id: true, orgNumber: true, workplaces: { select: { id: true }, take: 1 } },
    }),
    db.organization.findUniqueOrThrow({ where: { id: c.organizationId }, select: { municipalityCode: true } }),
  ]);
  const participantBy = new Map(participants.map((p) => [p.externalRef!, p]));
  const occupationBy = new Map<string, { id: string; label: string }>();
  for (const o of occupations)
    if (!occupationBy.has(o.ssyk4Code)) occupationBy.set(o.ssyk4Code, { id: o.id, label: o.group.label });
  const employerBy = new Map(employers.map((e) => [e.orgNumber!, e]));

  let created = 0;
  let updated = 0;
  for (const { line, value } of rows) {
    const p = participantBy.get(value.participantRef);
    if (!p) {
      problems.push({
        line,
        column: col("participantRef"),
        message: `Det finns ingen deltagare med referensen ${value.participantRef}. Importera deltagarna först.`,
      });
      continue;
    }
    if (!occupationBy.has(value.ssyk))
      problems.push({
        line,
        column: col("ssyk"),
        message: `SSYK-koden ${value.ssyk} finns inte bland yrkesgrupperna.`,
      });
    const outOfOrder = dateOrderProblem("placement", {
      enrolledAt: p.enrolledAt,
      placementStarts: [dateFromInput(value.startDate)],
      exitedAt: p.exitedAt,
    });
    if (outOfOrder) problems.push({ line, column: col("startDate"), message: outOfOrder });
    if (p.placements.some((x) => x.externalRef === value.key)) updated += 1;
    else created += 1;
  }
  const outcome = { created, updated, problems, written: false };
  if (problems.length > 0 || c.request.dryRun) return outcome;

  await inTransaction(async (tx) => {
    const openings = new Map<string, string>();
    for (const { line, value } of rows) {
      const p = participantBy.get(value.participantRef)!;
      const occupation = occupationBy.get(value.ssyk)!;
      let employer = employerBy.get(value.orgNumber);
      if (!employer) {
        const made = await tx.employer.create({
          data: {
            name: value.employerName,
            orgNumber: value.orgNumber,
            sector: value.sector,
            organizationId: c.organizationId,
          },
        });
        employer = { id: made.id, orgNumber: value.orgNumber, workplaces: [] };
        employerBy.set(value.orgNumber, employer);
      }
      if (employer.workplaces.length === 0) {
        const code = organization.municipalityCode ?? p.municipalityCode ?? "0180";
        const m = await tx.municipality.findUniqueOrThrow({ where: { code } });
        const wp = await tx.workplace.create({
          data: {
            employerId: employer.id,
            name: "Importerat arbetsställe",
            street: "",
            postalCode: "",
            municipalityCode: m.code,
            lat: m.lat,
            lng: m.lng,
          },
        });
        employer.workplaces = [{ id: wp.id }];
      }
      const openingKey = `${employer.id}|${value.kind}|${value.employmentSupport ?? ""}|${occupation.id}`;
      let openingId = openings.get(openingKey);
      if (!openingId) {
        const found = await tx.opening.findFirst({
          where: {
            employerId: employer.id,
            kind: value.kind,
            employmentSupport: value.employmentSupport,
            occupationId: occupation.id,
            description: IMPORTED_OPENING,
          },
          select: { id: true },
        });
        openingId =
          found?.id ??
          (
            await tx.opening.create({
              data: {
                employerId: employer.id,
                workplaceId: employer.workplaces[0]!.id,
                kind: value.kind,
                status: "closed",
                title: occupation.label,
                description: IMPORTED_OPENING,
                occupationId: occupation.id,
                hoursMin: 1,
                hoursMax: 40,
                employmentSupport: value.employmentSupport,
                competitive: value.kind === "job" && !["osa", "kommunal"].includes(value.employmentSupport ?? "none"),
                closedAt: c.now,
                closeReason: "imported",
                createdById: c.actorId,
              },
            })
          ).id;
        openings.set(openingKey, openingId);
      }
      const data = {
        openingId,
        kind: value.kind,
        startDate: dateFromInput(value.startDate),
        endDate: value.endDate ? dateFromInput(value.endDate) : null,
        hoursPerWeek: value.hours,
        status: value.endDate || p.exitedAt ? "ended" : value.kind === "job" ? "follow_up" : "introduction",
        endedAt: value.endDate ? dateFromInput(value.endDate) : null,
      };
      const existing = await tx.placement.findUnique({
        where: { participantId_externalRef: { participantId: p.id, externalRef: value.key } },
        select: { id: true },
      });
      if (existing) await tx.placement.update({ where: { id: existing.id }, data });
      else await tx.placement.create({ data: { ...data, participantId: p.id, externalRef: value.key } });
      await tx.auditEvent.create({
        data: {
          actorId: c.actorId,
          participantId: p.id,
          action: existing ? "update" : "create",
          entity: "import",
          detail: `Import ${c.request.fileName} rad ${line}: placering ${value.kind} hos ${value.orgNumber}${byWhom(c)}${backDated(
            c,
            [
              ["start", value.startDate],
              ["slut", value.endDate],
            ],
          )}`,
          ip: c.request.ip,
        },
      });
    }
  });
  return { ...outcome, written: true };
}

/** The description of the closed openings that hold imported placements. */
export const IMPORTED_OPENING = "Importerad historik (issue 12): en placering från tiden före Brygga.";

// ───────────── employer contacts ─────────────

async function importContacts(table: ImportTable, c: Context): Promise<Outcome> {
  const parsed = parseRows("contacts", table.headers, table.rows, { now: c.now });
  const problems = [...parsed.problems];
  const col = (key: string) => columnOf("contacts", key);
  const rows = parsed.rows;
  const [staff, employers, participants, existing] = await Promise.all([
    staffByEmail(c.organizationId),
    db.employer.findMany({
      where: { orgNumber: { in: rows.map((r) => r.value.orgNumber) } },
      select: { id: true, orgNumber: true },
    }),
    db.participant.findMany({
      where: {
        organizationId: c.organizationId,
        erasedAt: null,
        externalRef: { in: rows.flatMap((r) => (r.value.participantRef ? [r.value.participantRef] : [])) },
      },
      select: { id: true, externalRef: true, enrolledAt: true },
    }),
    db.employerContact.findMany({
      where: { organizationId: c.organizationId, externalRef: { not: null } },
      select: { id: true, externalRef: true },
    }),
  ]);
  const employerBy = new Map(employers.map((e) => [e.orgNumber!, e.id]));
  const participantBy = new Map(participants.map((p) => [p.externalRef!, p]));
  const existingBy = new Map(existing.map((e) => [e.externalRef!, e.id]));
  for (const { line, value } of rows) {
    if (!employerBy.has(value.orgNumber))
      problems.push({
        line,
        column: col("orgNumber"),
        message: `Arbetsgivaren ${value.orgNumber} finns inte i Brygga. Importera arbetsgivarna först.`,
      });
    if (!staff.has(value.coachEmail))
      problems.push({
        line,
        column: col("coachEmail"),
        message: `${value.coachEmail} är inte coach eller administratör i organisationen.`,
      });
    if (value.participantRef) {
      const p = participantBy.get(value.participantRef);
      if (!p)
        problems.push({
          line,
          column: col("participantRef"),
          message: `Det finns ingen deltagare med referensen ${value.participantRef}.`,
        });
      else if (value.date < dayKey(p.enrolledAt))
        problems.push({
          line,
          column: col("date"),
          message: `Kontakten om deltagaren ligger före inskrivningen (${dayKey(p.enrolledAt)}).`,
        });
    }
  }
  const updated = rows.filter((r) => existingBy.has(r.value.key)).length;
  const outcome = { created: rows.length - updated, updated, problems, written: false };
  if (problems.length > 0 || c.request.dryRun) return outcome;

  await inTransaction(async (tx) => {
    for (const { line, value } of rows) {
      const participantId = value.participantRef ? participantBy.get(value.participantRef)!.id : null;
      const data = {
        employerId: employerBy.get(value.orgNumber)!,
        coachId: staff.get(value.coachEmail)!,
        participantId,
        kind: value.kind,
        notes: value.note || null,
        occurredAt: dateFromInput(value.date),
      };
      const id = existingBy.get(value.key);
      if (id) await tx.employerContact.update({ where: { id }, data });
      else
        await tx.employerContact.create({
          data: { ...data, organizationId: c.organizationId, externalRef: value.key },
        });
      await tx.auditEvent.create({
        data: {
          actorId: c.actorId,
          participantId,
          action: id ? "update" : "create",
          entity: "import",
          detail: `Import ${c.request.fileName} rad ${line}: arbetsgivarkontakt ${value.date} med ${value.orgNumber}${byWhom(c)}${backDated(c, [["datum", value.date]])}`,
          ip: c.request.ip,
        },
      });
    }
  });
  return { ...outcome, written: true };
}

export type { ContactImportRow, PlacementImportRow };

/** The report as plain Swedish text (the CLI prints it; the page shows the same in a table). */
export function formatImportReport(report: ImportReport): string {
  const kind = report.kind ? importKindLabelsSv[report.kind] : "okänd fil";
  if (report.problems.length > 0) {
    const lines = report.problems.map((p) => `rad ${p.line}${p.column ? `, kolumn ${p.column}` : ""}: ${p.message}`);
    return [`${report.fileName} (${kind}): ${report.problems.length} fel. Inget har skrivits.`, ...lines].join("\n");
  }
  const counts = `${report.created} nya och ${report.updated} uppdaterade`;
  return report.dryRun
    ? `${report.fileName} (${kind}): ${report.rows} rader utan fel. Provkörning: ${counts} skulle skrivas. Inget har skrivits.`
    : `${report.fileName} (${kind}): ${report.rows} rader importerade: ${counts}.`;
}

const importKindLabelsSv: Record<ImportKind, string> = {
  participants: "deltagare",
  placements: "anställningar och placeringar",
  employers: "arbetsgivare",
  contacts: "arbetsgivarkontakter",
};
