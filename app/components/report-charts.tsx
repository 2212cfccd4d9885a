// Report charts as hand-written SVG: horizontal bars (funnel, time-to-milestone distributions),
// paired before/after bars and a municipality map. Each chart is an image with a title and a
// description (role="img", aria-labelledby); its data table stands beside it (ChartLayout), so
// nothing is only in the picture. Values are written next to the bars, never shown by colour alone.
import { useId, type ReactNode } from "react";
import { classOf, MAP_NONE_COLOUR, type MapClass, type MapGeometry } from "~/domain/reports/map.ts";

const TEXT = "#1b1f23";
const MUTED = "#4a5560";
const BAR = "#0b5563";
const BAR_LIGHT = "#a3d0c9";
const FONT = 13;

export type BarDatum = { label: string; value: number | null; hidden?: "small" | "protected"; note?: string };

/** A chart and its data table: side by side (stacked on narrow screens), or the table under the chart when it is wide. */
export function ChartLayout({
  chart,
  table,
  stacked = false,
}: {
  chart: ReactNode;
  table: ReactNode;
  stacked?: boolean;
}) {
  return (
    <div className={stacked ? "chart-layout chart-layout--stacked" : "chart-layout"}>
      <div className="chart-layout__chart">{chart}</div>
      <div className="chart-layout__table">{table}</div>
    </div>
  );
}

/** A chart with a visible caption (the chart's own title and description are for assistive technology). */
export function ChartFigure({ caption, children }: { caption: ReactNode; children: ReactNode }) {
  return (
    <figure className="chart-figure">
      <figcaption className="chart-figure__caption">{caption}</figcaption>
      {children}
    </figure>
  );
}

