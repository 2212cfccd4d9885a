// The rules for each row of an import file (issue 12, docs/import.md): one zod schema per kind turns
// a row of text cells into typed values, or into problems with the column's Swedish header and a
// Swedish message. Codes are accepted as the code or its Swedish label (any case). Dates are
// ÅÅÅÅ-MM-DD, never in the future, and in order (enrolment ≤ placement ≤ exit). Checks that need
// the database (the coach, the employer, the participant, postal codes) are made by the service.
import { z } from "zod";
import { dateOrderProblem } from "../date-order.ts";
import { dateFromInput } from "../enrolment.ts";
import { normalizePostalCode } from "../geo.ts";
import { formatOrgNumber, isValidOrgNumber } from "../org-number.ts";
import { capitalizeSv } from "../swedish.ts";
import { dayKey, parseDateInput } from "../swedish-time.ts";
import { employmentSupports, openingKinds, sectors } from "../vocab/openings.ts";
import { employerContactKinds, exitReasons, incomeSources, occupationStatuses } from "../vocab/outcomes.ts";
import { genders, phases, referralSources } from "../vocab/participants.ts";
import type { Vocabulary } from "../vocab/vocabulary.ts";
import { importColumns, normalizeHeader, type ImportKind } from "./columns.ts";

export type RowProblem = { line: number; column: string | null; message: string };

/** Extra spellings accepted for codes (lower case): SUS's exit reasons, short forms. */
const aliases: Record<string, Record<string, string>> = {
  gender: { k: "woman", m: "man", "ej angivet": "undisclosed", "vill inte ange": "undisclosed" },
  exitReason: {
    utskrivning: "other",
    "utskrivning pga flytt": "moved",
    "utskrivning pga sjukdom": "sickness",
    "utskrivning – fortsatt rehabilitering": "rehabilitation",
    "utskrivning - fortsatt rehabilitering": "rehabilitation",
    "utskrivning fortsatt rehabilitering": "rehabilitation",
  },
  employmentSupport: { osa: "osa", "offentligt skyddat arbete": "osa" },
  kind: { praktik: "practice", arbetsträning: "work_trial", uppdrag: "task", studiebesök: "visit" },
};

function codeOf<C extends string>(vocab: Vocabulary<C>, value: string, aliasKey?: string): C | null {
  const v = value.trim().toLowerCase();
  for (const code of vocab.codes) if (code.toLowerCase() === v || vocab.labels[code].toLowerCase() === v) return code;
  const alias = aliasKey ? aliases[aliasKey]?.[v] : undefined;
  return alias && (vocab.codes as readonly string[]).includes(alias) ? (alias as C) : null;
}

const labelsOf = (vocab: Vocabulary<string>) => vocab.codes.map((c) => vocab.labels[c]).join(", ");

export type RowContext = { now: Date };

function vocabField<C extends string>(vocab: Vocabulary<C>, label: string, aliasKey?: string) {
  return z.string().transform((v, ctx) => {
    const code = codeOf(vocab, v, aliasKey);
    if (code) return code;
    ctx.addIssue({ code: "custom", message: `Okänd kod för ${label}: "${v}". Använd någon av: ${labelsOf(vocab)}.` });
    return z.NEVER;
  });
}
function optionalVocab<C extends string>(vocab: Vocabulary<C>, label: string, aliasKey?: string) {
  return z.string().transform((v, ctx): C | null => {
    if (v === "") return null;
    const code = codeOf(vocab, v, aliasKey);
    if (code) return code;
    ctx.addIssue({ code: "custom", message: `Okänd kod för ${label}: "${v}". Använd någon av: ${labelsOf(vocab)}.` });
    return z.NEVER;
  });
}

function listField<C extends string>(vocab: Vocabulary<C>, label: string) {
  return z.string().transform((v, ctx) => {
    const parts = v
      .split("|")
      .map((x) => x.trim())
      .filter(Boolean);
    const codes: C[] = [];
    for (const part of parts) {
      const code = codeOf(vocab, part);
      if (!code) {
        ctx.addIssue({
          code: "custom",
          message: `Okänd kod för ${label}: "${part}". Använd någon av: ${labelsOf(vocab)}.`,
        });
        return z.NEVER;
      }
      if (!codes.includes(code)) codes.push(code);
    }
    return codes;
  });
}

