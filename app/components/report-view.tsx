// The report page's body (issue 7, issue 12): sections with tables, charts beside their data,
// downloads and definitions. The route (app/routes/reports/report.tsx) loads and filters.
import { countSv, NOUNS } from "~/domain/swedish.ts";
import { Link, type useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import {
  BarChart,
  BeforeAfterChart,
  ChartDefs,
  ChartFigure,
  ChartLayout,
  MunicipalityMap,
  type BarDatum,
  type MapValue,
} from "~/components/report-charts.tsx";
import { ReportTableView } from "~/components/report-table.tsx";
import type { GroupKey } from "~/domain/reports/compute.ts";
import { cellNumber, displayCell } from "~/domain/reports/format.ts";
import { filtersQuery, type MapScope } from "~/domain/reports/filters.ts";
import { mapClasses } from "~/domain/reports/map.ts";
import {
  groupLabels,
  groupOrder,
  tableById,
  type Cell,
  type ReportTable,
  type TableId,
} from "~/domain/reports/tables.ts";
import type { loader } from "~/routes/reports/report.tsx";

export type Loaded = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { ok: true }>;

function DownloadLinks({ query, tables }: { query: string; tables: ReportTable[] }) {
  return (
    <ul className="report-downloads" aria-label="Ladda ner tabellerna">
      {tables.map((t) => {
        const q = `${query}&tabell=${t.id}`;
        const name = <span className="visually-hidden"> med {t.title.toLowerCase()}</span>;
        return (
          <li key={t.id}>
            Ladda ner {t.title.toLowerCase()}: <a href={`/rapporter.csv?${q}`}>CSV{name}</a> ·{" "}
            <a href={`/rapporter.json?${q}`}>JSON{name}</a>
          </li>
        );
      })}
    </ul>
  );
}

function Section({
  id,
  title,
  lead,
  children,
  query,
  tables,
}: {
  id: string;
  title: string;
  lead?: string;
  children: React.ReactNode;
  query: string;
  tables: ReportTable[];
}) {
  return (
    <section className="panel report-section" aria-labelledby={`${id}-title`} id={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {lead ? <p className="muted">{lead}</p> : null}
      {children}
      <DownloadLinks query={query} tables={tables} />
    </section>
  );
}

function KeyFigure({ value, text }: { value: string; text: string }) {
  return (
    <li className="key-figure">
      <span className="key-figure__value">{value}</span> <span className="key-figure__text">{text}</span>
    </li>
  );
}

/** Tables one after another, each followed by its description. */
function TablesWithDescriptions({ tables, k }: { tables: ReportTable[]; k: number }) {
  return (
    <>
      {tables.map((table) => (
        <Fragment key={table.id}>
          <ReportTableView table={table} minGroupSize={k} />
          <p className="muted">{table.description}</p>
        </Fragment>
      ))}
    </>
  );
}

const bar = (label: string, cell: Cell | undefined, note?: string): BarDatum => ({
  label,
  value: cellNumber(cell),
  hidden: cell?.hidden,
  note,
});

/** A before/after section: a chart of the total and one table per group (the total open). */
function BeforeAfter({ table, k, lead }: { table: ReportTable; k: number; lead: string }) {
  const totalRows = table.rows.filter((r) => r.group === "total");
  const chartRows = totalRows.filter(
    (r) => cellNumber(r.cells.before) || cellNumber(r.cells.after) || r.cells.before?.hidden || r.cells.after?.hidden,
  );
  const nothingToDraw = chartRows.every(
    (r) => cellNumber(r.cells.before) === null && cellNumber(r.cells.after) === null,
  );
  const rowsFor = (g: GroupKey) => table.rows.filter((r) => r.group === g);
  return (
    <>
      <ChartLayout
        stacked
        chart={
          nothingToDraw ? (
            <p className="muted">
              Inget diagram:{" "}
              {chartRows.length === 0
                ? "ingen deltagare avslutades under perioden."
                : `för få avslutade deltagare för att visa (färre än ${k}).`}
            </p>
          ) : (
            <ChartFigure caption={`${table.title}, alla avslutade (antal deltagare)`}>
              <BeforeAfterChart
                title={`${table.title}, alla avslutade`}
                description={`${lead} Staplarna visar antal deltagare före och efter för varje kategori som förekommer; samma tal finns i tabellen under diagrammet.`}
                data={chartRows.map((r) => ({
                  label: String(r.cells.label!.v),
                  before: bar("Före", r.cells.before),
                  after: bar("Efter", r.cells.after),
                }))}
                minGroupSize={k}
              />
            </ChartFigure>
          )
        }
        table={
          <ReportTableView
            table={table}
            rows={totalRows}
            caption={`${table.title}: totalt`}
            minGroupSize={k}
            omitColumns={["group"]}
          />
        }
      />
      {groupOrder
        .filter((g) => g !== "total")
        .map((g) => (
          <details key={g} className="report-details">
            <summary>
              {table.title}: {groupLabels[g].toLowerCase()}
            </summary>
            <ReportTableView
              table={table}
              rows={rowsFor(g)}
              caption={`${table.title}: ${groupLabels[g].toLowerCase()}`}
              minGroupSize={k}
              omitColumns={["group"]}
            />
          </details>
        ))}
    </>
  );
}

/** The before/after sections, in page order. */
const beforeAfterSections: Array<{ id: string; title: string; table: TableId }> = [
  { id: "sysselsattning", title: "Sysselsättning före och efter", table: "occupation" },
  { id: "forsorjning", title: "Försörjning före och efter", table: "income" },
];

const mapScopeLinks: Array<{ scope: MapScope; label: string }> = [
  { scope: "county", label: "Länet" },
  { scope: "country", label: "Hela Sverige" },
];

export function Report({ d }: { d: Loaded }) {
  const k = d.meta.minGroupSize;
  const t = (id: TableId) => tableById(d.tables, id);
  const base = { from: d.filters.from, to: d.filters.to, municipalityCode: d.filters.municipalityCode };
  const query = filtersQuery({ ...base, view: d.filters.view });
  const funderQuery = filtersQuery({ ...base, view: "funder" });
  const exactQuery = filtersQuery({ ...base, view: "exact" });
  const mapLink = (scope: MapScope) => `?${filtersQuery({ ...base, view: d.filters.view, mapScope: scope })}#karta`;
  const cell = (id: TableId, row: string, col: string) => t(id).rows.find((r) => r.key === row)?.cells[col];

  const funnel = t("funnel");
  const distribution = t("time-distribution");
  const municipalities = t("municipalities");
  const mapValues: Record<string, MapValue> = {};
  for (const r of municipalities.rows) {
    const code = r.cells.code?.v;
    if (typeof code === "string" && code)
      mapValues[code] = { value: cellNumber(r.cells.count), hidden: r.cells.count?.hidden };
  }
  const drawn = new Set(d.map.geometry?.shapes.map((s) => s.code) ?? []);
  const classes = mapClasses(
    Math.max(
      0,
      ...Object.entries(mapValues)
        .filter(([c]) => drawn.has(c))
        .map(([, v]) => v.value ?? 0),
    ),
  );
  const keyFigures = [
    { value: displayCell(cell("period", "active", "total"), k), text: "registrerade deltagare under perioden" },
    {
      value: displayCell(cell("results", "work-or-studies-share", "total"), k),
      text: "av de avslutade gick till arbete eller studier",
    },
    {
      value: displayCell(cell("results", "employed-share", "total"), k),
      text: "av periodens deltagare har fått en anställning",
    },
    {
      value: `${displayCell(cell("milestones", "employer_contact:total", "median"), k)} dagar`,
      text: "till första arbetsgivarkontakt (median)",
    },
  ];
  const outside = Object.entries(mapValues).filter(([c, v]) => !drawn.has(c) && (v.value || v.hidden)).length;

  return (
    <>
      <ChartDefs />
      <section className="panel" aria-labelledby="summary-title">
        <h2 id="summary-title">Sammanfattning</h2>
        <p>
          {d.meta.organization.name}, {d.meta.period.from} – {d.meta.period.to}
          {d.meta.period.asOf !== d.meta.period.to ? ` (räknat till och med ${d.meta.period.asOf})` : ""}
          {d.meta.municipality ? `, deltagare som bor i ${d.meta.municipality.name}` : ", alla kommuner"}.{" "}
          {d.meta.view === "funder"
            ? `Finansiärens visning: grupper med färre än ${k} personer är dolda.`
            : "Exakta tal för organisationens eget arbete."}
        </p>
        <ul className="key-figures">
          {keyFigures.map((f) => (
            <KeyFigure key={f.text} value={f.value} text={f.text} />
          ))}
        </ul>
        <div className="report-exports">
          <p>
            <strong>Till finansiären</strong> (små grupper dolda):{" "}
            <a href={`/rapporter.csv?${funderQuery}`}>Alla tabeller som CSV</a> ·{" "}
            <a href={`/rapporter.json?${funderQuery}`}>Alla tabeller som JSON</a>
          </p>
          <p>
            <strong>Exakta tal</strong> (internt bruk): <a href={`/rapporter.csv?${exactQuery}`}>CSV med exakta tal</a>{" "}
            · <a href={`/rapporter.json?${exactQuery}`}>JSON med exakta tal</a>
          </p>
        </div>
      </section>

      <Section id="deltagare" title="Deltagare" query={query} tables={[t("participants"), t("period")]}>
        <TablesWithDescriptions tables={[t("participants")]} k={k} />
        <div>
          <h3 id="not-counted-title">Räknas inte i resultaten</h3>
          {d.notCounted.total === 0 ? (
            <p>Alla registrerade deltagare räknas i resultaten.</p>
          ) : (
            <>
              <p>
                {d.meta.view === "funder" && d.notCounted.total < k
                  ? `Färre än ${k} deltagare`
                  : `${d.notCounted.total} deltagare`}{" "}
                räknas som inskrivna men inte i resultatens nämnare. Orsaker:
              </p>
              <ul>
                {d.notCounted.reasons.map((r) => (
                  <li key={r.reason}>
                    {r.reason}: {r.count === null ? `färre än ${k}` : r.count}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
        <TablesWithDescriptions tables={[t("period")]} k={k} />
      </Section>

      <Section
        id="resultat"
        title="Resultat och avslutsorsaker"
        query={query}
        tables={[t("results"), t("exit-reasons"), t("sus-exit-reasons")]}
      >
        <TablesWithDescriptions tables={[t("results"), t("exit-reasons"), t("sus-exit-reasons")]} k={k} />
      </Section>

      <Section
        id="anstallning"
        title="Anställning efter sektor och status vid periodens slut"
        query={query}
        tables={[t("sectors"), t("status-at-end")]}
      >
        <TablesWithDescriptions tables={[t("sectors"), t("status-at-end")]} k={k} />
      </Section>

      {beforeAfterSections.map(({ id, title, table }) => (
        <Section key={id} id={id} title={title} lead={t(table).description} query={query} tables={[t(table)]}>
          <BeforeAfter table={t(table)} k={k} lead={t(table).description} />
        </Section>
      ))}

      <Section id="vagen" title="Vägen till arbete" lead={funnel.description} query={query} tables={[funnel]}>
        <ChartLayout
          stacked
          chart={
            <ChartFigure caption="Antal deltagare per steg (andel av inskrivna)">
              <BarChart
                title="Vägen till arbete: antal deltagare per steg"
                description={`Från inskrivna till anställda. ${funnel.rows.map((r) => `${r.cells.label!.v}: ${displayCell(r.cells.total, k)}`).join(", ")}.`}
                data={funnel.rows.map((r) =>
                  bar(
                    String(r.cells.label!.v),
                    r.cells.total,
                    r.cells.shareOfEnrolled && cellNumber(r.cells.shareOfEnrolled) !== null
                      ? `(${displayCell(r.cells.shareOfEnrolled, k)})`
                      : undefined,
                  ),
                )}
                minGroupSize={k}
              />
            </ChartFigure>
          }
          table={<ReportTableView table={funnel} minGroupSize={k} />}
        />
      </Section>

      <Section
        id="milstolpar"
        title="Tid till milstolpar"
        lead={t("milestones").description}
        query={query}
        tables={[t("milestones"), distribution]}
      >
        <div className="chart-grid">
          {distribution.rows.map((r) => (
            <ChartFigure key={r.key} caption={`${r.cells.label!.v}: dagar från inskrivning`}>
              <BarChart
                title={`${r.cells.label!.v}: antal deltagare efter dagar från inskrivning`}
                description={`Fördelning över tidsintervall. ${distribution.columns
                  .slice(1)
                  .map((c) => `${c.label}: ${displayCell(r.cells[c.key], k)}`)
                  .join(", ")}. Samma tal finns i tabellen under diagrammen.`}
                data={distribution.columns.slice(1).map((c) => bar(c.label, r.cells[c.key]))}
                minGroupSize={k}
                labelWidth={150}
                width={420}
              />
            </ChartFigure>
          ))}
        </div>
        <TablesWithDescriptions tables={[distribution]} k={k} />
        <ReportTableView table={t("milestones")} minGroupSize={k} />
      </Section>

      <Section
        id="kvar-i-arbete"
        title="Kvar i arbete"
        lead={t("retention").description}
        query={query}
        tables={[t("retention")]}
      >
        <ReportTableView table={t("retention")} minGroupSize={k} />
      </Section>

      <Section id="ips" title="IPS-trohet" lead={t("fidelity").description} query={query} tables={[t("fidelity")]}>
        <ReportTableView table={t("fidelity")} minGroupSize={k} />
      </Section>

      <Section id="karta" title="Karta" lead={municipalities.description} query={query} tables={[municipalities]}>
        <nav aria-label="Kartans område">
          <ul className="filter-list">
            {mapScopeLinks.map(({ scope, label }) => (
              <li key={scope}>
                <Link to={mapLink(scope)} aria-current={d.map.scope === scope ? "page" : undefined} preventScrollReset>
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <ChartLayout
          chart={
            d.map.geometry ? (
              <ChartFigure caption={`Deltagare per kommun, ${d.map.areaName}`}>
                <MunicipalityMap
                  title={`Karta: deltagare per kommun, ${d.map.areaName}`}
                  description={`Kommunerna i ${d.map.areaName} färgade efter antal registrerade deltagare under perioden; mörkare färg betyder fler. Antalen finns i tabellen bredvid.`}
                  geometry={d.map.geometry}
                  values={mapValues}
                  classes={classes}
                  highlight={d.filters.municipalityCode}
                  minGroupSize={k}
                  showHidden={d.meta.view === "funder"}
                />
                {outside > 0 && d.map.scope === "county" ? (
                  <p className="muted">
                    Deltagare i {countSv(outside, NOUNS.municipality)} utanför länet syns i tabellen och på kartan över{" "}
                    <Link to={mapLink("country")}>hela Sverige</Link>.
                  </p>
                ) : null}
              </ChartFigure>
            ) : (
              <p className="alert alert--warning">
                Kartan kan inte visas just nu (kartfilen saknas). Siffrorna finns i tabellen.
              </p>
            )
          }
          table={<ReportTableView table={municipalities} minGroupSize={k} />}
        />
      </Section>

      <section className="panel" aria-labelledby="definitions-title" id="definitioner">
        <h2 id="definitions-title">Definitioner</h2>
        <dl className="definitions">
          {d.definitions.map((def) => (
            <div key={def.id}>
              <dt>{def.term}</dt>
              <dd>{def.text}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
