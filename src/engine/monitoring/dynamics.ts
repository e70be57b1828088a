/**
 * Dynamics year on year (seed 001 §1.2.2, seed 002 indicators 2–3): each school's procedures,
 * the region's pooled indices, and the schools entering, leaving and staying in ШНОР / ШНСУ.
 */
import { int } from "../format";
import type { MethodologyParameters } from "../methodology";
import type { IdentificationResult, ProcedureResult, SchoolResult } from "../types";
import { changeMeetsTarget, indexChange } from "./change";
import type { DynamicsResult, ProcedureDynamics, RegionUnitYear, RegionYear, SchoolDynamics, StatusTransition } from "./types";
import { statusShares } from "./statusShares";
import { pooledIndices } from "./yearly";

/** One identification per year, ascending (see `identifyByYear`). */
export type YearlyIdentifications = readonly { readonly year: number; readonly result: IdentificationResult }[];

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The `dynamics` section. Changes are between consecutive years present in the results (2023 →
 * 2024 → 2025; with a year missing, across the gap, and `fromYear` says so). The procedure rows
 * and the region's indices come from the latest identification (a procedure's indices do not
 * depend on the later years); statuses from each year's own identification.
 *
 * @example
 * const d = dynamics(identifyByYear(input, PRESETS.kbr, identify), PRESETS.kbr.parameters);
 * d.transitions.find((t) => t.status === "shnor" && t.toYear === 2025)?.entered // ["S07"]
 */
export function dynamics(yearly: YearlyIdentifications, p: MethodologyParameters): DynamicsResult {
  const years = yearly.map((y) => y.year);
  const latest = yearly[yearly.length - 1]?.result ?? null;
  const notes: string[] = [];
  if (years.length < 2) notes.push("Динамика не рассчитана: в результатах меньше двух лет");

  const region: RegionYear[] = [];
  let previous: { low: number | null; mass: number | null } | null = null;
  for (const { year, result } of yearly) {
    const pooled = pooledIndices(latest?.schools ?? [], year);
    const lowChange = previous === null ? null : indexChange(previous.low, pooled.low, "points");
    const massChange = previous === null ? null : indexChange(previous.mass, pooled.mass, "points");
    const measured = previous === null ? { low: null, mass: null } : { low: indexChange(previous.low, pooled.low, p.dynamicsMode), mass: indexChange(previous.mass, pooled.mass, p.dynamicsMode) };
    region.push({
      year,
      schools: pooled.schools,
      participants: pooled.participants,
      lowIndex: pooled.low,
      massIndex: pooled.mass,
      lowChange,
      massChange,
      lowTargetMet: changeMeetsTarget("low", measured.low, p),
      massTargetMet: changeMeetsTarget("mass", measured.mass, p),
      shnor: result.schools.filter((s) => s.shnor).length,
      shnsu: result.schools.filter((s) => s.shnsu).length,
      shnorOrShnsu: result.schools.filter((s) => s.shnor || s.shnsu).length,
      riskZone: result.schools.filter((s) => s.riskZone).length,
    });
    previous = { low: pooled.low, mass: pooled.mass };
  }

  return {
    years,
    targetPoints: p.dynamicsTargetPoints,
    mode: p.dynamicsMode,
    stableShnorYears: p.stableShnorYears,
    region,
    schools: schoolDynamics(yearly, p.stableShnorYears),
    procedures: latest === null ? [] : procedureDynamics(latest.schools, years, p),
    transitions: transitions(yearly),
    regionUnits: regionUnits(latest?.schools ?? [], years, p),
    statusShares: statusShares(yearly),
    notes,
  };
}

/** Each school's status in every identification year, and whether it is stably ШНОР. */
export function schoolDynamics(yearly: YearlyIdentifications, stableYears: number): SchoolDynamics[] {
  const latest = yearly[yearly.length - 1]?.result;
  if (latest === undefined) return [];
  const byYear = yearly.map(({ year, result }) => ({ year, byId: new Map(result.schools.map((s) => [s.id, s])) }));
  return latest.schools.map((school) => {
    const statuses = byYear.map(({ year, byId }) => {
      const s = byId.get(school.id) as SchoolResult;
      return { year, shnor: s.shnor, shnsu: s.shnsu, riskZone: s.riskZone, category: s.category, shnorRules: s.shnorRules };
    });
    const window = statuses.slice(-stableYears);
    const allShnor = window.every((s) => s.shnor);
    return {
      id: school.id,
      name: school.name,
      municipality: school.municipality,
      years: statuses,
      shnorYears: statuses.filter((s) => s.shnor).length,
      stableShnor: !allShnor ? false : window.length < stableYears ? null : true,
    };
  });
}

/** Entered / left / stayed in ШНОР and in ШНСУ between consecutive identification years. */
export function transitions(yearly: YearlyIdentifications): StatusTransition[] {
  const out: StatusTransition[] = [];
  for (let i = 1; i < yearly.length; i++) {
    const before = yearly[i - 1] as YearlyIdentifications[number];
    const after = yearly[i] as YearlyIdentifications[number];
    for (const status of ["shnor", "shnsu"] as const) {
      const was = new Set(before.result.schools.filter((s) => s[status]).map((s) => s.id));
      const is = new Set(after.result.schools.filter((s) => s[status]).map((s) => s.id));
      out.push({
        fromYear: before.year,
        toYear: after.year,
        status,
        entered: [...is].filter((id) => !was.has(id)).sort(cmp),
        left: [...was].filter((id) => !is.has(id)).sort(cmp),
        stayed: [...is].filter((id) => was.has(id)).sort(cmp),
      });
    }
  }
  return out;
}

