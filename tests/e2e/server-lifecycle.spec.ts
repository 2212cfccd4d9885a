// The real server process (production build) on a port of its own: a graceful drain on SIGTERM
// under keep-alive load — as a single process and as a cluster of two web processes — and start-up
// checks that stop with one clear line. No browser; plain HTTP with node:http.
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { copyDatabase, freePort, startServer } from "./support/server-process.ts";

test.describe.configure({ timeout: 180_000 });

type Answer = { status: number; connection: string | undefined; body: string };

for (const processes of [1, 2]) {
  test(`SIGTERM under keep-alive load (WEB_CONCURRENCY=${processes}): every accepted request is answered, with Connection: close, then exit 0`, async () => {
    const dbFile = await copyDatabase(`drain-${processes}`);
    // Room for all 16 held requests in one process: this test is about the drain, not the limit
    // (a request queued behind the held ones would be refused after REQUEST_QUEUE_WAIT_MS).
    const server = startServer(dbFile, await freePort(), {
      WEB_CONCURRENCY: String(processes),
      MAX_REQUESTS_IN_FLIGHT: "16",
    });
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
}

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

test("the development server (`npm run dev`): pages render through Vite with their security headers, and the browser gets their modules", async () => {
  const dbFile = await copyDatabase("development");
  const server = startServer(dbFile, await freePort(), {}, { development: true });
  try {
    await server.waitFor(/Brygga är igång/);
    const page = await fetch(`http://127.0.0.1:${server.port}/om`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("'strict-dynamic'");
    const html = await page.text();
    expect(html).toContain("<h1");
    expect(html).toContain('import("/app/entry.client.tsx")');

    const entry = await fetch(`http://127.0.0.1:${server.port}/app/entry.client.tsx`);
    expect(entry.status).toBe(200);
    expect(entry.headers.get("content-type")).toMatch(/javascript/);
  } finally {
    server.child.kill("SIGTERM");
    await server.exited;
  }
});
