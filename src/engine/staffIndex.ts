/**
 * Stavropol's indices (seed 002, named without formulas; SPEC.md §8 fixes them): each in [0, 1] as
 * the mean of the parts whose data is present.
 */
import type { School } from "./types";

function meanOfPresent(parts: readonly (number | null)[]): number | null {
  const present = parts.filter((p): p is number => p !== null);
  if (present.length === 0) return null;
  return present.reduce((s, p) => s + p, 0) / present.length;
}

/**
 * Индекс кадрового состава = mean(qualified share ÷ 100; 1 if no vacancies else 0; specialists
 * present ÷ specialist columns known — ÷ 3 when all three are known).
 *
 * @example
 * staffIndex({ qualifiedTeachersShare: 60, teacherVacancies: 0, hasPsychologist: true,
 *   hasSocialPedagogue: false, hasDefectologist: true, … }) // (0.6 + 1 + 2/3) / 3 ≈ 0.7556
 * staffIndex({ qualifiedTeachersShare: 60, teacherVacancies: 0, hasPsychologist: true,
 *   hasSocialPedagogue: null, hasDefectologist: false, … }) // (0.6 + 1 + 1/2) / 3 = 0.7
 */
export function staffIndex(
  s: Pick<School, "qualifiedTeachersShare" | "teacherVacancies" | "hasPsychologist" | "hasSocialPedagogue" | "hasDefectologist">,
): number | null {
  // SPEC.md §8 (version 2): the share present among the specialist columns that are known.
  const knownSpecialists = [s.hasPsychologist, s.hasSocialPedagogue, s.hasDefectologist].filter((x): x is boolean => x !== null);
  return meanOfPresent([
    s.qualifiedTeachersShare === null ? null : Math.min(1, Math.max(0, s.qualifiedTeachersShare / 100)),
    s.teacherVacancies === null ? null : s.teacherVacancies > 0 ? 0 : 1,
    knownSpecialists.length === 0 ? null : knownSpecialists.filter((x) => x).length / knownSpecialists.length,
  ]);
}

/**
 * Коэффициент материально-технического оснащения = mean(min(1, computers per 100 ÷ 10); internet 1/0).
 *
 * @example
 * equipmentCoefficient({ computersPer100: 5, stableInternet: true }, 10) // 0.75
 */
export function equipmentCoefficient(s: Pick<School, "computersPer100" | "stableInternet">, computersNorm = 10): number | null {
  return meanOfPresent([
    s.computersPer100 === null || !(computersNorm > 0) ? null : Math.min(1, s.computersPer100 / computersNorm),
    s.stableInternet === null ? null : s.stableInternet ? 1 : 0,
  ]);
}
