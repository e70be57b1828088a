/**
 * Low results (SPEC.md §3; seed 002: "не менее чем по двум оценочным процедурам в предыдущем
 * учебном году" and "хотя бы по одной оценочной процедуре в каждом из двух предыдущих учебных лет").
 */

/**
 * A procedure records low results when the school's low index is at or above the regional
 * percentile of the evaluated schools, and above zero.
 *
 * @example
 * recordsLowResults(0.36, 0.36) // true
 * recordsLowResults(0, 0) // false — a zero low index is never "low results"
 */
export function recordsLowResults(low: number | null, percentile: number | null): boolean | null {
  if (low === null || percentile === null) return null;
  return low >= percentile && low > 0;
}

/**
 * Rules R1 and R2 of seed 002 over the (procedure, year) pairs where a school recorded low results.
 * R1: at least `r1MinProcedures` procedures in the latest year.
 * R2: at least one procedure in each of the `r2Years` latest consecutive years.
 *
 * @example
 * lowResultsRules([{ procedure: "ВПР", year: 2025 }, { procedure: "ОГЭ", year: 2024 }], 2025, 2, 2) // ["R2"]
 */
export function lowResultsRules(
  flagged: readonly { readonly procedure: string; readonly year: number }[],
  latestYear: number,
  r1MinProcedures: number,
  r2Years: number,
): ("R1" | "R2")[] {
  const rules: ("R1" | "R2")[] = [];
  const latest = new Set(flagged.filter((f) => f.year === latestYear).map((f) => f.procedure));
  if (r1MinProcedures > 0 && latest.size >= r1MinProcedures) rules.push("R1");
  if (r2Years > 0) {
    let every = true;
    for (let y = latestYear; y > latestYear - r2Years; y--) if (!flagged.some((f) => f.year === y)) every = false;
    if (every) rules.push("R2");
  }
  return rules;
}