function SvgImage({
  title,
  description,
  width,
  height,
  children,
  className,
}: {
  title: string;
  description: string;
  width: number;
  height: number;
  children: ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <svg
      className={`chart ${className ?? ""}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width }}
      preserveAspectRatio="xMinYMin meet"
      focusable="false"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children}
    </svg>
  );
}

function valueText(d: BarDatum, minGroupSize: number, unit = "") {
  if (d.hidden) return d.hidden === "small" ? `<${minGroupSize}` : "x (dolt)";
  if (d.value === null) return "–";
  return `${new Intl.NumberFormat("sv-SE").format(d.value)}${unit}${d.note ? ` ${d.note}` : ""}`;
}

/** Horizontal bars with the label on the left and the value at the end of the bar. */
export function BarChart({
  title,
  description,
  data,
  minGroupSize,
  unit = "",
  labelWidth = 210,
  width = 640,
}: {
  title: string;
  description: string;
  data: BarDatum[];
  minGroupSize: number;
  unit?: string;
  labelWidth?: number;
  width?: number;
}) {
  const row = 30;
  const top = 8;
  const valueRoom = 100;
  const max = Math.max(1, ...data.map((d) => d.value ?? 0));
  const scale = (width - labelWidth - valueRoom) / max;
  const height = top * 2 + data.length * row;
  return (
    <SvgImage title={title} description={description} width={width} height={height}>
      {data.map((d, i) => {
        const y = top + i * row;
        const w = d.value ? Math.max(2, d.value * scale) : 0;
        return (
          <g key={d.label}>
            <text
              x={labelWidth - 8}
              y={y + row / 2}
              textAnchor="end"
              dominantBaseline="middle"
              fontSize={FONT}
              fill={TEXT}
            >
              {d.label}
            </text>
            <rect x={labelWidth} y={y + 5} width={w} height={row - 10} fill={BAR} rx={2} />
            {d.hidden ? (
              <rect
                x={labelWidth}
                y={y + 5}
                width={8}
                height={row - 10}
                fill="url(#report-hatch)"
                stroke={MUTED}
                strokeWidth={0.5}
              />
            ) : null}
            <text
              x={labelWidth + w + (d.hidden ? 14 : 6)}
              y={y + row / 2}
              dominantBaseline="middle"
              fontSize={FONT}
              fill={TEXT}
            >
              {valueText(d, minGroupSize, unit)}
            </text>
          </g>
        );
      })}
      <line x1={labelWidth} x2={labelWidth} y1={top} y2={height - top} stroke={MUTED} strokeWidth={1} />
    </SvgImage>
  );
}

export type PairDatum = { label: string; before: BarDatum; after: BarDatum };

/** Before and after side by side per category: light bars before, dark bars after, with a legend. */
export function BeforeAfterChart({
  title,
  description,
  data,
  minGroupSize,
  labelWidth = 250,
}: {
  title: string;
  description: string;
  data: PairDatum[];
  minGroupSize: number;
  labelWidth?: number;
}) {
  const width = 640;
  const group = 44;
  const legend = 30;
  const valueRoom = 70;
  const max = Math.max(1, ...data.flatMap((d) => [d.before.value ?? 0, d.after.value ?? 0]));
  const scale = (width - labelWidth - valueRoom) / max;
  const height = legend + data.length * group + 8;
  const bar = (d: BarDatum, x: number, y: number, fill: string, stroke?: string) => {
    const w = d.value ? Math.max(2, d.value * scale) : 0;
    return (
      <>
        <rect x={x} y={y} width={w} height={15} fill={fill} stroke={stroke} strokeWidth={stroke ? 1 : 0} />
        <text x={x + w + 6} y={y + 8} dominantBaseline="middle" fontSize={12} fill={TEXT}>
          {valueText(d, minGroupSize)}
        </text>
      </>
    );
  };
  return (
    <SvgImage title={title} description={description} width={width} height={height}>
      <g aria-hidden="true">
        <rect x={labelWidth} y={6} width={14} height={14} fill={BAR_LIGHT} stroke={BAR} />
        <text x={labelWidth + 20} y={13} dominantBaseline="middle" fontSize={FONT} fill={TEXT}>
          Före (vid inskrivning)
        </text>
        <rect x={labelWidth + 190} y={6} width={14} height={14} fill={BAR} />
        <text x={labelWidth + 210} y={13} dominantBaseline="middle" fontSize={FONT} fill={TEXT}>
          Efter (vid avslut)
        </text>
      </g>
      {data.map((d, i) => {
        const y = legend + i * group;
        return (
          <g key={d.label}>
            <text
              x={labelWidth - 8}
              y={y + group / 2 - 2}
              textAnchor="end"
              dominantBaseline="middle"
              fontSize={FONT}
              fill={TEXT}
            >
              {d.label}
            </text>
            {bar(d.before, labelWidth, y + 4, BAR_LIGHT, BAR)}
            {bar(d.after, labelWidth, y + 21, BAR)}
          </g>
        );
      })}
      <line x1={labelWidth} x2={labelWidth} y1={legend} y2={height - 4} stroke={MUTED} strokeWidth={1} />
    </SvgImage>
  );
}

/** The hatch pattern for hidden values; rendered once per page. */
export function ChartDefs() {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" style={{ position: "absolute" }}>
      <defs>
        <pattern id="report-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#4a5560" strokeWidth="2" />
        </pattern>
      </defs>
    </svg>
  );
}

export type MapValue = { value: number | null; hidden?: "small" | "protected" };

/** Municipalities coloured by value, with a legend; the selected municipality is outlined. */
export function MunicipalityMap({
  title,
  description,
  geometry,
  values,
  classes,
  highlight,
  minGroupSize,
  showHidden,
}: {
  title: string;
  description: string;
  geometry: MapGeometry;
  values: Record<string, MapValue>;
  classes: MapClass[];
  highlight?: string | null;
  minGroupSize: number;
  showHidden: boolean;
}) {
  const selected = highlight ? geometry.shapes.find((s) => s.code === highlight) : undefined;
  const fillOf = (code: string) => {
    const v = values[code];
    if (v?.hidden) return "url(#report-hatch)";
    if (!v || !v.value) return MAP_NONE_COLOUR;
    return classOf(classes, v.value)?.colour ?? MAP_NONE_COLOUR;
  };
  const describe = (code: string, name: string) => {
    const v = values[code];
    if (v?.hidden) return v.hidden === "small" ? `${name}: färre än ${minGroupSize} deltagare` : `${name}: dolt`;
    return `${name}: ${v?.value ?? 0} deltagare`;
  };
  return (
    <div className="report-map">
      <SvgImage
        title={title}
        description={description}
        width={geometry.width}
        height={geometry.height}
        className="chart--map"
      >
        {geometry.shapes.map((s) => (
          <path key={s.code} d={s.d} fill={fillOf(s.code)} stroke="#6b7785" strokeWidth={0.4} strokeLinejoin="round">
            <title>{describe(s.code, s.name)}</title>
          </path>
        ))}
        {selected ? <path d={selected.d} fill="none" stroke={TEXT} strokeWidth={2.5} strokeLinejoin="round" /> : null}
      </SvgImage>
      <div className="map-legend">
        <p className="map-legend__title">Teckenförklaring: antal deltagare</p>
        <ul className="map-legend__list">
          <li>
            <span className="map-legend__swatch" style={{ background: MAP_NONE_COLOUR }} aria-hidden="true" /> Inga
          </li>
          {classes.map((c) => (
            <li key={c.index}>
              <span className="map-legend__swatch" style={{ background: c.colour }} aria-hidden="true" /> {c.label}
            </li>
          ))}
          {showHidden ? (
            <li>
              <span className="map-legend__swatch map-legend__swatch--hatch" aria-hidden="true" /> Dolt (färre än{" "}
              {minGroupSize}, eller skyddat)
            </li>
          ) : null}
          {selected ? (
            <li>
              <span className="map-legend__swatch map-legend__swatch--outline" aria-hidden="true" /> Vald kommun:{" "}
              {selected.name}
            </li>
          ) : null}
        </ul>
      </div>
    </div>
  );
}
