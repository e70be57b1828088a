/**
 * Excel's `PERCENTILE.INC`, so that analysts can check every regional reference value with a
 * native formula (SPEC.md §5).
 *
 * Sorts the values, takes the position h = (n − 1) × k and interpolates linearly between the
 * neighbours. Returns `null` for an empty list (Excel: #NUM!).
 *
 * @example
 * percentileInc([80, 50, 70, 60], 0.25) // 57.5
 */
export function percentileInc(values: readonly number[], k: number): number | null {
  if (values.length === 0 || !(k >= 0 && k <= 1)) return null;
  // A typed array sorts numbers natively, without a JavaScript comparator per comparison.
  return percentileIncSorted(Float64Array.from(values).sort(), k);
}

/** `percentileInc` over values already sorted ascending (no copy). */
export function percentileIncSorted(sorted: ArrayLike<number>, k: number): number | null {
  const n = sorted.length;
  if (n === 0 || !(k >= 0 && k <= 1)) return null;
  const h = (n - 1) * k;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (h - lo) * (b - a);
}

/** Arithmetic mean, `null` for an empty list (Excel: AVERAGE → #DIV/0!). */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}
