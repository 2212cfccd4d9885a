// The one place that decides which SQLite file is used, shared by the app, the Prisma CLI,
// scripts and tests. DATABASE_URL is "file:<path>"; the default is data/brygga.db.
import fs from "node:fs";
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/brygga.db";

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (!process.env.DATABASE_URL) process.env.DATABASE_URL = url;
  return url;
}

/** The absolute file path behind a file: URL; its folder is created when missing. */
export function databaseFile(url = databaseUrl()): string {
  if (!url.startsWith("file:")) throw new Error(`DATABASE_URL must start with "file:", got "${url}"`);
  const file = path.resolve(url.slice("file:".length));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return file;
}
