/**
 * A small cache keyed by the content of ranges. Excel hands every call a fresh copy of a range,
 * so identity is useless as a key; 2,000 rows of =SHNOR.SCHOOLTYPE(…) over the region's 2,000-row
 * columns would otherwise sort the same column 2,000 times. A key is a 64-bit hash of the cells;
 * a hit is confirmed cell by cell, so a hash collision can never return another range's value.
 */
import type { Range } from "./args";

/** The cells of a range in reading order: numbers as they are, anything else (blank, text) NaN. */
export function cellValues(range: Range): Float64Array {
  let n = 0;
  for (const row of range) n += row.length;
  const out = new Float64Array(n);
  let i = 0;
  for (const row of range)
    for (const v of row) out[i++] = typeof v === "number" && Number.isFinite(v) ? v : Number.NaN;
  return out;
}

/** Two 32-bit lanes (FNV-1a and a multiplicative mix) over the bytes of the values, plus length. */
export function fingerprint(values: Float64Array): string {
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  let h1 = 0x811c9dc5;
  let h2 = 0x9e3779b9;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as number;
    h1 = Math.imul(h1 ^ w, 0x01000193);
    h2 = Math.imul(h2 ^ (w + i), 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return `${values.length}:${(h1 >>> 0).toString(36)}:${(h2 >>> 0).toString(36)}`;
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (x !== y && !(Number.isNaN(x) && Number.isNaN(y))) return false;
  }
  return true;
}

interface Entry<V> {
  readonly inputs: readonly Float64Array[];
  readonly value: V;
}

/** Least-recently-used cache of values computed from range contents, at most `capacity` entries. */
export class ContentCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  hits = 0;
  misses = 0;

  /** `keyOf` is replaceable so that tests can force a collision. */
  constructor(
    private readonly capacity: number,
    private readonly keyOf: (values: Float64Array) => string = fingerprint,
  ) {}

  /** The cached value for these inputs (and parameters in `extraKey`), computing it once. */
  get(inputs: readonly Float64Array[], extraKey: string, compute: () => V): V {
    const key = `${inputs.map(this.keyOf).join("|")}|${extraKey}`;
    const found = this.entries.get(key);
    if (found && found.inputs.length === inputs.length && found.inputs.every((v, i) => sameValues(v, inputs[i] as Float64Array))) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, found);
      return found.value;
    }
    this.misses++;
    const value = compute();
    this.entries.set(key, { inputs, value });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    return value;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.hits = 0;
    this.misses = 0;
  }
}
