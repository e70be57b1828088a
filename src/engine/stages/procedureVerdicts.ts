/**
 * SPEC.md §3–§4 per school × procedure unit × year: is the unit evaluated (enough participants),
 * does it carry signs of non-objectivity, and does it record low results against the unit's
 * regional P90.
 */
import type { MethodologyParameters } from "../methodology";
import { groupByProcedureYear, nonObjectivitySigns, procedureReference, type NonObjectivitySign } from "../nonObjectivity";
import { recordsLowResults } from "../lowResults";
import type { ProcedureStat } from "../procedureStats";

export interface ProcedureVerdict {
  readonly stat: ProcedureStat;
  readonly evaluated: boolean;
  readonly signs: readonly NonObjectivitySign[];
  readonly lowResults: boolean | null;
  readonly lowP90: number | null;
}

export interface ProcedureVerdicts {
  /** Every unit × year of each school, in the order of the statistics. */
  readonly bySchool: ReadonlyMap<string, readonly ProcedureVerdict[]>;
  /** "school|year|unit" of every listed (non-objective) unit. */
  readonly nonObjectiveKeys: ReadonlySet<string>;
  /** `lowP90:<unit>|<year>` → the unit's regional P90 of the low index. */
  readonly references: Readonly<Record<string, number | null>>;
}

/**
 * Verdicts of every unit × year, with the regional references they were taken against.
 *
 * @example
 * procedureVerdicts(stats, PRESETS.kbr.parameters).bySchool.get("0001")?.[0]?.lowResults
 */
export function procedureVerdicts(stats: readonly ProcedureStat[], p: MethodologyParameters): ProcedureVerdicts {
  const bySchool = new Map<string, ProcedureVerdict[]>();
  const nonObjectiveKeys = new Set<string>();
  const references: Record<string, number | null> = {};
  for (const [key, group] of groupByProcedureYear(stats)) {
    const evaluated = group.filter((s) => s.participants >= p.minParticipants);
    const ref = procedureReference(evaluated, p);
    references[`lowP90:${key}`] = ref.lowP90;
    for (const s of group) {
      const isEvaluated = s.participants >= p.minParticipants;
      const signs = isEvaluated ? nonObjectivitySigns(s, ref, p) : [];
      if (signs.length > 0) nonObjectiveKeys.add(`${s.schoolId}|${s.year}|${s.procedure}`);
      const excluded = p.excludeNonObjective && signs.length > 0;
      const lowResults = !isEvaluated || excluded ? null : recordsLowResults(s.low, ref.lowP90);
      const v: ProcedureVerdict = { stat: s, evaluated: isEvaluated, signs, lowResults, lowP90: ref.lowP90 };
      const list = bySchool.get(s.schoolId);
      if (list === undefined) bySchool.set(s.schoolId, [v]);
      else list.push(v);
    }
  }
  return { bySchool, nonObjectiveKeys, references };
}
