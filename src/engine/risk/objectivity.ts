/**
 * Seed 004 factor 4, «Отсутствие или недостаточная эффективность системы объективной оценки
 * результатов обучения» (SPEC.md §7, the new table): the school's results are on a
 * non-objectivity list (§4) in the latest year, or half or more of its results of the compared
 * procedures (ВПР by default) got a procedure mark lower than the journal mark ("понизили": the
 * school's own marks are inflated).
 */
import type { MethodologyParameters } from "../methodology";
import { markFromScore } from "../subjectIndices";
import { rowJournal } from "../journalCounts";
import { ALL_SUBJECTS, type AggregatedResult, type ParticipantScore, type Scale } from "../types";

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
 * Aggregated rows with the journal comparison («Понизили», «Подтвердили», «Повысили») count
 * where the school × year × procedure × grade has no participant rows (FORMATS.md), as the
 * indices take aggregated rows only there.
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
  results: readonly AggregatedResult[] = [],
): Map<string, JournalComparison> {
  if (year === null) return new Map();
  return journalComparisonsByYear(scores, scales, [year], p, results).get(year) ?? new Map();
}

type Counts = { compared: number; lowered: number };
type YearScales = { any?: Scale; byYear?: Map<number, Scale> };

/**
 * «Шкалы» as procedure → grade → subject → the subject's scales: the row of the result's year,
 * else the row without a year (SPEC §1 `Год`, as the counting pass reads them); a later row of the
 * same subject and year replaces an earlier one. No key string is built per row.
 */
function scalesBySubject(scales: readonly Scale[]): Map<string, Map<number, Map<string, YearScales>>> {
  const byKey = new Map<string, Map<number, Map<string, YearScales>>>();
  for (const s of scales) {
    let byGrade = byKey.get(s.procedure);
    if (byGrade === undefined) byKey.set(s.procedure, (byGrade = new Map()));
    let bySubject = byGrade.get(s.grade);
    if (bySubject === undefined) byGrade.set(s.grade, (bySubject = new Map()));
    let entry = bySubject.get(s.subject);
    if (entry === undefined) bySubject.set(s.subject, (entry = {}));
    if (s.year === undefined || s.year === null) entry.any = s;
    else (entry.byYear ??= new Map()).set(s.year, s);
  }
  return byKey;
}

/**
 * {@link journalComparisons} of several years in one pass over the rows (analyse identifies
 * every year of the data, each reading its own year's comparisons).
 */
export function journalComparisonsByYear(
  scores: readonly ParticipantScore[],
  scales: readonly Scale[],
  years: readonly number[],
  p: Pick<MethodologyParameters, "objectivityJournalProcedures">,
  results: readonly AggregatedResult[] = [],
): Map<number, Map<string, JournalComparison>> {
  const byYear = new Map<number, Map<string, Counts>>();
  for (const y of years) byYear.set(y, new Map());
  if (years.length === 0) return byYear;
  const procedures = new Set(p.objectivityJournalProcedures);
  countParticipantMarks(byYear, scores, scalesBySubject(scales), procedures);
  if (results.length > 0) countAggregatedMarks(byYear, scores, results, procedures);
  return byYear;
}

/** Participant rows with a journal mark: the procedure mark given, or the one the year's scale gives the score. */
function countParticipantMarks(
  byYear: Map<number, Map<string, Counts>>,
  scores: readonly ParticipantScore[],
  byKey: Map<string, Map<number, Map<string, YearScales>>>,
  procedures: ReadonlySet<string>,
): void {
  let lastYear: number | undefined;
  let out: Map<string, Counts> | undefined;
  let lastSchool: string | undefined;
  let c: Counts | undefined;
  for (const r of scores) {
    if (r.journalMark === null || r.journalMark === undefined) continue;
    if (r.year !== lastYear) {
      lastYear = r.year;
      out = byYear.get(r.year);
      c = undefined;
    }
    if (out === undefined || !procedures.has(r.procedure)) continue;
    let mark = r.mark ?? null;
    if (mark === null) {
      const entry = byKey.get(r.procedure)?.get(r.grade)?.get(r.subject);
      const scale = entry === undefined ? undefined : (entry.byYear?.get(r.year) ?? entry.any);
      mark = scale === undefined ? null : markFromScore(r.score, scale);
    }
    if (mark === null) continue;
    if (c === undefined || r.schoolId !== lastSchool) {
      lastSchool = r.schoolId;
      c = out.get(r.schoolId);
      if (c === undefined) out.set(r.schoolId, (c = { compared: 0, lowered: 0 }));
    }
    c.compared++;
    if (mark < r.journalMark) c.lowered++;
  }
}

/**
 * Aggregated rows' «понизили / подтвердили / повысили», where the school × year × procedure × grade
 * has no participant rows (those were compared mark by mark).
 */
function countAggregatedMarks(
  byYear: Map<number, Map<string, Counts>>,
  scores: readonly ParticipantScore[],
  results: readonly AggregatedResult[],
  procedures: ReadonlySet<string>,
): void {
  const gradeKey = (r: { schoolId: string; year: number; procedure: string; grade: number }): string => `${r.schoolId}\u0000${r.year}\u0000${r.procedure}\u0000${r.grade}`;
  // The grades with participant rows, built only when an aggregated row carries a comparison, and
  // one key per run of rows of the same grade (rows come grade by grade), not one per row.
  let withScores: Set<string> | undefined;
  const gradesWithScores = (): Set<string> => {
    const keys = new Set<string>();
    let prev: ParticipantScore | undefined;
    for (const r of scores) {
      if (!byYear.has(r.year)) continue;
      if (prev !== undefined && r.schoolId === prev.schoolId && r.year === prev.year && r.procedure === prev.procedure && r.grade === prev.grade) continue;
      prev = r;
      keys.add(gradeKey(r));
    }
    return keys;
  };
  for (const r of results) {
    const out = byYear.get(r.year);
    if (out === undefined || r.subject === ALL_SUBJECTS || !procedures.has(r.procedure)) continue;
    const j = rowJournal(r);
    if (j === null || j.compared === 0) continue;
    if ((withScores ??= gradesWithScores()).has(gradeKey(r))) continue;
    const c = out.get(r.schoolId) ?? { compared: 0, lowered: 0 };
    c.compared += j.compared;
    c.lowered += j.lowered;
    out.set(r.schoolId, c);
  }
}
