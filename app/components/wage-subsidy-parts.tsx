// The parts of a lönestödsförslag shown to the employer and the coach (issue 15): the summary, a
// chart of the cost month by month (an SVG with a text alternative; the table holds every figure),
// the table, and where the figures come from. Print-friendly: see .wage-subsidy in app.css.
import { useId } from "react";
import { formatDate } from "~/domain/swedish-time.ts";
import {
  formLabels,
  formatKronor,
  formatMonth,
  formatPercent,
  stepRanges,
  type Calculation,
  type WageSubsidyInput,
} from "~/domain/wage-subsidy.ts";
import type { Source, Sourced } from "~/domain/wage-subsidy-parameters.ts";

export function WageSubsidyDisclaimer({ calculation }: { calculation: Calculation }) {
  return (
    <p className="panel wage-subsidy__disclaimer">
      Det här är ett förslag från coachen, inte ett beslut. <strong>Arbetsförmedlingen beslutar</strong> om stödet, hur
      stort det blir och hur länge det gäller. Siffrorna gäller från {formatDate(calculation.set.validFrom)} och
      kontrollerades {formatDate(calculation.set.checkedOn)}.
    </p>
  );
}

export function WageSubsidySummary({
  input,
  calculation,
  note,
}: {
  input: WageSubsidyInput;
  calculation: Calculation;
  note: string | null;
}) {
  const contribution = calculation.set.contributions[input.contributionCategory];
  return (
    <dl className="facts">
      <dt>Stödform</dt>
      <dd>
        {formLabels[input.form]}
        {calculation.rule ? <span className="muted"> – {calculation.rule.purpose}</span> : null}
      </dd>
      <dt>Lön</dt>
      <dd>
        {formatKronor(input.monthlySalary)} i månaden vid heltid, {input.hoursPerWeek} timmar i veckan (
        {formatPercent(Math.round(calculation.hoursShare * 1000) / 10)} av heltid)
      </dd>
      <dt>Semesterersättning</dt>
      <dd>
        {input.holidayPay ? `Med, ${formatPercent(calculation.set.holidayPayPercent.value)} av lönen` : "Inte med"}
      </dd>
      <dt>Arbetsgivaravgift</dt>
      <dd>
        {contribution.employerLabel} ({formatPercent(contribution.ratePercent)}
        {contribution.reducedUpTo
          ? ` på lön upp till ${formatKronor(contribution.reducedUpTo)} i månaden, när nedsättningen gäller`
          : ""}
        )
      </dd>
      <dt>Start</dt>
      <dd>{formatDate(input.startDate)}</dd>
      {calculation.rule ? (
        <>
          <dt>Stöd</dt>
          <dd>
            <ul className="plain-list">
              {stepRanges(input.steps).map((r) => (
                <li key={r.from}>
                  Månad {r.from}–{r.to}: {formatPercent(r.sharePercent)} av lönekostnaden
                </li>
              ))}
            </ul>
            <span className="muted">
              Stödet räknas på lön upp till {formatKronor(calculation.rule.ceiling.value)} i månaden vid heltid (
              {formatKronor(calculation.ceilingForHours ?? 0)} för de här timmarna).
            </span>
          </dd>
        </>
      ) : null}
      {note ? (
        <>
          <dt>Coachens kommentar</dt>
          <dd>{note}</dd>
        </>
      ) : null}
    </dl>
  );
}

export function WageSubsidyTotals({ calculation }: { calculation: Calculation }) {
  const { totals, months } = calculation;
  return (
    <p className="wage-subsidy__totals">
      Under {months.length} månader: lönekostnad <strong>{formatKronor(totals.wageCost)}</strong>, stöd{" "}
      <strong>{formatKronor(totals.subsidy)}</strong>, er kostnad <strong>{formatKronor(totals.netCost)}</strong>.
    </p>
  );
}