function dateField(label: string, now: Date) {
  return z.string().transform((v, ctx) => {
    if (parseDateInput(v) === null) {
      ctx.addIssue({ code: "custom", message: `Skriv ${label} som ÅÅÅÅ-MM-DD, till exempel 2014-03-03.` });
      return z.NEVER;
    }
    if (v > dayKey(now)) {
      ctx.addIssue({
        code: "custom",
        message: `${capitalizeSv(label)} kan inte ligga i framtiden.`,
      });
      return z.NEVER;
    }
    return v;
  });
}
const optionalDate = (label: string, now: Date) =>
  z.string().transform((v, ctx): string | null => {
    if (v === "") return null;
    const parsed = dateField(label, now).safeParse(v);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
    return z.NEVER;
  });

const required = (label: string) => z.string().min(1, `Fyll i ${label}.`);
const text = (label: string, max: number) => z.string().max(max, `${label} får vara högst ${max} tecken.`);

const yesNo = (label: string) =>
  z.string().transform((v, ctx) => {
    const x = v.trim().toLowerCase();
    if (["ja", "j", "yes", "1", "true"].includes(x)) return true;
    if (["nej", "n", "no", "0", "false"].includes(x)) return false;
    ctx.addIssue({ code: "custom", message: `Skriv Ja eller Nej för ${label}.` });
    return z.NEVER;
  });

const orgNumber = z.string().transform((v, ctx) => {
  if (!isValidOrgNumber(v)) {
    ctx.addIssue({
      code: "custom",
      message: `Organisationsnumret "${v}" är inte giltigt (NNNNNN-NNNN, kontrollsiffra).`,
    });
    return z.NEVER;
  }
  return formatOrgNumber(v)!;
});

const postalCode = z.string().transform((v, ctx) => {
  if (!v) return null;
  const code = normalizePostalCode(v);
  if (!code) {
    ctx.addIssue({ code: "custom", message: "Skriv postnumret med fem siffror, till exempel 553 20." });
    return z.NEVER;
  }
  return code;
});

const email = z.string().transform((v, ctx) => {
  if (!v) return null;
  const r = z.email().safeParse(v.toLowerCase());
  if (!r.success) {
    ctx.addIssue({ code: "custom", message: `"${v}" är inte en giltig e-postadress.` });
    return z.NEVER;
  }
  return r.data;
});

const intField = (label: string, min: number, max: number) =>
  z.string().transform((v, ctx) => {
    if (!v) return null;
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      ctx.addIssue({ code: "custom", message: `${label} ska vara ett heltal från ${min} till ${max}.` });
      return z.NEVER;
    }
    return Number(v);
  });

// ───────────── one schema per kind ─────────────

