// The production server as a cluster of two web processes and one background process (issue 16
// item 3, issue 10): load shedding answers 503 with Retry-After at once, the background work runs
// in exactly one process, a web process that dies is replaced, and writers in two processes never
// see SQLITE_BUSY. Real HTTP against build/server/runtime/index.js; no timed assertions.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { startSession } from "../../app/utils/auth.server.ts";
import { createPlacementWithThread, createWorld } from "../support/factories.ts";
import { copyDatabase, freePort, startServer, type Server } from "./support/server-process.ts";

test.describe.configure({ timeout: 240_000 });

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

function answerOf(req: http.ClientRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    req.on("response", (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject);
  });
}

function get(server: Server, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const req = http.get({ host: "127.0.0.1", port: server.port, path, headers, agent: false });
  return answerOf(req);
}

async function stopServer(server: Server) {
  server.child.kill("SIGTERM");
  return server.exited;
}

test("saturated: 503 with Retry-After at once, /healthz still answers, then everything is served again", async () => {
  const dbFile = await copyDatabase("saturated");
  // Two web processes, each running one request at a time with no queue.
  const server = startServer(dbFile, await freePort(), {
    WEB_CONCURRENCY: "2",
    MAX_REQUESTS_IN_FLIGHT: "1",
    REQUEST_QUEUE_LENGTH: "0",
  });
  await server.waitFor(/Brygga är igång/);

  // Three sign-in posts whose bodies are held back: each keeps its web process busy until the body
  // arrives. Two processes with room for one each cannot take three, so at least one is refused,
  // while the others are still waiting for their bodies.
  const body = "email=kund%40exempel.se";
  const held = Array.from({ length: 3 }, () => {
    const req = http.request({
      host: "127.0.0.1",
      port: server.port,
      path: "/logga-in",
      method: "POST",
      agent: false,
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": Buffer.byteLength(body),
        Expect: "100-continue",
      },
    });
    const answered = answerOf(req);
    req.flushHeaders();
    return { req, answered };
  });
  const refused = await Promise.race(held.map((h) => h.answered));
  expect(refused.status).toBe(503);
  expect(refused.headers["retry-after"]).toBe("1");
  expect(refused.body).toMatch(/Brygga har för många förfrågningar just nu/);
  expect(refused.body).toMatch(/Brygga is busy right now/);
  // Refused before the security headers' middleware: the refusal sets its own, strictest.
  expect(refused.headers["x-content-type-options"]).toBe("nosniff");
  expect(refused.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(refused.headers["cache-control"]).toBe("no-store");

  // Health checks and the client build's files (scripts, styles, the icon) are never refused.
  expect((await get(server, "/healthz")).status).toBe(200);
  const clientDir = path.resolve(process.env.BUILD_DIR ?? "build", "client");
  const stylesheet = fs.readdirSync(path.join(clientDir, "assets")).find((f) => f.endsWith(".css"));
  const asset = await get(server, `/assets/${stylesheet}`, { "Accept-Encoding": "gzip" });
  expect(asset.status).toBe(200);
  expect(asset.headers["content-encoding"]).toBe("gzip");
  expect(asset.headers["x-content-type-options"]).toBe("nosniff");
  expect((await get(server, "/favicon.svg")).status).toBe(200);

  for (const h of held) h.req.end(body);
  const answers = await Promise.all(held.map((h) => h.answered));
  for (const answer of answers) expect([200, 302, 303, 503]).toContain(answer.status);
  expect(answers.filter((a) => a.status === 503).length).toBeGreaterThanOrEqual(1);
  expect(answers.filter((a) => a.status !== 503).length).toBeGreaterThanOrEqual(1);

  // Nothing held any more: pages are served again.
  expect((await get(server, "/om")).status).toBe(200);
  expect(await stopServer(server)).toBe(0);
});

