/**
 * Identification year by year: the rules of SPEC.md §3 read "the latest year", so the
 * identification of year Y is `identify` run on the results of the years ≤ Y.
 */
import type { Methodology } from "../methodology";
import type { IdentificationInput, IdentificationResult, SchoolResult } from "../types";

/** `identify` or anything with its signature (the lead's wiring may pass a memoised one). */
export type IdentifyFn = (input: IdentificationInput, methodology: Methodology) => IdentificationResult;

/** The input with the results and participant rows of years after `year` left out. */
export function truncateToYear(input: IdentificationInput, year: number): IdentificationInput {
  return {
    ...input,
    results: input.results.filter((r) => r.year <= year),
    scores: input.scores.filter((s) => s.year <= year),
  };
}

/**
 * One identification per year present in the results, ascending. The latest year's is the
 * identification of the whole input; without any results there is one identification with
 * `latestYear = null`, keyed by `null`. `truncate` makes an earlier year's input (analyse passes
 * one that copies no rows, its identifyFn reading the statistics it has counted already).
 *
 * @example
 * identifyByYear(input, PRESETS.kbr, identify).map((y) => y.year) // [2023, 2024, 2025]
 */
export function identifyByYear(
  input: IdentificationInput,
  methodology: Methodology,
  identifyFn: IdentifyFn,
  truncate: (input: IdentificationInput, year: number) => IdentificationInput = truncateToYear,
): { readonly year: number | null; readonly result: IdentificationResult }[] {
  const full = identifyFn(input, methodology);
  const years = full.region.years;
  if (years.length === 0) return [{ year: null, result: full }];
  return years.map((year, i) => ({ year, result: i === years.length - 1 ? full : identifyFn(truncate(input, year), methodology) }));
}

/** Participant-weighted low and mass indices over the evaluated procedures of some schools in a year. */
export interface Pooled {
  readonly schools: number;
  readonly participants: number;
  readonly low: number | null;
  readonly mass: number | null;
}

/**
 * Pools the evaluated procedures of `schools` in `year`, each index weighted by its
 * procedure's participants (SPEC.md §2: "aggregating … weighs by participants"). A procedure
 * with an undefined index adds nothing to that index.
 *
 * @example
 * // school A: ВПР low 0.2 (20 participants); school B: ВПР low 0.5 (10) → low (4 + 5) / 30 = 0.3
 */
export function pooledIndices(schools: readonly SchoolResult[], year: number): Pooled {
  let lowSum = 0;
  let lowWeight = 0;
  let massSum = 0;
  let massWeight = 0;
  let participants = 0;
  let count = 0;
  for (const s of schools) {
    let any = false;
    for (const p of s.procedures) {
      // Units left out as non-objective (SPEC §4, `excludeNonObjective`) count in no dynamics.
      if (p.year !== year || !p.evaluated || p.excluded) continue;
      any = true;
      participants += p.participants;
      if (p.lowIndex !== null) {
        lowSum += p.lowIndex * p.participants;
        lowWeight += p.participants;
      }
      if (p.massIndex !== null) {
        massSum += p.massIndex * p.participants;
        massWeight += p.participants;
      }
    }
    if (any) count++;
  }
  return { schools: count, participants, low: lowWeight > 0 ? lowSum / lowWeight : null, mass: massWeight > 0 ? massSum / massWeight : null };
}
