// A background loop for outboxes and scheduled jobs: one run right away, then one every
// intervalMs; runs never overlap; a run that reports more work waiting is followed at once;
// kick() runs it now; stop() waits for a run in progress (graceful shutdown). Errors are logged,
// never thrown, so a failing run never takes the server down.

export type PollingWorker = {
  /** Run now (or right after the run in progress) instead of waiting for the interval. */
  kick(): void;
  /** Stop the loop; resolves when a run in progress has finished. */
  stop(): Promise<void>;
};

export type PollingWorkerOptions = {
  /** Used in log lines, e.g. "email outbox". */
  name: string;
  intervalMs: number;
  /** One run; resolves true when more work is waiting right now. */
  run: () => Promise<boolean>;
  /** Running workers are kept here while they run, so a kick from elsewhere can reach them. */
  registry?: Set<PollingWorker>;
  logger?: Pick<Console, "error">;
};

export function startPollingWorker(options: PollingWorkerOptions): PollingWorker {
  const logger = options.logger ?? console;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<boolean> | null = null;
  let runAgain = false;

  const schedule = (delayMs: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void tick();
    }, delayMs);
    timer.unref?.();
  };

  const runOnce = async (): Promise<boolean> => {
    try {
      return await options.run();
    } catch (error) {
      logger.error(`[${options.name}] run failed:`, error);
      return false;
    }
  };

  const tick = async () => {
    if (stopped) return;
    if (inFlight) {
      runAgain = true;
      return;
    }
    runAgain = false;
    inFlight = runOnce();
    const more = await inFlight;
    inFlight = null;
    schedule(more || runAgain ? 0 : options.intervalMs);
  };

  const worker: PollingWorker = {
    kick() {
      if (stopped) return;
      if (inFlight) runAgain = true;
      else schedule(0);
    },
    async stop() {
      stopped = true;
      options.registry?.delete(worker);
      if (timer) clearTimeout(timer);
      timer = undefined;
      await inFlight;
    },
  };
  options.registry?.add(worker);
  schedule(0);
  return worker;
}

/** A registry shared by every copy of a module in this process (server code and the app bundle). */
export function globalRegistry(key: string): Set<PollingWorker> {
  const store = globalThis as unknown as Record<string, Set<PollingWorker> | undefined>;
  return (store[`__brygga_${key}`] ??= new Set<PollingWorker>());
}
