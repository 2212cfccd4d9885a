// The real server process (production build) on a port of its own: a graceful drain on SIGTERM
// under keep-alive load, and start-up checks that stop with one clear line. No browser; plain
// HTTP with node:http. Each test copies the browser tests' database (SQLite backup API).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { E2E_DIR } from "../../playwright.config.ts";

/** Generous guards against a hung process; never part of what is asserted. */
const PROCESS_GUARD_MS = 90_000;

test.describe.configure({ timeout: 180_000 });

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function copyDatabase(name: string): Promise<string> {
  const dir = path.join(E2E_DIR, "lifecycle");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${process.pid}.db`);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const source = new Database(path.join(E2E_DIR, "e2e.db"), { readonly: true });
  await source.backup(file);
  source.close();
  return file;
}

type Server = {
  child: ChildProcess;
  port: number;
  output: () => string;
  waitFor: (pattern: RegExp) => Promise<void>;
  exited: Promise<number | null>;
};

function startServer(dbFile: string, port: number, env: Record<string, string> = {}): Server {
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
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

type Answer = { status: number; connection: string | undefined; body: string };

test("SIGTERM under keep-alive load: every accepted request is answered, with Connection: close, then exit 0", async () => {
  const dbFile = await copyDatabase("drain");
  const server = startServer(dbFile, await freePort());
  await server.waitFor(/Brygga är igång/);

  // Keep-alive connections: the server must close them itself (Connection: close) when it drains.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

  // 16 sign-in posts whose bodies are still on their way when SIGTERM arrives. `Expect:
  // 100-continue` makes the server confirm that it accepted each request before the signal.
  const body = "email=drain%40exempel.se";
  const requests = Array.from({ length: 16 }, () => {
    const req = http.request({
      host: "127.0.0.1",
      port: server.port,
      path: "/logga-in",
      method: "POST",
      agent,
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": Buffer.byteLength(body),
        Expect: "100-continue",
      },
    });
    const accepted = new Promise<void>((resolve) => req.on("continue", resolve));
    const answered = new Promise<Answer>((resolve, reject) => {
      req.on("response", (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode!, connection: res.headers.connection, body: text }));
      });
      req.on("error", reject);
    });
    req.flushHeaders();
    return { req, accepted, answered };
  });
  await Promise.all(requests.map((r) => r.accepted));

  server.child.kill("SIGTERM");
  await server.waitFor(/SIGTERM: stänger av/);
  // Not accepting any more: a new connection is refused.
  await expect(
    new Promise((resolve, reject) => {
      const socket = net.connect(server.port, "127.0.0.1", () => resolve(socket.destroy()));
      socket.on("error", reject);
    }),
  ).rejects.toMatchObject({ code: "ECONNREFUSED" });

  for (const r of requests) r.req.end(body);
  const answers = await Promise.all(requests.map((r) => r.answered));
  for (const answer of answers) {
    expect(answer.status).toBeLessThan(500);
    expect(answer.connection).toBe("close");
  }
  expect(await server.exited).toBe(0);
  expect(server.output()).toMatch(/väntar på 16 pågående förfrågningar/);
  expect(server.output()).toMatch(/SIGTERM: avstängd\./);
  agent.destroy();
});

test("a damaged database file: the server refuses to start and says to restore a backup", async () => {
  const dbFile = await copyDatabase("corrupt");
  const size = fs.statSync(dbFile).size;
  const fd = fs.openSync(dbFile, "r+");
  fs.writeSync(fd, Buffer.alloc(256 * 1024, 0xa5), 0, 256 * 1024, Math.floor(size / 2 / 4096) * 4096);
  fs.closeSync(fd);

  const server = startServer(dbFile, await freePort());
  expect(await server.exited).toBe(1);
  expect(server.output()).toMatch(/Databasen .* är skadad .*: återställ den från en säkerhetskopia/);
  expect(server.output()).toMatch(/restore it from a backup/);
  expect(server.output()).not.toMatch(/Brygga är igång/);
});

test("a busy port, or an APP_URL without a scheme: one clear line and exit 1", async () => {
  const dbFile = await copyDatabase("config");
  const blocker = net.createServer();
  const port = await freePort();
  await new Promise<void>((resolve) => blocker.listen(port, resolve));
  try {
    const busy = startServer(dbFile, port);
    expect(await busy.exited).toBe(1);
    expect(busy.output()).toMatch(`Port ${port} används redan av ett annat program`);
    expect(busy.output()).not.toMatch(/EADDRINUSE|at Server\./);
  } finally {
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
  }

  const badUrl = startServer(dbFile, await freePort(), { APP_URL: "localhost:3000" });
  expect(await badUrl.exited).toBe(1);
  expect(badUrl.output()).toMatch(/APP_URL: APP_URL måste vara en fullständig adress med http:\/\/ eller https:\/\//);
  expect(badUrl.output()).not.toMatch(/at getEnv/);
});
