// The one clock of the server side. Services, routes, email templates and workers ask it for the
// current time instead of calling `new Date()`, so a test can fix "now" for everything it calls
// (tests/support/clock.ts) and the suite passes on any date, weekday, time zone or DST change.
// Domain code never reads a clock: it takes `now` as a parameter.

export type Clock = () => Date;

const systemClock: Clock = () => new Date();
let clock: Clock = systemClock;

/** The current instant, from the installed clock (the system clock unless a test set another). */
export function currentTime(): Date {
  return clock();
}

/** Installs a clock for this process (tests only); returns a function that restores the previous one. */
export function setClock(next: Clock): () => void {
  const previous = clock;
  clock = next;
  return () => {
    clock = previous;
  };
}

export function useSystemClock(): void {
  clock = systemClock;
}
