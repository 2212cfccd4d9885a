// Cells for the page: Swedish number formatting ("1 234", "41 %", "14,5"), "<3" or "x" for hidden cells
// and "–" for figures that cannot be computed. Safe for client code (no I/O).
import { MIN_GROUP_SIZE } from "./config.ts";
import { hiddenMarker, type Cell } from "./tables.ts";

const integer = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 });

export function formatNumber(value: number, kind: Cell["k"]): string {
  switch (kind) {
    case "percent":
      return `${integer.format(value)} %`;
    case "count":
      return integer.format(value);
    default:
      return oneDecimal.format(value);
  }
}

export function displayCell(cell: Cell | undefined, minGroupSize = MIN_GROUP_SIZE): string {
  if (!cell) return "";
  if (cell.hidden) return hiddenMarker(minGroupSize, cell.hidden);
  if (cell.v === null) return cell.k === "text" ? "" : "–";
  return typeof cell.v === "number" ? formatNumber(cell.v, cell.k) : cell.v;
}

/** The number behind a cell for charts (hidden and missing cells have none). */
export function cellNumber(cell: Cell | undefined): number | null {
  return cell && !cell.hidden && typeof cell.v === "number" ? cell.v : null;
}
