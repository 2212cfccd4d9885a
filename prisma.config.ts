// Prisma CLI configuration. Prisma 6.19 runs its schema engine as WebAssembly through the
// better-sqlite3 driver adapter (docs/product-rules.md#toolchain): no native engine download is needed.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl } from "./app/utils/database-url.ts";

// Resolve (and default) DATABASE_URL before the schema's env("DATABASE_URL") is read.
const url = databaseUrl();

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaBetterSQLite3({ url }),
});
