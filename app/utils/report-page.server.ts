// The report page's loader work (issue 7): filters, the report, the map geometry and the county.
import { data } from "@remix-run/node";
import { requireOrgStaff } from "./auth.server.ts";
import { db } from "./db.server.ts";
import { municipalityMap } from "./geo-map.server.ts";
import { buildOrganizationReport, parseReportRequest, reportMunicipalityOptions } from "./reports.server.ts";

/** The county to draw: the chosen municipality's, else the organisation's, else where most participants live. */
export function countyFor(
  municipalityCode: string | null,
  organizationMunicipality: string | null,
  counts: Array<{ code: string | null; count: number }>,
): string | null {
  if (municipalityCode) return municipalityCode.slice(0, 2);
  if (organizationMunicipality) return organizationMunicipality.slice(0, 2);
  const byCounty = new Map<string, number>();
  for (const m of counts)
    if (m.code) byCounty.set(m.code.slice(0, 2), (byCounty.get(m.code.slice(0, 2)) ?? 0) + m.count);
  return [...byCounty.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

export async function loadReportPage(request: Request) {
  const user = await requireOrgStaff(request);
  const parsed = await parseReportRequest(request, user, "exact");
  const municipalities = await reportMunicipalityOptions(user.organizationId);
  const base = {
    organization: {
      id: parsed.organization.id,
      name: parsed.organization.name,
      funderName: parsed.organization.funderName,
    },
    municipalityOptions: municipalities.map((m) => ({ value: m.code, label: m.name })),
    values: parsed.values,
    today: parsed.today,
  };
  if (!parsed.ok) {
    return data(
      { ...base, ok: false as const, errors: parsed.errors, formError: parsed.formError ?? null },
      { status: 400 },
    );
  }
  const f = parsed.filters;
  const report = await buildOrganizationReport({
    organization: parsed.organization,
    from: f.from,
    to: f.to,
    today: parsed.today,
    municipalityCode: f.municipalityCode,
    view: f.view,
  });
  const countyCode =
    f.mapScope === "county"
      ? countyFor(f.municipalityCode, parsed.organization.municipalityCode, report.figures.municipalities)
      : null;
  const geometry = countyCode ? municipalityMap({ kind: "county", countyCode }) : municipalityMap({ kind: "country" });
  const county = countyCode
    ? await db.municipality.findFirst({ where: { countyCode }, select: { county: true } })
    : null;
  return {
    ...base,
    ok: true as const,
    filters: f,
    meta: report.meta,
    tables: report.tables,
    // Participants left out of the result denominators, and why (issue 12). Free-text reasons: in the
    // funder view a reason given for fewer than the smallest group size is not shown with its count.
    notCounted: {
      total: report.figures.notCountedReasons.reduce((sum, r) => sum + r.count, 0),
      reasons: report.figures.notCountedReasons.map((r) => ({
        reason: r.reason,
        count: report.meta.view === "funder" && r.count < report.meta.minGroupSize ? null : r.count,
      })),
    },
    definitions: report.definitions,
    map: {
      scope: countyCode ? ("county" as const) : ("country" as const),
      areaName: county?.county ?? "Sverige",
      geometry,
    },
  };
}
