// Rounding and small statistics for reports. One rule everywhere: figures are computed from exact
// counts and rounded only when shown, half away from zero (12.5 → 13, −12.5 → −13); percentages to
// whole percent, medians and means to one decimal.

/** Rounds half away from zero; guards against binary noise (1.005 * 100 = 100.49999…). */
export function roundHalfAwayFromZero(value: number, decimals = 0): number {
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(value) * factor).toPrecision(12));
  const rounded = (Math.sign(value) * Math.round(scaled)) / factor;
  return rounded === 0 ? 0 : rounded; // never -0
}

/** part / whole in whole percent; null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  if (!whole) return null;
  return roundHalfAwayFromZero((part / whole) * 100);
}

/** Change from `before` to `after` in whole percent of `before`; null when `before` is 0. */
export function changePercent(before: number, after: number): number | null {
  if (!before) return null;
  return roundHalfAwayFromZero(((after - before) / before) * 100);
}

/** The middle value (the mean of the two middle values for an even count), one decimal; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return roundHalfAwayFromZero(value, 1);
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return roundHalfAwayFromZero(values.reduce((a, b) => a + b, 0) / values.length, 1);
}

/** Numbers the Swedish way for text and CSV: decimal comma, no thousands separator in CSV. */
export function decimalComma(value: number): string {
  return String(value).replace(".", ",");
}

/**
 * part / whole in whole percent truncated toward zero, as SUS prints its figures (28.57 → 28,
 * −28.57 → −28); null when there is nothing to divide by. Used in the funder view, the exports and
 * the CLI (docs/reports.md).
 */
export function truncatedPercent(part: number, whole: number): number | null {
  if (!whole) return null;
  return truncateTowardZero((part / whole) * 100);
}

/** Change from `before` to `after` in whole percent of `before`, truncated toward zero; null when `before` is 0. */
export function truncatedChangePercent(before: number, after: number): number | null {
  if (!before) return null;
  return truncateTowardZero(((after - before) / before) * 100);
}

function truncateTowardZero(value: number): number {
  // Guards against binary noise (e.g. 0.29 * 100 = 28.999999999999996 must stay 29).
  const truncated = Math.trunc(Number(value.toPrecision(12)));
  return truncated === 0 ? 0 : truncated;
}
