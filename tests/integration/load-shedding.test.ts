// Issue 16 item 3: bounded work in flight. A stand-in for Remix whose requests finish only when the
// test says so, behind the real middleware, over real HTTP: beyond the limit and the queue a
// request is refused at once with 503 and Retry-After; a queued request whose client has gone
// never runs; one that waited too long is refused instead of running for nobody.
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, test } from "vitest";
import { loadShedding, type LoadShedding, type LoadSheddingOptions } from "../../server/load-shedding.ts";

type Answer = { status: number; retryAfter: string | undefined; body: string };

let closeServer = async () => {};
afterEach(() => closeServer());

/** A server whose handler holds each request until `release(path)`; `started` lists who ran. */
async function holdingServer(options: LoadSheddingOptions) {
  const app = express();
  const limiter: LoadShedding = loadShedding(options);
  const started: string[] = [];
  const holds = new Map<string, () => void>();
  const arrived = new Map<string, () => void>();
  const arrivals = new Map<string, Promise<void>>();
  const expectArrival = (p: string) => {
    if (!arrivals.has(p)) arrivals.set(p, new Promise<void>((resolve) => arrived.set(p, resolve)));
    return arrivals.get(p)!;
  };
  app.use(limiter);
  app.get("*", (req, res) => {
    started.push(req.path);
    void expectArrival(req.path);
    arrived.get(req.path)!();
    holds.set(req.path, () => res.send(`answer ${req.path}`));
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const port = (server.address() as AddressInfo).port;
  closeServer = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  const get = (p: string) => {
    const req = http.get({ host: "127.0.0.1", port, path: p, agent: false });
    const answer = new Promise<Answer>((resolve, reject) => {
      req.on("response", (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () =>
          resolve({ status: res.statusCode!, retryAfter: res.headers["retry-after"] as string, body }),
        );
      });
      req.on("error", reject);
    });
    return { req, answer };
  };
  /** Wait (event-driven polling, no deadline asserted) until the limiter's counters say so. */
  const until = async (check: (s: ReturnType<LoadShedding["stats"]>) => boolean) => {
    while (!check(limiter.stats())) await new Promise((r) => setTimeout(r, 5));
  };
  return { get, started, release: (p: string) => holds.get(p)!(), arrival: expectArrival, until, limiter };
}

describe("load shedding", () => {
  test("past the limit and the queue: 503 at once with Retry-After and a short Swedish/English text", async () => {
    const s = await holdingServer({ maxInFlight: 1, maxQueue: 1, maxQueueWaitMs: 0, retryAfterSeconds: 1 });
    const a = s.get("/a");
    await s.arrival("/a");
    const b = s.get("/b");
    await s.until((st) => st.queued === 1);
    const c = await s.get("/c").answer; // answered while /a still runs and /b waits

    expect(c.status).toBe(503);
    expect(c.retryAfter).toBe("1");
    expect(c.body).toMatch(/för många förfrågningar/);
    expect(c.body).toMatch(/busy/);
    expect(s.started).toEqual(["/a"]);

    s.release("/a");
    expect(await a.answer).toMatchObject({ status: 200, body: "answer /a" });
    await s.arrival("/b"); // the queued request runs once a place is free
    s.release("/b");
    expect(await b.answer).toMatchObject({ status: 200, body: "answer /b" });
    expect(s.started).toEqual(["/a", "/b"]);
    expect(s.limiter.stats()).toMatchObject({ inFlight: 0, queued: 0, refused: 1, dropped: 0 });
  });

  test("a queued request whose client has gone never runs; the next one does", async () => {
    const s = await holdingServer({ maxInFlight: 1, maxQueue: 5, maxQueueWaitMs: 0, retryAfterSeconds: 1 });
    const a = s.get("/a");
    await s.arrival("/a");
    const gone = s.get("/gone");
    gone.answer.catch(() => {}); // we hang up ourselves
    await s.until((st) => st.queued === 1);
    const c = s.get("/c");
    await s.until((st) => st.queued === 2);
    gone.req.destroy();
    await s.until((st) => st.dropped === 1);

    s.release("/a");
    await a.answer;
    await s.arrival("/c");
    s.release("/c");
    expect(await c.answer).toMatchObject({ status: 200 });
    expect(s.started).toEqual(["/a", "/c"]);
  });

  test("a request that waited longer than the queue allows is refused with 503, not run late", async () => {
    const s = await holdingServer({ maxInFlight: 1, maxQueue: 5, maxQueueWaitMs: 20, retryAfterSeconds: 2 });
    const a = s.get("/a");
    await s.arrival("/a");
    const late = await s.get("/late").answer;
    expect(late).toMatchObject({ status: 503, retryAfter: "2" });
    s.release("/a");
    await a.answer;
    expect(s.started).toEqual(["/a"]);
  });
});
