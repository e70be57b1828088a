/**
 * A small seeded PRNG (mulberry32) and the draws the demo needs. Deterministic on every
 * platform: same seed, same sequence, so the demo workbook is reproducible byte for byte.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A new generator whose sequence depends only on this seed and the keys (not on draws so far). */
  static derive(seed: number, ...keys: number[]): Random {
    let h = seed >>> 0;
    for (const k of keys) h = Math.imul(h ^ (k + 0x9e3779b9 + (h << 6) + (h >>> 2)), 0x85ebca6b) >>> 0;
    return new Random(h ^ (h >>> 13));
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Standard normal (Box–Muller). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** k distinct items, in the list's order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const idx = items.map((_, i) => i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
    }
    return idx
      .slice(0, Math.min(k, idx.length))
      .sort((a, b) => a - b)
      .map((i) => items[i] as T);
  }
}

export const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
export const round1 = (x: number): number => Math.round(x * 10) / 10;
export const logistic = (x: number): number => 1 / (1 + Math.exp(-x));
