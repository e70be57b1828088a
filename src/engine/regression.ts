import type { Group } from "./types";

/** Least-squares line of y on x, with the residuals' standard error (SPEC.md §6). */
export interface LinearFit {
  readonly slope: number;
  readonly intercept: number;
  readonly r2: number;
  readonly n: number;
  /** σ = sqrt(Σ r² / (n − 2)). */
  readonly sigma: number;
  readonly residuals: readonly number[];
}

export type FitOutcome = { ok: true; value: LinearFit } | { ok: false; reason: string };

/**
 * Ordinary least squares of y on x (seed 000: effective / ordinary / not coping).
 * Needs at least 3 points and x not all equal; otherwise says why in Russian.
 *
 * @example
 * fitLine([50, 60, 70, 80], [0.4, 0.5, 0.8, 0.7]) // slope 0.012, intercept −0.18, σ ≈ 0.1183
 */
export function fitLine(x: readonly number[], y: readonly number[]): FitOutcome {
  const n = x.length;
  if (n !== y.length) return { ok: false, reason: "разное число значений x и y" };
  if (n < 3) return { ok: false, reason: `регрессия не строится: школ с данными ${n} (нужно не меньше 3)` };
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i] as number;
    sy += y[i] as number;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) return { ok: false, reason: "регрессия не строится: у всех школ одинаковый ИСБ" };
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const residuals: number[] = [];
  let sse = 0;
  for (let i = 0; i < n; i++) {
    const r = (y[i] as number) - (intercept + slope * (x[i] as number));
    residuals.push(r);
    sse += r * r;
  }
  const r2 = syy === 0 ? 1 : 1 - sse / syy;
  const sigma = Math.sqrt(sse / (n - 2));
  return { ok: true, value: { slope, intercept, r2, n, sigma, residuals } };
}

/**
 * Group of a school by its residual: эффективная when r > kσ, не справляющаяся when r < −kσ.
 *
 * @example
 * groupOf(0.14, 0.1183, 1) // "effective"
 */
export function groupOf(residual: number, sigma: number, k: number): Group {
  if (residual > k * sigma) return "effective";
  if (residual < -k * sigma) return "notCoping";
  return "ordinary";
}

export const GROUP_NAMES: Readonly<Record<Group, string>> = {
  effective: "эффективная",
  ordinary: "обычная",
  notCoping: "не справляющаяся",
};
