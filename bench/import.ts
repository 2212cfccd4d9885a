// `npm run bench:import [-- --rows 10000 --runs 3]`: imports a participant file of N rows into a
// fresh organisation of a fresh database, RUNS times (each into a new organisation), and prints
// the median time of the whole import (reading the CSV, checking every row, one transaction).
// Also times a second run of the same file (updates, no duplicates). Target (issue 12): 10 000
// rows in under a minute on the 2-core machine. Writes bench/import-latest.json.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { prepareDatabase } from "../scripts/prepare-database.ts";
import { importColumns } from "../app/domain/import/columns.ts";
import { summarize } from "./stats.ts";

const { values } = parseArgs({
  options: { rows: { type: "string", default: "10000" }, runs: { type: "string", default: "3" } },
});
const ROWS = Number(values.rows);
const RUNS = Number(values.runs);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "brygga-bench-import-"));
const dbUrl = `file:${path.join(dir, "import.db")}`;
process.env.DATABASE_URL = dbUrl;
await prepareDatabase(dbUrl, { quiet: true });

const { db } = await import("../app/utils/db.server.ts");
const { readImportFile } = await import("../app/utils/import/read-file.server.ts");
const { runImport } = await import("../app/utils/import/import.server.ts");

const genders = ["Kvinna", "Man", "Annat", "Vill ej ange"];
function file(): Uint8Array {
  const columns = importColumns.participants;
  const lines = [columns.map((c) => c.header).join(";")];
  for (let i = 0; i < ROWS; i++) {
    const exited = i % 3 === 0;
    const values: Record<string, string> = {
      ref: `B-${i}`,
      pseudonym: `Deltagare ${i}`,
      gender: genders[i % 4]!,
      coachEmail: "",
      enrolledAt: `20${13 + (i % 10)}-0${1 + (i % 9)}-1${i % 10}`,
      exitedAt: exited ? `20${13 + (i % 10)}-12-2${i % 10}` : "",
      exitReason: exited ? "Arbete" : "",
      exitOccupation: exited ? "Förvärvsarbete" : "",
      exitIncome: exited ? "Lön" : "",
      consentStatistics: i % 5 === 0 ? "Nej" : "Ja",
    };
    lines.push(columns.map((c) => values[c.key] ?? c.example).join(";"));
  }
  return new TextEncoder().encode(lines.join("\r\n"));
}

const bytes = file();
console.error(`${ROWS} rader, ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB, ${RUNS} körningar …`);
const first: number[] = [];
const second: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const organization = await db.organization.create({ data: { name: `Bench ${run}`, municipalityCode: "0680" } });
  for (const samples of [first, second]) {
    const started = performance.now();
    const table = await readImportFile(bytes, "bench.csv");
    if (!table.ok) throw new Error(table.message);
    const report = await runImport({
      organizationId: organization.id,
      actorId: null,
      fileName: "bench.csv",
      table,
      dryRun: false,
    });
    if (!report.written) throw new Error(JSON.stringify(report.problems.slice(0, 3)));
    samples.push(performance.now() - started);
  }
}
const result = {
  rows: ROWS,
  runs: RUNS,
  firstRun: summarize(first),
  secondRun: summarize(second),
  cpus: os.cpus().length,
  loadAverage: os.loadavg(),
  at: new Date().toISOString(),
};
fs.writeFileSync(path.join(import.meta.dirname, "import-latest.json"), `${JSON.stringify(result, null, 2)}\n`);
console.log(
  `Import av ${ROWS} deltagare: median ${(result.firstRun.median / 1000).toFixed(1)} s (ny), ${(result.secondRun.median / 1000).toFixed(1)} s (samma fil igen, uppdateringar).`,
);
await db.$disconnect();
fs.rmSync(dir, { recursive: true, force: true });
