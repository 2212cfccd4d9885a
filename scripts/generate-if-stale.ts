// Part of `npm test`: runs `prisma generate` only when prisma/schema.prisma or the Prisma version
// changed since the client in prisma/generated was made. Regenerating rewrites every generated
// file, which a test run reading them at that moment (CI runs the faked-clock Vitest suite beside
// `npm test`) could catch half-written.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const schema = path.resolve("prisma/schema.prisma");
const generated = path.resolve("prisma/generated");
const stamp = path.join(generated, ".schema-sha256");
const prismaVersion = (createRequire(import.meta.url)("prisma/package.json") as { version: string }).version;
const hash = crypto.createHash("sha256").update(fs.readFileSync(schema)).update(prismaVersion).digest("hex");

const current =
  fs.existsSync(path.join(generated, "client.ts")) && fs.existsSync(stamp)
    ? fs.readFileSync(stamp, "utf8").trim() === hash
    : false;
if (current) {
  console.log("Prisma-klienten är aktuell – genererar inte om. (The Prisma client is current.)");
} else {
  const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
  fs.writeFileSync(stamp, `${hash}\n`);
}
