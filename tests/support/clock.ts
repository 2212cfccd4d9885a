// A fixed, movable clock for the server side (app/utils/clock.server.ts). A test file calls
// `const clock = useFixedClock("2026-05-12T08:00:00Z")` at the top level or in a describe block;
// every service, route and email template then reads that instant, and `clock.advance(ms)` moves it.
import { afterEach, beforeEach } from "vitest";
import { setClock } from "~/utils/clock.server.ts";

export type TestClock = { now: () => Date; set: (at: Date | string) => void; advance: (ms: number) => void };

export function useFixedClock(start: Date | string): TestClock {
  let current = new Date(start);
  let restore: (() => void) | undefined;
  beforeEach(() => {
    current = new Date(start);
    restore = setClock(() => new Date(current));
  });
  afterEach(() => restore?.());
  return {
    now: () => new Date(current),
    set: (at) => {
      current = new Date(at);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}
