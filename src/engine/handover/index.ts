/**
 * What the analyst hands over (SPEC.md §12), added to a finished result: the addressed
 * recommendations of every school and the mentor schools of every ШНОР. One step after the
 * identification, so the rules of §2–§9 stay untouched by it.
 */
import type { Methodology } from "../methodology";
import type { IdentificationInput, IdentificationResult, Locality, SchoolResult } from "../types";
import { chooseMentors } from "./mentors";
import { recommendationsFor, recommendationTable } from "./recommendations";

export * from "./recommendations";
export * from "./mentors";

/**
 * The result with `recommendations` on every school and `mentors` / `mentorsNote` on every
 * ШНОР (an empty list and `null` elsewhere). The input gives the localities and the user's
 * sheet «Рекомендации».
 *
 * @example
 * const handed = handOver(identify(input, PRESETS.kbr), input, PRESETS.kbr);
 * handed.schools[0].recommendations; handed.schools[0].mentors;
 */
export function handOver<R extends IdentificationResult>(result: R, input: IdentificationInput, methodology: Methodology): R {
  const table = recommendationTable(input.recommendations ?? []);
  const localities = new Map<string, Locality | null>(input.schools.map((s) => [s.id, s.locality]));
  const mentors = chooseMentors(result, localities, methodology.parameters);
  const schools = result.schools.map((s): SchoolResult => {
    const m = mentors.get(s.id);
    return { ...s, recommendations: recommendationsFor(s, table), mentors: m?.mentors ?? [], mentorsNote: m?.note ?? null };
  });
  return { ...result, schools };
}
export * from "./lists";
