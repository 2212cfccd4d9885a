// The real server process (production build: build/server/runtime/index.js, plain node; or the
// development server) for the lifecycle and cluster tests: each test copies the browser tests'
// database (SQLite backup API) and starts its own server on a free port. No browser; plain HTTP
// with node:http.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import { E2E_DIR } from "../../../playwright.config.ts";
import { RUNTIME_ENTRY } from "../../../scripts/build-check.ts";

/** Generous guards against a hung process; never part of what is asserted. */
export const PROCESS_GUARD_MS = 90_000;

export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export async function copyDatabase(name: string): Promise<string> {
  const dir = path.join(E2E_DIR, "lifecycle");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${process.pid}.db`);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const source = new Database(path.join(E2E_DIR, "e2e.db"), { readonly: true });
  await source.backup(file);
  source.close();
  return file;
}

export type Server = {
  child: ChildProcess;
  port: number;
  output: () => string;
  waitFor: (pattern: RegExp) => Promise<void>;
  exited: Promise<number | null>;
};

/**
 * The production server (the compiled runtime), or with `development` the one `npm run dev` starts
 * (server/index.ts through tsx, Vite in middleware mode).
 */
export function startServer(
  dbFile: string,
  port: number,
  env: Record<string, string> = {},
  { development = false } = {},
): Server {
  const entry = development
    ? ["--import", "tsx", "server/index.ts"]
    : [path.resolve(process.env.BUILD_DIR ?? "build", RUNTIME_ENTRY)];
  const child = spawn(process.execPath, entry, {
    env: {
      ...process.env,
      NODE_ENV: development ? "development" : "production",
      PORT: String(port),
      APP_URL: `http://localhost:${port}`,
      DATABASE_URL: `file:${dbFile}`,
      MAILBOX_DIR: `${dbFile}-mailbox`,
      SMTP_URL: "",
      BUILD_DIR: process.env.BUILD_DIR ?? "build",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    text += chunk.toString("utf8");
    for (const listener of listeners) listener();
  };
  child.stdout!.on("data", append);
  child.stderr!.on("data", append);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const guard = setTimeout(() => child.kill("SIGKILL"), PROCESS_GUARD_MS * 2);
  void exited.then(() => clearTimeout(guard));
  return {
    child,
    port,
    exited,
    output: () => text,
    waitFor: (pattern) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (pattern.test(text)) {
            listeners.delete(check);
            resolve();
          }
        };
        listeners.add(check);
        void exited.then(() => reject(new Error(`server exited before ${pattern}: ${text}`)));
        check();
      }),
  };
}
