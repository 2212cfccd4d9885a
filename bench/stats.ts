// Timing and memory helpers for the benchmark: hrtime samples, median / p95, a peak-RSS sampler.
import os from "node:os";
import { at, first } from "../app/domain/arrays.ts";

export type Summary = { n: number; median: number; p95: number; mean: number; min: number; max: number };

/** Nearest-rank percentile of sorted values (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return at(sorted, Math.min(sorted.length - 1, Math.max(0, rank - 1)));
}

export function summarize(samplesMs: readonly number[]): Summary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    mean: sorted.length ? sum / sorted.length : Number.NaN,
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** Milliseconds taken by one call, measured with process.hrtime.bigint(). */
export async function timeMs<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/**
 * Run `fn(i)` for `warmup` untimed and then `iterations` timed calls, in sequence (one request at a
 * time, as one coach would).
 */
export async function measure(
  label: string,
  o: { warmup: number; iterations: number; log?: (line: string) => void },
  fn: (i: number) => Promise<unknown>,
): Promise<Summary & { samples: number[]; cpu: Summary; loadAverage: [number, number] }> {
  for (let i = 0; i < o.warmup; i++) await fn(i);
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  const loadBefore = first(os.loadavg());
  for (let i = 0; i < o.iterations; i++) {
    const cpuStart = process.cpuUsage();
    const { ms } = await timeMs(() => fn(o.warmup + i));
    const cpu = process.cpuUsage(cpuStart);
    samples.push(ms);
    cpuSamples.push((cpu.user + cpu.system) / 1000);
  }
  const s = summarize(samples);
  const cpu = summarize(cpuSamples);
  const loadAverage: [number, number] = [round2(loadBefore), round2(first(os.loadavg()))];
  o.log?.(
    `  ${label}: median ${s.median.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms (n=${s.n}; CPU time median ${cpu.median.toFixed(2)} ms, p95 ${cpu.p95.toFixed(2)} ms; load average ${loadAverage.join(" → ")})`,
  );
  return { ...s, samples, cpu, loadAverage };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Samples process RSS every `everyMs` and keeps the maximum (plus maxRSS from resourceUsage at the end). */
export class MemorySampler {
  private timer: NodeJS.Timeout | null = null;
  peakRss = 0;
  readonly phases: Record<string, number> = {};

  start(everyMs = 20): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
    return this;
  }

  sample(): number {
    const rss = process.memoryUsage().rss;
    if (rss > this.peakRss) this.peakRss = rss;
    return rss;
  }

  /** Note the RSS after a phase (and update the peak). */
  mark(phase: string): void {
    this.phases[phase] = this.sample();
  }

  stop(): { peakRssMB: number; maxRssMB: number; phasesMB: Record<string, number> } {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
    return {
      peakRssMB: mb(this.peakRss),
      // resourceUsage().maxRSS is in kilobytes.
      maxRssMB: mb(process.resourceUsage().maxRSS * 1024),
      phasesMB: Object.fromEntries(Object.entries(this.phases).map(([k, v]) => [k, mb(v)])),
    };
  }
}
