// Environment parsed with zod once at start. A bad value stops the app with a clear message.
import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.string().startsWith("file:", "DATABASE_URL måste börja med file: (SQLite)").default("file:./data/brygga.db"),
  APP_URL: z.url("APP_URL måste vara en fullständig adress, t.ex. http://localhost:3000").default("http://localhost:3000"),
  SESSION_SECRET: z.string().min(16, "SESSION_SECRET måste vara minst 16 tecken").optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "SMTP_URL måste börja med smtp:// eller smtps://").optional(),
  MAIL_FROM: z.string().optional(),
  MAILBOX_DIR: z.string().default("data/mailbox"),
  MEILI_URL: z.url().optional(),
  MEILI_KEY: z.string().optional(),
  MEILI_SEARCH_KEY: z.string().optional(),
  MEILI_INDEX: z.string().regex(/^[A-Za-z0-9_-]+$/, "MEILI_INDEX får bara innehålla bokstäver, siffror, - och _").optional(),
  REFERENCE_DATA_DIR: z.string().optional(),
  SECURE_COOKIES: z.enum(["true", "false"]).optional(),
});

export type Env = z.infer<typeof EnvSchema>;

/** Parses the environment (a few microseconds; not cached, so tests and scripts can change it). */
export function getEnv(): Env {
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Ogiltig konfiguration (miljövariabler):\n${problems}`);
  }
  if (parsed.data.NODE_ENV === "production" && !parsed.data.SESSION_SECRET && parsed.data.SMTP_URL) {
    throw new Error("Ogiltig konfiguration: SESSION_SECRET krävs i produktion med riktig e-post (SMTP_URL).");
  }
  return parsed.data;
}

/** Mail goes to the local mailbox (no SMTP server): enables the dev mailbox page and demo hints. */
export function usesLocalMailbox(): boolean {
  return !getEnv().SMTP_URL;
}

export function cookiesAreSecure(): boolean {
  const env = getEnv();
  if (env.SECURE_COOKIES) return env.SECURE_COOKIES === "true";
  return env.NODE_ENV === "production" && env.APP_URL.startsWith("https://");
}
