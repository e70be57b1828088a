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

/**
 * The verdicts of the years up to `year` out of verdicts over more years: a unit's verdict in a
 * year reads only the units of that year (its regional references), so the identification of an
 * earlier year (monitoring, dynamics) takes them from the latest year's instead of recomputing.
 * The filtered collections keep their order.
 */
export function verdictsUpTo(v: ProcedureVerdicts, year: number | null): ProcedureVerdicts {
  let last = -Infinity;
  for (const list of v.bySchool.values()) for (const x of list) if (x.stat.year > last) last = x.stat.year;
  if (year !== null && year >= last) return v;
  const keep = (y: number) => year !== null && y <= year;
  const bySchool = new Map<string, ProcedureVerdict[]>();
  for (const [id, list] of v.bySchool) {
    const kept = list.filter((x) => keep(x.stat.year));
    if (kept.length > 0) bySchool.set(id, kept);
  }
  // Only listed units are in the two sets below: only their keys are made.
  const keptKeys = new Set<string>();
  for (const list of bySchool.values()) for (const x of list) if (x.findings.length > 0) keptKeys.add(unitKey(x.stat));
  // "unit|year" and "lowP90:unit|year": the year is after the last bar.
  const keepKey = (k: string) => keep(Number(k.slice(k.lastIndexOf("|") + 1)));
  const refs = new Map([...v.refs].filter(([k]) => keepKey(k)));
  const references: Record<string, number | null> = {};
  for (const [k, value] of Object.entries(v.references)) if (keepKey(k)) references[k] = value;
  return {
    bySchool,
    nonObjectiveKeys: new Set([...v.nonObjectiveKeys].filter((k) => keptKeys.has(k))),
    excluded: new Set([...v.excluded].filter((k) => keptKeys.has(k))),
    refs,
    references,
  };
}