export function participantRowSchema({ now }: RowContext) {
  return z
    .object({
      ref: required("extern referens").pipe(text("Extern referens", 64)),
      pseudonym: required("pseudonym").pipe(text("Pseudonymen", 60)),
      gender: vocabField(genders, "kön", "gender"),
      birthYear: z.string().transform((v, ctx) => {
        if (!v) return null;
        if (!/^\d{4}$/.test(v)) {
          ctx.addIssue({ code: "custom", message: "Skriv födelseåret med fyra siffror, till exempel 1988." });
          return z.NEVER;
        }
        return Number(v);
      }),
      municipalityCode: z
        .string()
        .refine((v) => v === "" || /^\d{4}$/.test(v), "Kommunkoden har fyra siffror, till exempel 0680."),
      postalCode,
      enrolledAt: dateField("inskrivningsdatum", now),
      referralSource: vocabField(referralSources, "remitterande"),
      consentBrygga: yesNo("samtycke Brygga").refine(
        (v) => v,
        "Deltagaren måste samtycka till att uppgifterna används i Brygga (Ja); utan samtycke importeras hen inte.",
      ),
      consentBryggaDate: optionalDate("datum för samtycke Brygga", now),
      consentStatistics: yesNo("samtycke statistik"),
      consentStatisticsDate: optionalDate("datum för samtycke statistik", now),
      startOccupation: optionalVocab(occupationStatuses, "sysselsättning vid start"),
      startIncome: listField(incomeSources, "försörjning vid start"),
      coachEmail: email,
      phase: optionalVocab(phases, "fas"),
      exitedAt: optionalDate("avslutsdatum", now),
      exitReason: optionalVocab(exitReasons, "avslutsorsak", "exitReason"),
      exitOccupation: optionalVocab(occupationStatuses, "sysselsättning vid avslut"),
      exitIncome: listField(incomeSources, "försörjning vid avslut"),
      notCountedReason: text("Orsaken", 200),
    })
    .superRefine((v, ctx) => {
      if (v.birthYear !== null) {
        const year = Number(v.enrolledAt.slice(0, 4));
        if (v.birthYear < year - 80 || v.birthYear > year - 15)
          ctx.addIssue({
            code: "custom",
            path: ["birthYear"],
            message: `Födelseåret ska ge en ålder från 15 till 80 år vid inskrivningen (${year - 80}–${year - 15}).`,
          });
      }
      if (!v.municipalityCode && !v.postalCode)
        ctx.addIssue({ code: "custom", path: ["municipalityCode"], message: "Fyll i kommunkod eller postnummer." });
      const outOfOrder = v.exitedAt
        ? dateOrderProblem("exit", { enrolledAt: dateFromInput(v.enrolledAt), exitedAt: dateFromInput(v.exitedAt) })
        : null;
      if (outOfOrder) ctx.addIssue({ code: "custom", path: ["exitedAt"], message: outOfOrder });
      if (v.exitedAt && !v.exitReason)
        ctx.addIssue({ code: "custom", path: ["exitReason"], message: "Fyll i avslutsorsak när avslutsdatum finns." });
      if (!v.exitedAt && (v.exitReason || v.exitOccupation || v.exitIncome.length > 0))
        ctx.addIssue({
          code: "custom",
          path: ["exitedAt"],
          message: "Fyll i avslutsdatum när avslutsorsak eller uppgifter vid avslut finns.",
        });
      if (v.phase === "exited" && !v.exitedAt)
        ctx.addIssue({ code: "custom", path: ["phase"], message: "Fasen Avslutad kräver ett avslutsdatum." });
      if (v.phase && v.phase !== "exited" && v.exitedAt)
        ctx.addIssue({
          code: "custom",
          path: ["phase"],
          message: "En avslutad deltagare har fasen Avslutad (eller tom fas).",
        });
    })
    .transform((v) => ({ ...v, phase: v.exitedAt ? ("exited" as const) : (v.phase ?? ("enrolled" as const)) }));
}
export type ParticipantRow = z.output<ReturnType<typeof participantRowSchema>>;

export function placementRowSchema({ now }: RowContext) {
  return z
    .object({
      participantRef: required("deltagarens externa referens").pipe(text("Referensen", 64)),
      orgNumber,
      employerName: required("arbetsgivarens namn").pipe(text("Namnet", 120)),
      sector: vocabField(sectors, "sektor"),
      kind: vocabField(openingKinds, "typ", "kind"),
      employmentSupport: optionalVocab(employmentSupports, "anställningsform", "employmentSupport"),
      ssyk: z.string().regex(/^\d{4}$/, "Skriv yrkesgruppens SSYK-kod med fyra siffror, till exempel 9412."),
      startDate: dateField("startdatum", now),
      endDate: optionalDate("slutdatum", now),
      hours: intField("Timmar per vecka", 1, 60),
    })
    .superRefine((v, ctx) => {
      if (v.endDate && v.endDate < v.startDate)
        ctx.addIssue({ code: "custom", path: ["endDate"], message: "Slutdatum kan inte ligga före startdatum." });
      if (v.employmentSupport && v.kind !== "job")
        ctx.addIssue({
          code: "custom",
          path: ["employmentSupport"],
          message: "Anställningsform gäller bara typen Anställning.",
        });
    })
    .transform((v) => ({
      ...v,
      employmentSupport: v.kind === "job" ? (v.employmentSupport ?? "none") : null,
      /** The row's key among the participant's placements (a re-import updates it). */
      key: `${v.kind}|${v.orgNumber}|${v.startDate}`,
    }));
}
export type PlacementImportRow = z.output<ReturnType<typeof placementRowSchema>>;

