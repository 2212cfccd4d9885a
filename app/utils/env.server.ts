// Environment parsed with zod once at start. A bad value stops the app with a clear message.
import { z } from "zod";

/** An unset or empty variable is "not given" (an empty line in .env must not fail a number). */
const unsetIfEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema);

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .startsWith("file:", "DATABASE_URL måste börja med file: (SQLite)")
    .default("file:./data/brygga.db"),
  APP_URL: z
    .url({
      protocol: /^https?$/,
      error:
        "APP_URL måste vara en fullständig adress med http:// eller https://, t.ex. http://localhost:3000 " +
        "(APP_URL must be a full http(s) address)",
    })
    // Unset: this machine on PORT (below), so mailed links work whatever port the app runs on.
    .optional(),
  SESSION_SECRET: z.string().min(16, "SESSION_SECRET måste vara minst 16 tecken").optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL måste börja med smtp:// eller smtps://")
    .optional(),
  MAIL_FROM: z.string().optional(),
  MAILBOX_DIR: z.string().default("data/mailbox"),
  MEILI_URL: z.url().optional(),
  MEILI_KEY: z.string().optional(),
  MEILI_SEARCH_KEY: z.string().optional(),
  MEILI_INDEX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, "MEILI_INDEX får bara innehålla bokstäver, siffror, - och _")
    .optional(),
  REFERENCE_DATA_DIR: z.string().optional(),
  SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  // Email replies into threads (emails/inbound.server.ts, docs/decisions/0011-email-replies.md)
  INBOUND_SMTP_PORT: unsetIfEmpty(z.coerce.number().int().min(1).max(65535).optional()),
  INBOUND_SMTP_HOST: unsetIfEmpty(z.string().default("0.0.0.0")),
  INBOUND_DOMAIN: unsetIfEmpty(
    z
      .string()
      .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/i, "INBOUND_DOMAIN måste vara ett domännamn, t.ex. svar.brygga.se")
      .optional(),
  ),
  INBOUND_MAX_BYTES: unsetIfEmpty(z.coerce.number().int().min(10_000).max(50_000_000).default(2_000_000)),
  REPLY_SECRET: unsetIfEmpty(z.string().min(16, "REPLY_SECRET måste vara minst 16 tecken").optional()),
  DIGEST_HOUR: unsetIfEmpty(z.coerce.number().int().min(0).max(23).default(7)),
  // The process model (server/index.ts, docs/decisions/0016-process-model.md): server
  // processes in production (default: one per CPU core; 1 = a single process), and per process the
  // requests that run at once, the requests that may wait, and how long one may wait (ms).
  WEB_CONCURRENCY: unsetIfEmpty(
    z.coerce.number().int().min(1, "WEB_CONCURRENCY måste vara minst 1").max(64).optional(),
  ),
  MAX_REQUESTS_IN_FLIGHT: unsetIfEmpty(z.coerce.number().int().min(1).max(1000).default(8)),
  REQUEST_QUEUE_LENGTH: unsetIfEmpty(z.coerce.number().int().min(0).max(10_000).default(32)),
  REQUEST_QUEUE_WAIT_MS: unsetIfEmpty(z.coerce.number().int().min(0).max(600_000).default(1500)),
});

export type Env = Omit<z.infer<typeof EnvSchema>, "APP_URL"> & { APP_URL: string };

// The variables read by EnvSchema. getEnv is called on every request (cookies, links), and
// parsing all of process.env each time showed up in CPU profiles of a write burst.
const ENV_KEYS = Object.keys(EnvSchema.shape);
let cached: { key: string; env: Env } | null = null;

/**
 * The parsed environment. The result is reused while the variables it reads are unchanged; tests
 * and scripts that change them get a fresh parse on the next call.
 */
export function getEnv(): Env {
  const key = ENV_KEYS.map((name) => process.env[name] ?? "\u0000").join("\u0001");
  if (cached?.key === key) return cached.env;
  const env = parseEnv();
  cached = { key, env };
  return env;
}

function parseEnv(): Env {
  // An empty value means "not given" for every variable alike (PORT="" is the default port, as an
  // empty INBOUND_SMTP_PORT is "no receiver"), so a blank line in .env never changes behaviour.
  const given = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ""));
  const parsed = EnvSchema.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Ogiltig konfiguration (miljövariabler):\n${problems}`);
  }
  const env: Env = { ...parsed.data, APP_URL: parsed.data.APP_URL ?? `http://localhost:${parsed.data.PORT}` };
  if (env.NODE_ENV === "production" && !env.SESSION_SECRET && env.SMTP_URL) {
    throw new Error("Ogiltig konfiguration: SESSION_SECRET krävs i produktion med riktig e-post (SMTP_URL).");
  }
  if (env.NODE_ENV === "production" && env.INBOUND_DOMAIN && !env.REPLY_SECRET && !env.SESSION_SECRET) {
    throw new Error(
      "Ogiltig konfiguration: REPLY_SECRET (eller SESSION_SECRET) krävs i produktion när INBOUND_DOMAIN är satt.",
    );
  }
  if (env.NODE_ENV === "production" && !env.SMTP_URL && !isLocalAppUrl(env.APP_URL)) {
    // The local mailbox shows every message, sign-in links included: never on a public address.
    throw new Error(
      `Ogiltig konfiguration: SMTP_URL krävs i produktion när APP_URL (${env.APP_URL}) inte är en lokal adress. ` +
        "Utan SMTP_URL hamnar all e-post, också inloggningslänkar, i den lokala brevlådan (/dev/mejl), " +
        "som bara finns i utveckling och i demon på localhost.",
    );
  }
  return env;
}

/** APP_URL points at this machine (localhost, *.localhost, 127.x, ::1): the demo that `npm start` runs. */
export function isLocalAppUrl(appUrl: string): boolean {
  const host = new URL(appUrl).hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host.endsWith(".localhost") || /^127(\.\d{1,3}){3}$/.test(host) || host === "::1";
}

/**
 * Mail goes to the local mailbox (no SMTP server): enables the dev mailbox page and demo hints.
 * Only in development and tests, or in production on a local APP_URL (the `npm start` demo).
 */
export function usesLocalMailbox(): boolean {
  const env = getEnv();
  return !env.SMTP_URL && (env.NODE_ENV !== "production" || isLocalAppUrl(env.APP_URL));
}

export function cookiesAreSecure(): boolean {
  const env = getEnv();
  if (env.SECURE_COOKIES) return env.SECURE_COOKIES === "true";
  return env.NODE_ENV === "production" && env.APP_URL.startsWith("https://");
}

/**
 * The one way to build an absolute link into the app (emails, calendar invitations): APP_URL, the
 * path, and the query parameters that have a value.
 */
export function absoluteUrl(path: string, query: Record<string, string | null | undefined> = {}): string {
  const url = new URL(path, getEnv().APP_URL);
  for (const [key, value] of Object.entries(query)) if (value) url.searchParams.set(key, value);
  return url.toString();
}
