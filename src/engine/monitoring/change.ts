/**
 * Change of an index year on year and its target (seed 002 indicators 2, 3, 13, 14: «Динамика
 * индекса … — Не менее 3%»).
 */
import type { MethodologyParameters, MonitoringTarget } from "../methodology";

/**
 * Comparisons allow for binary noise: 0.57 − 0.54 is 0.0299999…, and a fall of exactly 3 points
 * must meet a target of 3 points.
 */
const EPSILON = 1e-9;

/**
 * The change of an index in the unit of `dynamicsMode`: `points` — to − from (a difference of
 * fractions: −0.04 is "минус 4 п.п."); `relative` — (to − from) ÷ from, undefined when from = 0.
 *
 * @example
 * indexChange(0.30, 0.26, "points")   // −0.04 (up to rounding)
 * indexChange(0.30, 0.27, "relative") // −0.1
 */
export function indexChange(from: number | null, to: number | null, mode: MethodologyParameters["dynamicsMode"]): number | null {
  if (from === null || to === null) return null;
  if (mode === "points") return to - from;
  return from === 0 ? null : (to - from) / from;
}

/**
 * The target of a change, signed: the low index must fall (−target), the mass index rise
 * (+target). Seed 002 writes «Не менее 3%»; we read it as 3 percentage points of the index by
 * default (`dynamicsMode = "points"`), or 3 % of the previous value (`"relative"`).
 *
 * @example
 * changeTarget("low", { dynamicsTargetPoints: 3, … })  // −0.03
 * changeTarget("mass", { dynamicsTargetPoints: 3, … }) // 0.03
 */
export function changeTarget(index: "low" | "mass", p: Pick<MethodologyParameters, "dynamicsTargetPoints">): number {
  const t = p.dynamicsTargetPoints / 100;
  return index === "low" ? -t : t;
}

/**
 * Whether a value meets its target (`null` when either is unknown).
 *
 * @example
 * meets(-0.04, -0.03, "atMost") // true: the low index fell by 4 points, the target is 3
 */
export function meets(value: number | null, target: number | null, comparison: "atLeast" | "atMost"): boolean | null {
  if (value === null || target === null) return null;
  return comparison === "atLeast" ? value >= target - EPSILON : value <= target + EPSILON;
}

/** Whether an index change meets the dynamics target: the low index falls, the mass index rises. */
export function changeMeetsTarget(index: "low" | "mass", change: number | null, p: Pick<MethodologyParameters, "dynamicsTargetPoints">): boolean | null {
  return meets(change, changeTarget(index, p), index === "low" ? "atMost" : "atLeast");
}

/**
 * The target of a year from a list of steps: the step with the latest `fromYear` ≤ year; the
 * earliest step for a year before every step; `null` without steps.
 *
 * @example
 * targetFor([{ fromYear: 2021, value: 0.15 }, { fromYear: 2022, value: 0.1 }], 2024) // 0.1
 * targetFor([{ fromYear: 2021, value: 0.15 }, { fromYear: 2022, value: 0.1 }], 2020) // 0.15
 */
export function targetFor(steps: readonly MonitoringTarget[] | undefined, year: number | null): number | null {
  if (steps === undefined || steps.length === 0) return null;
  const sorted = [...steps].sort((a, b) => a.fromYear - b.fromYear);
  const first = sorted[0] as MonitoringTarget;
  if (year === null) return (sorted[sorted.length - 1] as MonitoringTarget).value;
  let value = first.value;
  for (const s of sorted) if (s.fromYear <= year) value = s.value;
  return value;
}