/** Stacked bars per month: your cost (dark) and the subsidy (light) make up the wage cost. */
export function CostChart({ calculation, tableId }: { calculation: Calculation; tableId: string }) {
  const id = useId();
  const months = calculation.months;
  const width = 640;
  const height = 240;
  const left = 64;
  const bottom = 28;
  const top = 12;
  const max = Math.max(1, ...months.map((m) => m.wageCost));
  const slot = (width - left - 8) / Math.max(1, months.length);
  const bar = Math.max(4, Math.min(36, slot * 0.7));
  const y = (value: number) => top + (height - top - bottom) * (1 - value / max);
  const first = months[0];
  const last = months[months.length - 1];
  const description =
    first && last
      ? `Lönekostnad per månad från ${formatMonth(first.month)} till ${formatMonth(last.month)}. ` +
        `Första månaden: er kostnad ${formatKronor(first.netCost)} och stöd ${formatKronor(first.subsidy)}. ` +
        `Sista månaden: er kostnad ${formatKronor(last.netCost)} och stöd ${formatKronor(last.subsidy)}. ` +
        "Alla siffror finns i tabellen."
      : "Inga månader.";
  const ticks = [0, max / 2, max];
  return (
    <figure className="chart-figure wage-subsidy__chart">
      <svg
        className="chart"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        aria-describedby={tableId}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: width }}
        preserveAspectRatio="xMinYMin meet"
        focusable="false"
      >
        <title id={`${id}-title`}>Er kostnad och stödet, månad för månad</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={left} x2={width} y1={y(t)} y2={y(t)} stroke="#d0d5da" />
            <text x={left - 6} y={y(t) + 4} textAnchor="end" fontSize="11" fill="#333">
              {Math.round(t / 1000)} tkr
            </text>
          </g>
        ))}
        {months.map((m, i) => {
          const x = left + i * slot + (slot - bar) / 2;
          return (
            <g key={m.month}>
              <rect x={x} y={y(m.netCost)} width={bar} height={y(0) - y(m.netCost)} fill="#1d5c6b" />
              <rect x={x} y={y(m.wageCost)} width={bar} height={y(m.netCost) - y(m.wageCost)} fill="#9fd3dc" />
              {months.length <= 12 || i % 3 === 0 ? (
                <text x={x + bar / 2} y={height - 10} textAnchor="middle" fontSize="11" fill="#333">
                  {m.index}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="wage-subsidy__legend">
        <span>
          <span className="swatch swatch--cost" aria-hidden="true" /> Er kostnad
        </span>{" "}
        <span>
          <span className="swatch swatch--subsidy" aria-hidden="true" /> Stöd
        </span>{" "}
        <span className="muted">Siffrorna under staplarna är månadens nummer.</span>
      </figcaption>
    </figure>
  );
}

export function CostTable({ calculation, id }: { calculation: Calculation; id: string }) {
  const hasHoliday = calculation.totals.holidayPay > 0;
  return (
    // Focusable and named, so a table wider than the screen can be scrolled with the keyboard.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Kostnad månad för månad">
      <table className="table wage-subsidy__table" id={id}>
        <caption id={`${id}-caption`}>Kostnad månad för månad (kronor)</caption>
        <thead>
          <tr>
            <th scope="col">Månad</th>
            <th scope="col">Bruttolön</th>
            {hasHoliday ? <th scope="col">Semester&shy;ersättning</th> : null}
            <th scope="col">Arbetsgivar&shy;avgift</th>
            <th scope="col">Lönekostnad</th>
            <th scope="col">Stöd</th>
            <th scope="col">Er kostnad</th>
          </tr>
        </thead>
        <tbody>
          {calculation.months.map((m) => (
            <tr key={m.month}>
              <th scope="row">
                {m.index}. {formatMonth(m.month)}
              </th>
              <td>{formatKronor(m.salary)}</td>
              {hasHoliday ? <td>{formatKronor(m.holidayPay)}</td> : null}
              <td>{formatKronor(m.contributions)}</td>
              <td>{formatKronor(m.wageCost)}</td>
              <td>
                {formatKronor(m.subsidy)}
                {m.sharePercent > 0 ? <span className="muted"> ({formatPercent(m.sharePercent)})</span> : null}
              </td>
              <td>{formatKronor(m.netCost)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Summa</th>
            <td>{formatKronor(calculation.totals.salary)}</td>
            {hasHoliday ? <td>{formatKronor(calculation.totals.holidayPay)}</td> : null}
            <td>{formatKronor(calculation.totals.contributions)}</td>
            <td>{formatKronor(calculation.totals.wageCost)}</td>
            <td>{formatKronor(calculation.totals.subsidy)}</td>
            <td>{formatKronor(calculation.totals.netCost)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Every figure the calculation used, with its source; figures not confirmed for the year say so. */
export function WageSubsidySources({ input, calculation }: { input: WageSubsidyInput; calculation: Calculation }) {
  const figures: Array<{ label: string; figure: Sourced<unknown> | { source: Source; confirmed: boolean } }> = [];
  const set = calculation.set;
  figures.push({
    label: `Arbetsgivaravgift ${formatPercent(set.standardContributionPercent.value)}`,
    figure: set.standardContributionPercent,
  });
  const contribution = set.contributions[input.contributionCategory];
  if (input.contributionCategory !== "standard")
    figures.push({
      label: `${contribution.employerLabel} ${formatPercent(contribution.ratePercent)}`,
      figure: contribution,
    });
  if (input.holidayPay)
    figures.push({
      label: `Semesterersättning ${formatPercent(set.holidayPayPercent.value)}`,
      figure: set.holidayPayPercent,
    });
  if (calculation.rule) {
    const rule = calculation.rule;
    figures.push({ label: `${rule.label}: tak ${formatKronor(rule.ceiling.value)} i månaden`, figure: rule.ceiling });
    figures.push({
      label: `${rule.label}: högst ${formatPercent(rule.maxSharePercent.value)}`,
      figure: rule.maxSharePercent,
    });
    figures.push({ label: `${rule.label}: högst ${rule.maxMonths.value} månader`, figure: rule.maxMonths });
  }
  return (
    <section aria-labelledby="sources-title" className="wage-subsidy__sources">
      <h2 id="sources-title">Var siffrorna kommer ifrån</h2>
      <ul>
        {figures.map(({ label, figure }) => (
          <li key={label}>
            {label}: <a href={figure.source.url}>{figure.source.title}</a>
            {!figure.confirmed ? (
              <strong className="wage-subsidy__unconfirmed"> Inte bekräftad för {set.validFrom.slice(0, 4)}.</strong>
            ) : null}
            {"note" in figure && figure.note ? <span className="muted"> {figure.note}</span> : null}
          </li>
        ))}
      </ul>
      <p className="muted">
        Beräkningen räknar hela månader från startmånaden och avrundar till hela kronor. Kollektivavtal, försäkringar
        och tjänstepension ingår inte.
      </p>
    </section>
  );
}
