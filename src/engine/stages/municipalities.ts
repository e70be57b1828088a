/** Municipal counts and the share of ШНОР ∪ ШНСУ (seed 001: n / m × 100 %; SPEC.md §9). */
import { cmp } from "../procedureStats";
import type { MunicipalityResult, SchoolResult } from "../types";

/**
 * @example
 * municipalities(result.schools)[0] // { name, schools: 12, shnor: 2, shnsu: 3, shnorOrShnsu: 4, share: 0.333 }
 */
export function municipalities(results: readonly SchoolResult[]): MunicipalityResult[] {
  const byName = new Map<string, { schools: number; shnor: number; shnsu: number; either: number }>();
  for (const r of results) {
    const m = byName.get(r.municipality) ?? { schools: 0, shnor: 0, shnsu: 0, either: 0 };
    m.schools++;
    if (r.shnor) m.shnor++;
    if (r.shnsu) m.shnsu++;
    if (r.shnor || r.shnsu) m.either++;
    byName.set(r.municipality, m);
  }
  return [...byName.entries()]
    .sort((a, b) => cmp(a[0], b[0]))
    .map(([name, m]) => ({ name, schools: m.schools, shnor: m.shnor, shnsu: m.shnsu, shnorOrShnsu: m.either, share: m.schools > 0 ? m.either / m.schools : 0 }));
}
