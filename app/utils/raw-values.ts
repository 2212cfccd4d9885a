// Values as they come back from a raw query (cachedRead, $queryRaw): booleans may be 0/1, counts
// bigint, DateTime columns ISO text. Relative imports only: the server entry loads this module outside the app bundle.

export type SqlBool = boolean | number | bigint;
export type SqlInt = number | bigint;
export type SqlDate = Date | string | number | null;

export function toBool(value: SqlBool | null | undefined): boolean {
  return value === true || value === 1 || value === 1n;
}

export function toInt(value: SqlInt | null | undefined, fallback = 0): number {
  if (value === null || value === undefined) return fallback;
  const n = Number(value);
  return Number.isFinite(n) ? n : fallback;
}

/** A Date from a raw DateTime value (Date, ISO text or epoch ms); null when missing or invalid. */
export function toDate(value: SqlDate | undefined): Date | null {
  if (value === null || value === undefined) return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * A Date as Prisma's SQLite adapter stores it (ISO 8601 with "+00:00", e.g.
 * 2026-12-04T07:15:00.000+00:00), for comparing DateTime columns in raw SQL: text compares in
 * time order only between values of the same format.
 */
export function toSqlDate(value: Date): string {
  return value.toISOString().replace("Z", "+00:00");
}
