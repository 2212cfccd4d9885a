// `npm run report -- --org <id|name> --from YYYY-MM-DD --to YYYY-MM-DD --format csv|json`
// Prints an organisation's outcome report — the same tables and figures as the report page and its
// downloads (app/utils/reports.server.ts) — to standard output. Funder view (small groups hidden)
// unless --exact. Optional: --municipality <kommunkod>, --table <id> (one table).
// Exit codes: 0 done, 2 bad input (unknown organisation, invalid period, unknown option), 1 failure.
import { currentTime } from "../app/utils/clock.server.ts";
import { parseArgs } from "node:util";
import { z } from "zod";
import { csvHeading, toCsv, toJsonDocument } from "../app/domain/reports/export.ts";
import { mapScopeParam, ReportFiltersSchema, viewParam } from "../app/domain/reports/filters.ts";
import { tableIds, type TableId } from "../app/domain/reports/tables.ts";
import { dayKey } from "../app/domain/swedish-time.ts";

const USAGE = `Användning: npm run report -- --org <id eller namn> --from ÅÅÅÅ-MM-DD --to ÅÅÅÅ-MM-DD [--format csv|json] [--municipality <kommunkod>] [--table <tabell>] [--exact]

  --org           organisationens id eller exakta namn
  --from, --to    periodens första och sista dag
  --format        csv (standard: semikolon, decimalkomma, UTF-8 med BOM) eller json
  --municipality  bara deltagare som bor i kommunen (fyrsiffrig kommunkod)
  --table         bara en tabell: ${tableIds.join(", ")}
  --exact         exakta tal (internt bruk); annars döljs grupper med färre än 3 personer`;

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(code);
}

let args: Record<string, string | boolean | undefined>;
try {
  args = parseArgs({
    options: {
      org: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      format: { type: "string" },
      municipality: { type: "string" },
      table: { type: "string" },
      exact: { type: "boolean" },
      help: { type: "boolean" },
    },
    strict: true,
    allowPositionals: false,
  }).values;
} catch (error) {
  fail(`Fel: ${error instanceof Error ? error.message : String(error)}`);
}
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const CliSchema = z.object({
  org: z
    .string({ error: "Ange organisationen med --org (id eller namn)." })
    .trim()
    .min(1, "Ange organisationen med --org (id eller namn)."),
  from: z.string({ error: "Ange periodens början med --from ÅÅÅÅ-MM-DD." }),
  to: z.string({ error: "Ange periodens slut med --to ÅÅÅÅ-MM-DD." }),
  format: z.enum(["csv", "json"], { error: "Formatet ska vara csv eller json (--format csv|json)." }).default("csv"),
  table: z
    .enum(tableIds as unknown as [TableId, ...TableId[]], {
      error: `Tabellen finns inte. Välj en av: ${tableIds.join(", ")}.`,
    })
    .optional(),
});
const cli = CliSchema.safeParse({
  org: args.org,
  from: args.from,
  to: args.to,
  format: args.format,
  table: args.table,
});
if (!cli.success) fail(`Fel: ${cli.error.issues.map((i) => i.message).join(" ")}`);

const filters = ReportFiltersSchema.safeParse({
  from: cli.data.from,
  to: cli.data.to,
  municipalityCode: typeof args.municipality === "string" ? args.municipality : "",
  view: args.exact ? viewParam.exact : viewParam.funder,
  mapScope: mapScopeParam.county,
});
if (!filters.success) fail(`Fel: ${filters.error.issues.map((i) => i.message).join(" ")}`);

// The database client is loaded only after the input is checked (and DATABASE_URL is settled).
const { db } = await import("../app/utils/db.server.ts");
const { buildOrganizationReport, findOrganization } = await import("../app/utils/reports.server.ts");
try {
  const found = await findOrganization(cli.data.org);
  if (!found.ok) fail(`Fel: ${found.message}`);
  const f = filters.data;
  if (f.municipalityCode && !(await db.municipality.findUnique({ where: { code: f.municipalityCode } }))) {
    fail(`Fel: Kommunen ${f.municipalityCode} finns inte.`);
  }
  const report = await buildOrganizationReport({
    organization: found.organization,
    from: f.from,
    to: f.to,
    today: dayKey(currentTime()),
    municipalityCode: f.municipalityCode,
    view: f.view,
  });
  const tables = cli.data.table ? report.tables.filter((t) => t.id === cli.data.table) : report.tables;
  const output =
    cli.data.format === "json"
      ? `${JSON.stringify(toJsonDocument(report.meta, tables, report.definitions), null, 2)}\n`
      : toCsv(tables, {
          minGroupSize: report.meta.minGroupSize,
          heading: cli.data.table ? undefined : csvHeading(report.meta),
        });
  await new Promise<void>((resolve, reject) =>
    process.stdout.write(output, (error) => (error ? reject(error) : resolve())),
  );
} catch (error) {
  process.stderr.write(`Rapporten kunde inte tas fram: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