test("the background work runs in exactly one process: each queued mail is sent once; a dead web process is replaced", async () => {
  const world = await createWorld(); // in the browser tests' database, copied below
  const dbFile = await copyDatabase("background");
  const mailbox = `${dbFile}-mailbox`;
  fs.rmSync(mailbox, { recursive: true, force: true });
  const server = startServer(dbFile, await freePort(), { WEB_CONCURRENCY: "2" });
  await server.waitFor(/Brygga är igång/);
  expect(server.output().match(/Bakgrundsjobben körs i process/g)).toHaveLength(1);

  const emails = [world.coach.email!, world.employerUser.email!];
  for (const email of emails) {
    const req = http.request({
      host: "127.0.0.1",
      port: server.port,
      path: "/logga-in",
      method: "POST",
      agent: false,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    const answered = answerOf(req);
    req.end(new URLSearchParams({ email }).toString());
    expect((await answered).status).toBeLessThan(400);
  }

  // One web process dies; the primary starts another and the site keeps answering.
  const children = execFileSync("ps", ["--ppid", String(server.child.pid), "-o", "pid=,args="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => Number(line.trim().split(/\s+/)[0]));
  expect(children).toHaveLength(3);
  const backgroundPid = Number(/Bakgrundsjobben körs i process (\d+)/.exec(server.output())![1]);
  const webPid = children.find((pid) => pid !== backgroundPid)!;
  process.kill(webPid, "SIGKILL");
  await server.waitFor(/avslutades oväntat \(SIGKILL\); startar en ny/);
  for (let i = 0; i < 4; i++) expect((await get(server, "/healthz")).status).toBe(200);

  // Wait until both mails are in the mailbox (a guard against a hang, never a measured time),
  // then stop the server and count what arrived.
  const delivered = () =>
    fs.existsSync(mailbox)
      ? fs
          .readdirSync(mailbox)
          .filter((f) => f.endsWith(".json"))
          .map((f) => (JSON.parse(fs.readFileSync(`${mailbox}/${f}`, "utf8")) as { to: string }).to)
      : [];
  for (let i = 0; i < 600 && !emails.every((email) => delivered().some((to) => to.includes(email))); i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const db = new Database(dbFile, { readonly: true });
  const outbox = db
    .prepare(`SELECT "to", status, attempts, lastError FROM EmailOutbox WHERE "to" IN (?, ?)`)
    .all(...emails);
  db.close();
  expect(delivered().length, `outbox ${JSON.stringify(outbox)}; server: ${server.output()}`).toBeGreaterThanOrEqual(2);
  expect(await stopServer(server), server.output()).toBe(0);

  for (const email of emails) expect(delivered().filter((to) => to.includes(email))).toHaveLength(1);
  expect(server.output().match(/Bakgrundsjobben körs i process/g)).toHaveLength(1);
});

test("writers in two web processes: every post is acknowledged and stored, none fails with SQLITE_BUSY", async () => {
  const writers: Array<{ placementId: string; cookie: string }> = [];
  for (let i = 0; i < 8; i++) {
    const world = await createWorld();
    const { placement } = await createPlacementWithThread(world);
    const cookie = (await startSession(world.employerUser.id, "cluster-test")).split(";")[0]!;
    writers.push({ placementId: placement.id, cookie });
  }
  const dbFile = await copyDatabase("writers");
  const server = startServer(dbFile, await freePort(), { WEB_CONCURRENCY: "2" });
  await server.waitFor(/Brygga är igång/);

  const POSTS = 12;
  const statuses: number[] = [];
  await Promise.all(
    writers.map(async (writer) => {
      // A connection per post: the primary hands connections to the two processes in turn.
      for (let n = 1; n <= POSTS; n++) {
        const req = http.request({
          host: "127.0.0.1",
          port: server.port,
          path: `/arbetsgivare/placeringar/${writer.placementId}`,
          method: "POST",
          agent: false,
          headers: { cookie: writer.cookie, "Content-Type": "application/x-www-form-urlencoded" },
        });
        const answered = answerOf(req);
        req.end(new URLSearchParams({ intent: "message", body: `Klustertest ${n}.` }).toString());
        statuses.push((await answered).status);
      }
    }),
  );
  expect(await stopServer(server)).toBe(0);

  expect(statuses).toHaveLength(writers.length * POSTS);
  expect(statuses.filter((s) => s !== 302)).toEqual([]);
  const db = new Database(dbFile, { readonly: true });
  const stored = db.prepare("SELECT COUNT(*) AS n FROM Message WHERE body LIKE 'Klustertest %'").get() as { n: number };
  db.close();
  expect(stored.n).toBe(writers.length * POSTS);
  expect(server.output()).not.toMatch(/SQLITE_BUSY|database is locked/);
});
