// Bounded work in flight (issue 16): at most `maxInFlight` requests of this process run at once,
// at most `maxQueue` wait for a turn (first in, first out), and the rest are refused at once with
// 503 and Retry-After instead of piling up until their clients time out. A queued request whose
// client has gone is dropped without running; one that waited longer than `maxQueueWaitMs` is
// refused like an overflow, since its client is likely to give up before it would be answered.
import type { NextFunction, Request, RequestHandler, Response } from "express";

export type LoadSheddingOptions = {
  maxInFlight: number;
  maxQueue: number;
  maxQueueWaitMs: number;
  retryAfterSeconds: number;
};

export type LoadShedding = RequestHandler & {
  /** Requests running now, waiting now, and counts since start (diagnostics and tests). */
  stats(): { inFlight: number; queued: number; refused: number; dropped: number };
};

const BUSY_TEXT =
  "Brygga har för många förfrågningar just nu. Försök igen om en stund.\n" +
  "Brygga is busy right now. Please try again shortly.\n";

type Waiting = { req: Request; res: Response; next: NextFunction; since: number; timer?: NodeJS.Timeout };

export function loadShedding(options: LoadSheddingOptions): LoadShedding {
  let inFlight = 0;
  let refused = 0;
  let dropped = 0;
  const queue: Waiting[] = [];

  const refuse = (res: Response) => {
    refused++;
    if (res.headersSent || res.writableEnded) return;
    res.status(503);
    // Refused before the security headers' middleware runs (server/web.ts): the few that matter for
    // a short plain text, strictest form.
    res.set({
      "Retry-After": String(options.retryAfterSeconds),
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
      "Referrer-Policy": "same-origin",
    });
    res.end(BUSY_TEXT);
  };

  const gone = (res: Response) => res.destroyed || res.writableEnded || res.socket?.destroyed === true;

  const start = (entry: Pick<Waiting, "res" | "next">) => {
    inFlight++;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      inFlight--;
      startNext();
    };
    entry.res.once("finish", finish);
    entry.res.once("close", finish);
    entry.next();
  };

  const startNext = () => {
    while (inFlight < options.maxInFlight && queue.length > 0) {
      const entry = queue.shift()!;
      if (entry.timer) clearTimeout(entry.timer);
      if (gone(entry.res)) {
        dropped++;
        continue;
      }
      start(entry);
    }
  };

  const remove = (entry: Waiting) => {
    const index = queue.indexOf(entry);
    if (index === -1) return false;
    queue.splice(index, 1);
    if (entry.timer) clearTimeout(entry.timer);
    return true;
  };

  const middleware = ((req: Request, res: Response, next: NextFunction) => {
    if (inFlight < options.maxInFlight && queue.length === 0) return start({ res, next });
    if (queue.length >= options.maxQueue) return refuse(res);
    const entry: Waiting = { req, res, next, since: Date.now() };
    queue.push(entry);
    // The client gave up (closed the connection) while waiting: never run it.
    res.once("close", () => {
      if (remove(entry)) dropped++;
    });
    if (options.maxQueueWaitMs > 0) {
      entry.timer = setTimeout(() => {
        if (remove(entry)) refuse(res);
      }, options.maxQueueWaitMs);
      entry.timer.unref();
    }
  }) as LoadShedding;
  middleware.stats = () => ({ inFlight, queued: queue.length, refused, dropped });
  return middleware;
}
