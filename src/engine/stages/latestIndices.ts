/**
 * Each school's indices of the latest year, every evaluated procedure unit pooled (weighted by
 * participants): the result `y` of the regression (§6) and the failure-risk factor (§7) read them.
 */
import type { School } from "../types";
import type { ProcedureVerdict } from "./procedureVerdicts";

export interface PooledIndices {
  readonly low: number | null;
  readonly mass: number | null;
  readonly high: number | null;
}

/**
 * @example
 * latestIndices(schools, verdicts.bySchool, 2025).get("0001")?.mass
 */
export function latestIndices(
  schools: readonly School[],
  bySchool: ReadonlyMap<string, readonly ProcedureVerdict[]>,
  latestYear: number | null,
): Map<string, PooledIndices> {
  const latest = new Map<string, PooledIndices>();
  for (const s of schools) {
    // Units left out as non-objective (§4) count neither in `y` of §6 nor in the failure risk of §7.
    const vs = (bySchool.get(s.id) ?? []).filter((v) => v.evaluated && !v.excluded && v.stat.year === latestYear);
    latest.set(s.id, {
      low: pooled(vs.map((v) => [v.stat.low, v.stat.participants])),
      mass: pooled(vs.map((v) => [v.stat.mass, v.stat.participants])),
      high: pooled(vs.map((v) => [v.stat.high, v.stat.participants])),
    });
  }
  return latest;
}

function pooled(items: readonly (readonly [number | null, number])[]): number | null {
  let n = 0;
  let d = 0;
  for (const [v, w] of items) {
    if (v === null || w <= 0) continue;
    n += v * w;
    d += w;
  }
  return d > 0 ? n / d : null;
}
