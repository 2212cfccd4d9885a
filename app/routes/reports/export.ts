// GET /rapporter.csv and /rapporter.json — the report's tables for download: every table, or one
// (?tabell=…). Funder view by default (small groups hidden); ?visning=exakt for the organisation's
// own use. Same filters and figures as the page (app/routes/reports/report.tsx). CSV: semicolon,
// decimal comma, UTF-8 with BOM (Swedish Excel).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { csvHeading, toCsv, toJsonDocument } from "~/domain/reports/export.ts";
import { tableIds, type TableId } from "~/domain/reports/tables.ts";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { buildOrganizationReport, errorsText, parseReportRequest } from "~/utils/reports.server.ts";

const TableParam = z
  .string()
  .optional()
  .refine(
    (v) => v === undefined || (tableIds as readonly string[]).includes(v),
    `Tabellen finns inte. Välj en av: ${tableIds.join(", ")}.`,
  )
  .transform((v) => v as TableId | undefined);

function problem(format: "csv" | "json", message: string, status = 400) {
  return format === "json"
    ? new Response(JSON.stringify({ error: message }), {
        status,
        headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
      })
    : new Response(message, {
        status,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
      });
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  const url = new URL(request.url);
  const format = url.pathname.endsWith(".json") ? "json" : "csv";
  const table = TableParam.safeParse(url.searchParams.get("tabell") ?? undefined);
  if (!table.success) return problem(format, table.error.issues[0]!.message);
  const parsed = await parseReportRequest(request, user, "funder");
  if (!parsed.ok)
    return problem(format, `Rapporten kunde inte tas fram. ${parsed.formError ?? errorsText(parsed.errors)}`);
  const f = parsed.filters;
  const report = await buildOrganizationReport({
    organization: parsed.organization,
    from: f.from,
    to: f.to,
    today: parsed.today,
    municipalityCode: f.municipalityCode,
    view: f.view,
  });
  const tables = table.data ? report.tables.filter((t) => t.id === table.data) : report.tables;
  const name = `brygga-rapport-${f.from}-${f.to}${f.municipalityCode ? `-${f.municipalityCode}` : ""}${table.data ? `-${table.data}` : ""}${
    f.view === "exact" ? "-exakt" : ""
  }`;
  const headers = { "Cache-Control": "no-store", "Content-Disposition": `attachment; filename="${name}.${format}"` };
  if (format === "json") {
    const body = toJsonDocument(report.meta, tables, report.definitions);
    return new Response(JSON.stringify(body, null, 2), {
      headers: { ...headers, "Content-Type": "application/json; charset=utf-8" },
    });
  }
  const csv = toCsv(tables, {
    minGroupSize: report.meta.minGroupSize,
    heading: table.data ? undefined : csvHeading(report.meta),
  });
  return new Response(csv, { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
}
