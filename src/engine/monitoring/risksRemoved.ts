/**
 * Seed 001 §1.2.5, "risks removed" year on year: a risk-zone school removed at least two of its
 * three risks — no stable internet, too few computers, teacher vacancies (the thresholds of §7:
 * `minComputersPer100`, `vacanciesAbove`) — from its row of `Школы` of the year before to the
 * latest. Without an earlier row the self-reported column `Риски ликвидированы` stands.
 */
import type { Methodology } from "../methodology";
import type { School, YearSchool } from "../types";

type Risk = "internet" | "computers" | "vacancies";

/** Which of the three risks a row shows; `null` where its cell is empty. */
export function risksOf(s: School, p: Methodology["parameters"]): Readonly<Record<Risk, boolean | null>> {
  return {
    internet: s.stableInternet === null ? null : !s.stableInternet,
    computers: s.computersPer100 === null ? null : s.computersPer100 < p.minComputersPer100,
    vacancies: s.teacherVacancies === null ? null : s.teacherVacancies > p.vacanciesAbove,
  };
}

/**
 * Risks present in `before` and absent in `after` (a risk with an empty cell in either year is not
 * counted as removed); `removed` is at least two of three.
 *
 * @example
 * // 2024: no internet, 5 computers per 100 (< 10), 2 vacancies; 2025: internet, 12 computers, 2 vacancies
 * risksRemovedBetween(s2024, s2025, p) // { removed: true, count: 2 }
 */
export function risksRemovedBetween(before: School, after: School, p: Methodology["parameters"]): { readonly removed: boolean; readonly count: number } {
  const was = risksOf(before, p);
  const is = risksOf(after, p);
  const count = (["internet", "computers", "vacancies"] as const).filter((r) => was[r] === true && is[r] === false).length;
  return { removed: count >= 2, count };
}

/**
 * The schools with `risksRemoved` computed year on year where an earlier row exists (the latest
 * earlier year before the school's own), and the ids of the schools so computed.
 */
export function withRisksRemovedYearOnYear(
  schools: readonly School[],
  earlier: readonly YearSchool[],
  latestYear: number | null,
  p: Methodology["parameters"],
): { readonly schools: readonly School[]; readonly computed: ReadonlySet<string> } {
  const previous = new Map<string, YearSchool>();
  for (const e of earlier) {
    if (latestYear !== null && e.year >= latestYear) continue;
    const seen = previous.get(e.id);
    if (seen === undefined || e.year > seen.year) previous.set(e.id, e);
  }
  const computed = new Set<string>();
  const out = schools.map((s) => {
    const before = previous.get(s.id);
    if (before === undefined) return s;
    computed.add(s.id);
    return { ...s, risksRemoved: risksRemovedBetween(before, s, p).removed };
  });
  return { schools: out, computed };
}
