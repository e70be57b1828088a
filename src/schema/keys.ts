/**
 * Keys of several parts (school × year × procedure × grade × …) without building a string per
 * row: nested maps, one level per part. A million participant rows then cost a few map lookups
 * each instead of a million concatenated key strings to hash and keep.
 */

/** A map from keys of parts to values, the parts looked up level by level. */
export class NestedMap<V> {
  private readonly root = new Map<unknown, unknown>();

  constructor(private readonly depth: number) {}

  /** The map at the last level for `parts` (all but the last part), created when missing. */
  private leaf(parts: readonly unknown[]): Map<unknown, unknown> {
    let m = this.root;
    for (let i = 0; i < this.depth - 1; i++) {
      let next = m.get(parts[i]) as Map<unknown, unknown> | undefined;
      if (next === undefined) {
        next = new Map();
        m.set(parts[i], next);
      }
      m = next;
    }
    return m;
  }

  get(parts: readonly unknown[]): V | undefined {
    let m: Map<unknown, unknown> | undefined = this.root;
    for (let i = 0; i < this.depth - 1 && m !== undefined; i++) m = m.get(parts[i]) as Map<unknown, unknown> | undefined;
    return m?.get(parts[this.depth - 1]) as V | undefined;
  }

  set(parts: readonly unknown[], value: V): void {
    this.leaf(parts).set(parts[this.depth - 1], value);
  }

  /** The value under `parts`; when there is none, stores `value` and returns undefined. */
  getOrSet(parts: readonly unknown[], value: V): V | undefined {
    const m = this.leaf(parts);
    const k = parts[this.depth - 1];
    const seen = m.get(k) as V | undefined;
    if (seen === undefined) m.set(k, value);
    return seen;
  }
}