export function employerRowSchema() {
  return z
    .object({
      orgNumber,
      name: required("namn").pipe(text("Namnet", 120)),
      sector: vocabField(sectors, "sektor"),
      workplace: text("Arbetsställets namn", 120),
      street: text("Gatuadressen", 120),
      postalCode,
    })
    .superRefine((v, ctx) => {
      if (v.workplace && !v.street)
        ctx.addIssue({ code: "custom", path: ["street"], message: "Fyll i gatuadress för arbetsstället." });
      if (v.workplace && !v.postalCode)
        ctx.addIssue({ code: "custom", path: ["postalCode"], message: "Fyll i postnummer för arbetsstället." });
    });
}
export type EmployerImportRow = z.output<ReturnType<typeof employerRowSchema>>;

export function contactRowSchema({ now }: RowContext) {
  return z
    .object({
      date: dateField("datum", now),
      orgNumber,
      coachEmail: required("coachens e-post")
        .pipe(email)
        .transform((v) => v ?? ""),
      kind: vocabField(employerContactKinds, "typ"),
      note: text("Anteckningen", 2000),
      participantRef: text("Referensen", 64),
    })
    .transform((v) => ({ ...v, key: `${v.date}|${v.orgNumber}|${v.coachEmail}|${v.kind}|${v.participantRef}` }));
}
export type ContactImportRow = z.output<ReturnType<typeof contactRowSchema>>;

export type ImportRowOf = {
  participants: ParticipantRow;
  placements: PlacementImportRow;
  employers: EmployerImportRow;
  contacts: ContactImportRow;
};

function schemaFor(kind: ImportKind, context: RowContext): z.ZodType {
  switch (kind) {
    case "participants":
      return participantRowSchema(context);
    case "placements":
      return placementRowSchema(context);
    case "employers":
      return employerRowSchema();
    case "contacts":
      return contactRowSchema(context);
  }
}

export type ParsedRows<K extends ImportKind> = {
  rows: Array<{ line: number; value: ImportRowOf[K] }>;
  problems: RowProblem[];
};

/**
 * Every data row of a file (text cells under the header row) → typed rows and problems. `firstLine`
 * is the file's line number of the first data row (2 when the header is line 1).
 */
export function parseRows<K extends ImportKind>(
  kind: K,
  headers: readonly string[],
  cells: readonly (readonly string[])[],
  context: RowContext,
  firstLine = 2,
): ParsedRows<K> {
  const columns = importColumns[kind];
  const index = new Map(headers.map((h, i) => [normalizeHeader(h), i]));
  const schema = schemaFor(kind, context);
  const rows: ParsedRows<K>["rows"] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  cells.forEach((row, i) => {
    const line = firstLine + i;
    if (row.every((c) => c.trim() === "")) return; // blank lines are skipped
    const input: Record<string, string> = {};
    for (const c of columns) {
      const at = index.get(normalizeHeader(c.header));
      input[c.key] = at === undefined ? "" : (row[at] ?? "").trim();
    }
    const result = schema.safeParse(input);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const key = issue.path[0];
        const column = columns.find((c) => c.key === key)?.header ?? null;
        problems.push({ line, column, message: issue.message });
      }
      return;
    }
    const value = result.data as ImportRowOf[K];
    const key = duplicateKey(kind, value);
    if (key !== null) {
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        problems.push({
          line,
          column: null,
          message: `Raden finns redan på rad ${earlier} (samma ${duplicateLabel[kind]}).`,
        });
        return;
      }
      seen.set(key, line);
    }
    rows.push({ line, value });
  });
  return { rows, problems };
}

const duplicateLabel: Record<ImportKind, string> = {
  participants: "externa referens",
  placements: "deltagare, typ, arbetsgivare och startdatum",
  employers: "organisationsnummer och arbetsställe",
  contacts: "datum, arbetsgivare, coach, typ och deltagare",
};

function duplicateKey(kind: ImportKind, value: ImportRowOf[ImportKind]): string | null {
  switch (kind) {
    case "participants":
      return (value as ParticipantRow).ref.toLowerCase();
    case "placements": {
      const v = value as PlacementImportRow;
      return `${v.participantRef.toLowerCase()}|${v.key}`;
    }
    case "employers": {
      const v = value as EmployerImportRow;
      return `${v.orgNumber}|${v.workplace.toLowerCase()}`;
    }
    case "contacts":
      return (value as ContactImportRow).key.toLowerCase();
  }
}
