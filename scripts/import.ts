// `npm run import -- --org <id|name> --file <path> [--kind deltagare|placeringar|arbetsgivare|kontakter] [--dry-run]`
// Imports an organisation's existing caseload from a CSV (UTF-8, ";" or ",") or .xlsx file
// (issue 12, docs/import.md). The kind of file is recognised by its header row unless --kind says
// it. Every row is checked first; with any problem nothing is written and each problem is printed
// as `rad N, kolumn K: meddelande`. --dry-run checks and tells what would be created and updated.
// Exit codes: 0 done (or a clean dry run), 2 bad input (nothing written), 1 failure.
import { parseArgs } from "node:util";
import { z } from "zod";
import { importKinds, importKindWords, type ImportKind } from "../app/domain/import/columns.ts";

const USAGE = `Användning: npm run import -- --org <id eller namn> --file <fil.csv|fil.xlsx> [--kind <typ>] [--dry-run]

  --org      organisationens id eller exakta namn
  --file     CSV (UTF-8, semikolon eller komma) eller Excel .xlsx, högst 10 MB
  --kind     ${importKinds.map((k) => importKindWords[k]).join(", ")} (annars känns filen igen på rubrikraden)
  --dry-run  kontrollera bara: inget skrivs

Mallar och alla kolumner: docs/import.md och sidan Administration → Importera.`;

function fail(message: string, code = 2): never {
  process.stderr.write(`Fel: ${message}\n`);
  process.exit(code);
}

let args: Record<string, string | boolean | undefined> = {};
try {
  args = parseArgs({
    options: {
      org: { type: "string" },
      file: { type: "string" },
      kind: { type: "string" },
      "dry-run": { type: "boolean" },
      help: { type: "boolean" },
    },
    strict: true,
    allowPositionals: false,
  }).values;
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
}
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const kindByWord = new Map(importKinds.map((k) => [importKindWords[k], k] as const));
const CliSchema = z.object({
  org: z
    .string({ error: "ange organisationen med --org (id eller namn)." })
    .trim()
    .min(1, "ange organisationen med --org."),
  file: z.string({ error: "ange filen med --file." }).trim().min(1, "ange filen med --file."),
  kind: z
    .string()
    .optional()
    .refine((v) => v === undefined || kindByWord.has(v), `--kind ska vara en av: ${[...kindByWord.keys()].join(", ")}.`)
    .transform((v) => (v === undefined ? undefined : (kindByWord.get(v) as ImportKind))),
});
const cli = CliSchema.safeParse({ org: args.org, file: args.file, kind: args.kind });
if (!cli.success) fail(`${cli.error.issues.map((i) => i.message).join(" ")}\n\n${USAGE}`);
const dryRun = args["dry-run"] === true;

// The database client is loaded only after the input is checked (and DATABASE_URL is settled).
const { db } = await import("../app/utils/db.server.ts");
const { findOrganization } = await import("../app/utils/reports.server.ts");
const { readImportFileFromDisk } = await import("../app/utils/import/read-file.server.ts");
const { runImport, formatImportReport } = await import("../app/utils/import/import.server.ts");
try {
  const found = await findOrganization(cli.data.org);
  if (!found.ok) fail(found.message);
  const table = await readImportFileFromDisk(cli.data.file);
  if (!table.ok) fail(table.message);
  const report = await runImport({
    organizationId: found.organization.id,
    actorId: null,
    fileName: cli.data.file.split(/[\\/]/).at(-1)!,
    table,
    kind: cli.data.kind,
    dryRun,
  });
  const text = formatImportReport(report);
  if (report.problems.length > 0) {
    process.stderr.write(`${text}\n`);
    process.exitCode = 2;
  } else process.stdout.write(`${text}\n`);
} catch (error) {
  process.stderr.write(
    `Importen misslyckades, inget skrevs: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
