// Runs Vitest (arguments pass through) under the test clock: the process clock is set to a Saturday
// night at the spring DST change with Debian's libfaketime, so every `npm test` proves that no test
// depends on the date, the weekday or the time of day (issue 17, decision 0025). The clock keeps
// running from that instant. Child processes (the CLI tests) inherit it.
//
//   TEST_CLOCK unset                  the Saturday night below when `faketime` is installed, else the
//                                     machine's clock (with a notice)
//   TEST_CLOCK=real                   the machine's clock
//   TEST_CLOCK="2026-12-31 23:30:00"  another instant (UTC), e.g. New Year's Eve; needs `faketime`
import { spawnSync } from "node:child_process";
import path from "node:path";

/** UTC; 00:30 on Sunday in Stockholm, 90 minutes before the clocks go forward. */
const SATURDAY_NIGHT_AT_DST_CHANGE = "2027-03-27 23:30:00";

const INSTANT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

function hasFaketime(): boolean {
  return spawnSync("faketime", ["--version"], { stdio: "ignore" }).status === 0;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): never {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.error) throw result.error;
  process.exit(result.status ?? 1);
}

const vitest = path.resolve("node_modules/.bin/vitest");
const args = process.argv.slice(2);
const choice = process.env.TEST_CLOCK?.trim() || "";

if (choice === "real") run(vitest, args, process.env);
if (choice && !INSTANT.test(choice)) {
  console.error(`TEST_CLOCK must be "real" or an instant like "2026-12-31 23:30:00" (UTC), not "${choice}".`);
  process.exit(2);
}
if (!hasFaketime()) {
  if (choice) {
    console.error(`TEST_CLOCK=${choice} needs Debian's faketime: apt-get install -y faketime`);
    process.exit(2);
  }
  console.log("Vitest on the machine's clock: faketime is not installed (apt-get install -y faketime).");
  run(vitest, args, process.env);
}
const instant = choice || SATURDAY_NIGHT_AT_DST_CHANGE;
console.log(`Vitest on a faked clock from ${instant} UTC (TEST_CLOCK=real for the machine's clock).`);
run("faketime", ["-f", `@${instant}`, vitest, ...args], { ...process.env, TZ: "UTC" });
