// Small pure geography helpers: distances between places and Swedish postal codes.

export type LatLng = { lat: number; lng: number };

/** Mean Earth radius in kilometres (IUGG). */
export const EARTH_RADIUS_KM = 6371.0088;

export const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in kilometres between two points (haversine formula). */
export function haversineKm(a: LatLng, b: LatLng): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLng = toRadians(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A Swedish postal code as five digits without a space ("553 20" → "55320"), or null when the
 * input is not one. Accepts an optional "SE-" prefix and a space after the third digit.
 * Swedish postal codes never start with 0.
 */
export function normalizePostalCode(input: string): string | null {
  const match = /^(?:SE-?\s*)?([1-9]\d{2})\s?(\d{2})$/i.exec(input.replace(/\u00a0/g, " ").trim());
  return match ? `${match[1] ?? ""}${match[2] ?? ""}` : null;
}