function why(year: number, p: ProcedureResult | undefined): string | null {
  if (p === undefined) return `${year}: нет результатов`;
  if (!p.evaluated) return `${year}: мало участников (${int(p.participants)})`;
  if (p.excluded) return `${year}: признаки необъективности — результаты исключены`;
  return null;
}

/**
 * Each school's procedure between consecutive years: indices, their change and whether the
 * target is met. A procedure counts only where it was evaluated (SPEC.md §3); a row is listed
 * when the procedure is present in at least one of the two years.
 */
export function procedureDynamics(schools: readonly SchoolResult[], years: readonly number[], p: MethodologyParameters): ProcedureDynamics[] {
  const out: ProcedureDynamics[] = [];
  for (const school of schools) {
    // procedure → year → result (a later result of the same unit and year replaces an earlier one).
    const byKey = new Map<string, Map<number, ProcedureResult>>();
    for (const r of school.procedures) {
      let byYear = byKey.get(r.procedure);
      if (byYear === undefined) byKey.set(r.procedure, (byYear = new Map()));
      byYear.set(r.year, r);
    }
    const names = [...byKey.keys()].sort(cmp);
    for (const procedure of names) {
      for (let i = 1; i < years.length; i++) {
        const fromYear = years[i - 1] as number;
        const toYear = years[i] as number;
        const byYear = byKey.get(procedure);
        const a = byYear?.get(fromYear);
        const b = byYear?.get(toYear);
        if (a === undefined && b === undefined) continue;
        const ok = (r: ProcedureResult | undefined): r is ProcedureResult => r !== undefined && r.evaluated && !r.excluded;
        const lowFrom = ok(a) ? a.lowIndex : null;
        const lowTo = ok(b) ? b.lowIndex : null;
        const massFrom = ok(a) ? a.massIndex : null;
        const massTo = ok(b) ? b.massIndex : null;
        const notes = [why(fromYear, a), why(toYear, b)].filter((x): x is string => x !== null);
        out.push({
          schoolId: school.id,
          schoolName: school.name,
          municipality: school.municipality,
          procedure,
          fromYear,
          toYear,
          lowFrom,
          lowTo,
          lowChange: indexChange(lowFrom, lowTo, "points"),
          lowTargetMet: changeMeetsTarget("low", indexChange(lowFrom, lowTo, p.dynamicsMode), p),
          massFrom,
          massTo,
          massChange: indexChange(massFrom, massTo, "points"),
          massTargetMet: changeMeetsTarget("mass", indexChange(massFrom, massTo, p.dynamicsMode), p),
          note: notes.length > 0 ? notes.join("; ") : null,
        });
      }
    }
  }
  return out;
}

/**
 * The region's indices per procedure unit and year over the evaluated results (non-objective
 * ones left out with `excludeNonObjective`), each change from the unit's previous year present.
 *
 * @example
 * // ВПР 5 кл.: low 0.26 in 2024, 0.20 in 2025 → lowChange −0.06; ОГЭ 9 кл. only in 2025 → lowChange null
 */
export function regionUnits(schools: readonly SchoolResult[], years: readonly number[], p: MethodologyParameters): RegionUnitYear[] {
  const acc = new Map<string, { schools: Set<string>; participants: number; low: number; lowW: number; mass: number; massW: number }>();
  for (const s of schools)
    for (const q of s.procedures) {
      if (!q.evaluated || (p.excludeNonObjective && q.nonObjective)) continue;
      const k = `${q.year}\u0000${q.procedure}`;
      const a = acc.get(k) ?? { schools: new Set<string>(), participants: 0, low: 0, lowW: 0, mass: 0, massW: 0 };
      a.schools.add(s.id);
      a.participants += q.participants;
      if (q.lowIndex !== null) (a.low += q.lowIndex * q.participants), (a.lowW += q.participants);
      if (q.massIndex !== null) (a.mass += q.massIndex * q.participants), (a.massW += q.participants);
      acc.set(k, a);
    }
  const units = [...new Set([...acc.keys()].map((k) => k.split("\u0000")[1] as string))].sort(cmp);
  const out: RegionUnitYear[] = [];
  for (const procedure of units) {
    let prev: { low: number | null; mass: number | null } | null = null;
    for (const year of years) {
      const a = acc.get(`${year}\u0000${procedure}`);
      if (a === undefined) continue;
      const low = a.lowW > 0 ? a.low / a.lowW : null;
      const mass = a.massW > 0 ? a.mass / a.massW : null;
      const measured = prev === null ? { low: null, mass: null } : { low: indexChange(prev.low, low, p.dynamicsMode), mass: indexChange(prev.mass, mass, p.dynamicsMode) };
      out.push({
        year,
        procedure,
        schools: a.schools.size,
        participants: a.participants,
        lowIndex: low,
        massIndex: mass,
        lowChange: prev === null ? null : indexChange(prev.low, low, "points"),
        massChange: prev === null ? null : indexChange(prev.mass, mass, "points"),
        lowTargetMet: changeMeetsTarget("low", measured.low, p),
        massTargetMet: changeMeetsTarget("mass", measured.mass, p),
      });
      prev = { low, mass };
    }
  }
  return out.sort((x, y) => x.year - y.year || cmp(x.procedure, y.procedure));
}
