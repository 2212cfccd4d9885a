// Dates and numbers the Swedish way, in Swedish time, the same on server and client.
const TIME_ZONE = "Europe/Stockholm";

export function formatDate(value: Date | string | number | null | undefined): string {
  if (value == null) return "";
  return new Intl.DateTimeFormat("sv-SE", { dateStyle: "medium", timeZone: TIME_ZONE }).format(new Date(value));
}

export function formatDateTime(value: Date | string | number | null | undefined): string {
  if (value == null) return "";
  return new Intl.DateTimeFormat("sv-SE", { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE }).format(
    new Date(value),
  );
}

export function daysBetween(from: Date | string, to: Date | string = new Date()): number {
  return Math.floor((new Date(to).getTime() - new Date(from).getTime()) / 86_400_000);
}
