// Runs an npm CLI (`npm run report|org:create|org:list|import`) in a child process and returns its
// exit code and output. By default the script compiled once per run (tests/setup/compile-cli.ts);
// `{ viaTsx: true }` starts the TypeScript source exactly as package.json does, and each CLI test
// file keeps at least one such call so the real `npm run` path stays tested.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { inject } from "vitest";
import type { CliScript } from "../setup/compile-cli.ts";

const run = promisify(execFile);

export type CliResult = { code: number; stdout: string; stderr: string };

export async function runCli(
  script: CliScript,
  args: string[],
  options: { viaTsx?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> {
  const entry = options.viaTsx
    ? ["--import", "tsx", path.join("scripts", `${script}.ts`)]
    : [path.join(inject("cliDir"), `${script}.mjs`)];
  try {
    const { stdout, stderr } = await run(process.execPath, [...entry, ...args], {
      env: options.env ?? { ...process.env, NODE_ENV: "test" },
      maxBuffer: 10_000_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
