/**
 * Signs of non-objectivity (seed 000, stages 1–3; SPEC.md §4). These are signs that call for a
 * review, not a verdict: "признаки необъективности — требуется проверка".
 */
import type { MethodologyParameters } from "./methodology";
import { percentileInc } from "./percentile";
import type { ProcedureStat } from "./procedureStats";

export type NonObjectivitySign = "highAndLow" | "massAndZeroLow" | "lowParticipation";

export interface ProcedureReference {
  readonly procedure: string;
  readonly year: number;
  /** Evaluated schools the percentiles are taken over. */
  readonly schools: number;
  readonly lowP90: number | null;
  readonly highP95: number | null;
  readonly lowP10: number | null;
  readonly massP95: number | null;
}

/** Group statistics by "procedure | year" (insertion order follows the sorted input). */
export function groupByProcedureYear(stats: readonly ProcedureStat[]): Map<string, ProcedureStat[]> {
  const groups = new Map<string, ProcedureStat[]>();
  for (const s of stats) {
    const k = `${s.procedure}|${s.year}`;
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [s]);
    else list.push(s);
  }
  return groups;
}

function defined(values: readonly (number | null)[]): number[] {
  const out: number[] = [];
  for (const v of values) if (v !== null) out.push(v);
  return out;
}

/**
 * Regional percentiles of one procedure in one year, over the schools where it was evaluated.
 *
 * @example
 * // low indices {0, 0.1, 0.2, 0.3, 0.4} → lowP90 = 0.36
 */
export function procedureReference(evaluated: readonly ProcedureStat[], params: MethodologyParameters): ProcedureReference {
  const first = evaluated[0];
  const lows = defined(evaluated.map((s) => s.low));
  return {
    procedure: first?.procedure ?? "",
    year: first?.year ?? 0,
    schools: evaluated.length,
    lowP90: percentileInc(lows, params.lowResultsPercentile),
    highP95: percentileInc(defined(evaluated.map((s) => s.high)), params.nonObjHighPercentile),
    lowP10: percentileInc(lows, params.nonObjLowPercentile),
    massP95: percentileInc(defined(evaluated.map((s) => s.mass)), params.nonObjMassPercentile),
  };
}

/**
 * Stage 1 for one school's procedure: the signs that put it on the list (empty: not on it).
 * - high index above the 95th percentile while low index below the 10th;
 * - mass index above the 95th percentile and low index zero;
 * - participation below 80 % of the grade, where the grade size is known.
 *
 * @example
 * nonObjectivitySigns({ high: 0.9, low: 0, mass: 0.5, participation: null, … }, ref, params)
 */
export function nonObjectivitySigns(
  s: Pick<ProcedureStat, "low" | "mass" | "high" | "participation">,
  ref: ProcedureReference,
  params: MethodologyParameters,
): NonObjectivitySign[] {
  const signs: NonObjectivitySign[] = [];
  if (s.high !== null && s.low !== null && ref.highP95 !== null && ref.lowP10 !== null && s.high > ref.highP95 && s.low < ref.lowP10)
    signs.push("highAndLow");
  if (s.mass !== null && s.low !== null && ref.massP95 !== null && s.mass > ref.massP95 && s.low === 0) signs.push("massAndZeroLow");
  if (s.participation !== null && s.participation < params.nonObjMinParticipation) signs.push("lowParticipation");
  return signs;
}
