// A small seeded PRNG (mulberry32) with the helpers the demo data needs. Same seed, same calls in
// the same order → same numbers, on every machine: the demo data never uses Math.random.

import { at, last } from "../../app/domain/arrays.ts";

export type Rng = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One item, chosen with the given relative weights. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T;
  /** n distinct items (fewer when the list is shorter), in random order. */
  sample<T>(items: readonly T[], n: number): T[];
  shuffle<T>(items: readonly T[]): T[];
  /** A float in [min, max). */
  float(min: number, max: number): number;
};

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed from a string (FNV-1a), so that separate streams can be named. */
export function seedFrom(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRng(seed: number | string): Rng {
  const next = mulberry32(typeof seed === "string" ? seedFrom(seed) : seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const rng: Rng = {
    next,
    int,
    chance: (p) => next() < p,
    float: (min, max) => min + next() * (max - min),
    pick(items) {
      if (items.length === 0) throw new Error("pick from an empty list");
      return at(items, Math.floor(next() * items.length));
    },
    weighted(entries) {
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [value, w] of entries) {
        r -= w;
        if (r < 0) return value;
      }
      return last(entries)[0];
    },
    shuffle(items) {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [at(copy, j), at(copy, i)];
      }
      return copy;
    },
    sample(items, n) {
      return rng.shuffle(items).slice(0, Math.max(0, n));
    },
  };
  return rng;
}

/**
 * Deterministic ids shaped like Prisma's cuid() ("c" + 24 lower-case base-36 characters), so that
 * rows can reference each other before they are written and a re-seed gives the same URLs.
 */
export function createIdFactory(seed: string): () => string {
  const next = mulberry32(seedFrom(seed));
  const alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
  const seen = new Set<string>();
  return () => {
    for (;;) {
      let id = "c";
      for (let i = 0; i < 24; i++) id += alphabet[Math.floor(next() * 36)];
      if (!seen.has(id)) {
        seen.add(id);
        return id;
      }
    }
  };
}
