// The Prisma client for the application, scripts and tests. SQLite via the better-sqlite3
// driver adapter (docs/product-rules.md#toolchain); WAL mode and a busy timeout are set on every connection.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../prisma/generated/client.ts";
import { databaseUrl } from "./database-url.ts";

export type { Prisma } from "../../prisma/generated/client.ts";
export * from "../../prisma/generated/models.ts";

export const BUSY_TIMEOUT_MS = 5000;

function createClient() {
  const adapter = new PrismaBetterSQLite3({ url: databaseUrl(), timeout: BUSY_TIMEOUT_MS });
  return new PrismaClient({ adapter });
}

export type Db = ReturnType<typeof createClient>;
/** A client or an interactive transaction: what write helpers accept so callers can compose them. */
export type DbOrTx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForDb = globalThis as unknown as { __bryggaDb?: Db };

export const db: Db = globalForDb.__bryggaDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.__bryggaDb = db;

/** Parse a JSON text column, falling back when it is empty or broken. */
export function parseJson<T>(value: string | null | undefined, fallback: T): T {
  if (!value) return fallback;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
}
