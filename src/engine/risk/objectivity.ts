/**
 * Seed 004 factor 4, «Отсутствие или недостаточная эффективность системы объективной оценки
 * результатов обучения» (SPEC.md §7, the new table): the school's results are on a
 * non-objectivity list (§4) in the latest year, or half or more of its results of the compared
 * procedures (ВПР by default) got a procedure mark lower than the journal mark ("понизили": the
 * school's own marks are inflated).
 */
import type { MethodologyParameters } from "../methodology";
import { scaleKey } from "../procedureStats";
import { markFromScore } from "../subjectIndices";
import type { ParticipantScore, Scale } from "../types";

/** A school's procedure marks compared with its journal marks. */
export interface JournalComparison {
  /** Results whose procedure mark and journal mark are both known. */
  readonly compared: number;
  /** Of them, procedure mark lower than the journal mark. */
  readonly lowered: number;
}

/**
 * Per school, the results of `year` in the compared procedures with both marks known: the
 * procedure mark is `Отметка` or, where empty, the mark the scale's cut-offs give the score.
 *
 * @example
 * // ВПР 2025 of S1: marks (3 vs journal 4), (4 vs 4), (2 vs 3) → { compared: 3, lowered: 2 }
 * journalComparisons(scores, scales, 2025, { objectivityJournalProcedures: ["ВПР"] }).get("S1")
 */
export function journalComparisons(
  scores: readonly ParticipantScore[],
  scales: readonly Scale[],
  year: number | null,
  p: Pick<MethodologyParameters, "objectivityJournalProcedures">,
): Map<string, JournalComparison> {
  const out = new Map<string, { compared: number; lowered: number }>();
  if (year === null) return out;
  const procedures = new Set(p.objectivityJournalProcedures);
  const byKey = new Map(scales.map((s) => [scaleKey(s.procedure, s.grade, s.subject), s]));
  for (const r of scores) {
    if (r.year !== year || r.journalMark === null || r.journalMark === undefined || !procedures.has(r.procedure)) continue;
    const scale = byKey.get(scaleKey(r.procedure, r.grade, r.subject));
    const mark = r.mark ?? (scale === undefined ? null : markFromScore(r.score, scale));
    if (mark === null) continue;
    const c = out.get(r.schoolId) ?? { compared: 0, lowered: 0 };
    c.compared++;
    if (mark < r.journalMark) c.lowered++;
    out.set(r.schoolId, c);
  }
  return out;
}
