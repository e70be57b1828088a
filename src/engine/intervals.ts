/**
 * Small statistics for SPEC.md §4 version 2, each checkable in Excel: the standard normal
 * quantile (НОРМ.СТ.ОБР / NORM.S.INV), the Wilson score interval of a share, and the upper tail
 * of a binomial distribution (1 − БИНОМ.РАСП(c − 1; n; p; ИСТИНА)). Written here rather than
 * taken from a statistics package: three formulas, and the engine stays free of dependencies.
 */

// Coefficients of P. J. Acklam's rational approximation (relative error below 1.15e-9).
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

/**
 * The standard normal quantile: the z with Φ(z) = p, for 0 < p < 1.
 *
 * @example
 * normalQuantile(0.975) // 1.959963985 (Excel: =НОРМ.СТ.ОБР(0,975)); relative error below 1.2e-9
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p must lie in (0, 1), got ${p}`);
  const [a0, a1, a2, a3, a4, a5] = A as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = B as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = C as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = D as [number, number, number, number];
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  return x;
}

/**
 * The Wilson score interval of a share `p` observed on `n` trials at confidence `level`
 * (two-sided). `null` when n ≤ 0.
 *
 * @example
 * wilson(0.5, 20, 0.95) // [0.2993, 0.7007] (rounded)
 * // Excel: z = НОРМ.СТ.ОБР(1 − (1 − 0,95)/2); (p + z²/2n ∓ z·КОРЕНЬ(p(1−p)/n + z²/4n²)) / (1 + z²/n)
 */
export function wilson(p: number, n: number, level = 0.95): readonly [number, number] | null {
  if (!(n > 0) || !Number.isFinite(p)) return null;
  const z = normalQuantile(1 - (1 - level) / 2);
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt(Math.max(0, (p * (1 - p)) / n + z2 / (4 * n * n)));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * P(X ≥ k) for X ~ Binomial(n, p): the one-sided tail of §4 `boundaryPeak`.
 *
 * @example
 * binomialUpperTail(8, 8, 0.5) // 0.00390625 = 1/256
 * binomialUpperTail(9, 10, 0.5) // 11/1024 ≈ 0.010742
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  // log C(n, i) p^i (1 − p)^(n − i), summed from i = k in a numerically safe way.
  const lp = Math.log(p);
  const lq = Math.log(1 - p);
  let logC = 0; // log C(n, 0)
  for (let i = 1; i <= k; i++) logC += Math.log(n - i + 1) - Math.log(i);
  let sum = 0;
  for (let i = k; i <= n; i++) {
    sum += Math.exp(logC + i * lp + (n - i) * lq);
    logC += Math.log(n - i) - Math.log(i + 1);
  }
  return Math.min(1, sum);
}
