// A report table (app/domain/reports/tables.ts) as an accessible HTML table: a caption, column
// headers, the text columns as row headers, numbers right-aligned in Swedish format, and hidden
// small groups marked "<3" with an explanation.
import { displayCell } from "~/domain/reports/format.ts";
import type { HiddenReason } from "~/domain/reports/suppression.ts";
import { hiddenMarker, type ReportTable, type TableRow } from "~/domain/reports/tables.ts";

export function HiddenCell({ minGroupSize, reason }: { minGroupSize: number; reason: HiddenReason }) {
  return (
    <abbr
      className="report-hidden"
      title={
        reason === "small"
          ? `Färre än ${minGroupSize} personer: dolt så att ingen kan identifieras`
          : "Dolt för att skydda ett annat dolt värde (eller bygger på för få personer)"
      }
    >
      {hiddenMarker(minGroupSize, reason)}
    </abbr>
  );
}

export function ReportTableView({
  table,
  rows = table.rows,
  caption = table.title,
  minGroupSize,
  omitColumns = [],
  captionHidden = false,
}: {
  table: ReportTable;
  rows?: TableRow[];
  caption?: string;
  minGroupSize: number;
  omitColumns?: string[];
  captionHidden?: boolean;
}) {
  const columns = table.columns.filter((c) => !omitColumns.includes(c.key));
  return (
    // Focusable and named, so a table wider than the screen can be scrolled with the keyboard.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="table report-table" data-table={table.id}>
        <caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.kind === "text" ? undefined : "num"}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.key}
              data-row={row.key}
              className={row.key === "total" || row.key.endsWith(":total") ? "report-table__total" : undefined}
            >
              {columns.map((c) => {
                const cell = row.cells[c.key];
                const content = cell?.hidden ? (
                  <HiddenCell minGroupSize={minGroupSize} reason={cell.hidden} />
                ) : (
                  displayCell(cell, minGroupSize)
                );
                return c.kind === "text" ? (
                  <th key={c.key} scope="row">
                    {content}
                  </th>
                ) : (
                  <td key={c.key} className="num" data-col={c.key}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
