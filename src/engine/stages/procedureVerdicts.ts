/**
 * SPEC.md §3–§4 per school × procedure unit × year: is the unit evaluated (enough participants),
 * is it on a non-objectivity list (§4 version 2, with the numbers of each sign), is it left out
 * of the analysis (`excludeNonObjective`: the ONE place that decides exclusion; every later
 * stage asks {@link ProcedureVerdicts.excluded}), and does it record low results against the
 * unit's regional P90.
 */
import type { MethodologyParameters, RegionalUnitReferences } from "../methodology";
import { groupByProcedureYear, nonObjectivityFindings, procedureReference, type ProcedureReference, type SignFinding } from "../nonObjectivity";
import { recordsLowResults } from "../lowResults";
import type { ProcedureStat } from "../procedureStats";

export interface ProcedureVerdict {
  readonly stat: ProcedureStat;
  readonly evaluated: boolean;
  /** The signs that put the unit on its list this year (empty: not listed). */
  readonly findings: readonly SignFinding[];
  /** Listed and `excludeNonObjective`: left out of every rule, index and dynamics. */
  readonly excluded: boolean;
  readonly lowResults: boolean | null;
  readonly lowP90: number | null;
}

export interface ProcedureVerdicts {
  /** Every unit × year of each school, in the order of the statistics. */
  readonly bySchool: ReadonlyMap<string, readonly ProcedureVerdict[]>;
  /** "school|year|unit" of every listed (non-objective) unit. */
  readonly nonObjectiveKeys: ReadonlySet<string>;
  /** "school|year|unit" of every unit left out of the analysis (listed, with `excludeNonObjective`). */
  readonly excluded: ReadonlySet<string>;
  /** Per "unit|year": the regional references the verdicts were taken against. */
  readonly refs: ReadonlyMap<string, ProcedureReference>;
  /** `lowP90:<unit>|<year>` → the unit's regional P90 of the low index. */
  readonly references: Readonly<Record<string, number | null>>;
}

/** The user's values of the region for a unit and year replace the computed ones (SPEC §8). */
function withEntered(ref: ProcedureReference, entered: RegionalUnitReferences | undefined): ProcedureReference {
  if (entered === undefined) return ref;
  const regional = { ...ref.regional };
  for (const q of ["b", "l", "m", "h", "u", "raised"] as const) {
    const v = entered[q];
    if (v !== undefined) regional[q] = v;
  }
  return { ...ref, lowP90: entered.lowP90 ?? ref.lowP90, regional };
}

/** Key of one school's unit in one year, as the sets above hold it. */
export function unitKey(s: Pick<ProcedureStat, "schoolId" | "year" | "procedure">): string {
  return `${s.schoolId}|${s.year}|${s.procedure}`;
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
  const excludedKeys = new Set<string>();
  const refs = new Map<string, ProcedureReference>();
  const references: Record<string, number | null> = {};
  for (const [key, group] of groupByProcedureYear(stats)) {
    const evaluated = group.filter((s) => s.participants >= p.minParticipants);
    const ref = withEntered(procedureReference(evaluated, p), p.regionalReferences.units?.[key]);
    refs.set(key, ref);
    references[`lowP90:${key}`] = ref.lowP90;
    for (const s of group) {
      const isEvaluated = s.participants >= p.minParticipants;
      const findings = isEvaluated ? nonObjectivityFindings(s, ref, p) : [];
      if (findings.length > 0) nonObjectiveKeys.add(unitKey(s));
      const excluded = p.excludeNonObjective && findings.length > 0;
      if (excluded) excludedKeys.add(unitKey(s));
      const lowResults = !isEvaluated || excluded ? null : recordsLowResults(s.low, ref.lowP90);
      const v: ProcedureVerdict = { stat: s, evaluated: isEvaluated, findings, excluded, lowResults, lowP90: ref.lowP90 };
      const list = bySchool.get(s.schoolId);
      if (list === undefined) bySchool.set(s.schoolId, [v]);
      else list.push(v);
    }
  }
  return { bySchool, nonObjectiveKeys, excluded: excludedKeys, refs, references };
}
