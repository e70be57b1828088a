/**
 * Indices of the assessment procedures at each school and year (SPEC.md §2; seed 000 "индексы",
 * seed 002 indicators 2–3), built in one pass over the participant rows and the aggregated rows:
 * stats/scaleIndex numbers the scales, stats/scoreCounts counts the score rows into typed arrays,
 * stats/gradeStats makes each grade's statistics, stats/pool pools the grades of a procedure.
 *
 * A (school, year, procedure, grade) with participant rows is computed from them; aggregated rows
 * for the same key then only contribute the grade size (`Численность параллели`).
 */
import type { MethodologyParameters } from "./methodology";
import { gradeFromAggregated, gradeFromCounts, gradeKey, type GradePart } from "./stats/gradeStats";
import { cmp } from "./stats/order";
import { poolGrades } from "./stats/pool";
import { buildScaleIndex, splitScaleKey } from "./stats/scaleIndex";
import { countScores, type ScoreCounts } from "./stats/scoreCounts";
import type { AggregatedResult, Issue, ParticipantScore, Scale } from "./types";

export { cmp } from "./stats/order";
export { scaleKey } from "./stats/scaleIndex";

/** Counts of one subject in one grade of one procedure at one school in one year. */
export interface SubjectStat {
  readonly grade: number;
  readonly subject: string;
  readonly mass: boolean;
  readonly participants: number;
  readonly belowMin: number | null;
  readonly atLeastMid: number | null;
  readonly atLeastTop: number | null;
  /** Below the scale's minimum score itself (participant rows only; Брянск ЕГЭ). */
  readonly belowScaleMin: number | null;
  /** At or above `bryanskEgeHighFrom` (participant rows only; Брянск ЕГЭ 61–100). */
  readonly highBand: number | null;
  readonly mark2: number | null;
  readonly marks45: number | null;
  /** Participants whose mark is known (the denominator of mark shares). */
  readonly marked: number;
  readonly meanScore: number | null;
  /** §4 `boundaryPeak` (participant rows, `Балл для «3»` known): scored exactly the cut for «3», and one point less. */
  readonly atCut3: number | null;
  readonly belowCut3ByOne: number | null;
}

/** §4 inputs of one grade (or unit) beside the three indices. */
export interface NonObjectivityInputs {
  /** `b`: share below the official minimum in at least one mass subject (null: unknown). */
  readonly belowScaleMin: number | null;
  /** Subject results behind the mass index (its Wilson denominator). */
  readonly massResults: number;
  /** `Отметка по журналу` compared: results with both marks, and those whose procedure mark is higher. */
  readonly journalCompared: number;
  readonly raisedVsJournal: number;
  /** Aggregated rows without the procedure-level counts: the low and high indices are lower bounds (§2). */
  readonly approximate: boolean;
}

export interface GradeStat extends NonObjectivityInputs {
  readonly grade: number;
  /** Distinct participants (participant rows) or the largest subject's participants (aggregated). */
  readonly participants: number;
  readonly low: number | null;
  readonly mass: number | null;
  readonly high: number | null;
  readonly gradeSize: number | null;
  readonly fromParticipants: boolean;
}

/** One procedure (or procedure in a grade, by `procedureUnit`) at one school in one year. */
export interface ProcedureStat extends NonObjectivityInputs {
  readonly schoolId: string;
  readonly year: number;
  /** The procedure as the rules see it: "ВПР", or "ВПР 5 кл." with `procedureUnit = procedureGrade`. */
  readonly procedure: string;
  /** The procedure's own name ("ВПР"), whatever the unit. */
  readonly baseProcedure: string;
  readonly participants: number;
  readonly low: number | null;
  readonly mass: number | null;
  readonly high: number | null;
  readonly participation: number | null;
  readonly fromParticipants: boolean;
  readonly meanScore: number | null;
  /** Pupils of the grades whose size is known, and the participants of those grades (`u`'s parts). */
  readonly gradeSize: number | null;
  readonly grades: readonly GradeStat[];
  readonly subjects: readonly SubjectStat[];
}

/**
 * Procedure statistics for every school, year and procedure present in the data.
 * Rows whose procedure × grade × subject has no scale are skipped and reported once per scale key.
 *
 * @example
 * // ВПР subject min 7, max 20, top 15, m = 0.05 and scores {7, 8, 11, 12, 15, 20}:
 * // low 1/6, mass 3/6, high 2/6 (SPEC.md §10).
 */
export function procedureStats(
  results: readonly AggregatedResult[],
  scores: readonly ParticipantScore[],
  scales: readonly Scale[],
  params: MethodologyParameters,
): { stats: ProcedureStat[]; issues: Issue[] } {
  const { stats, issues } = counted(results, scores, scales, params, null);
  return { stats, issues };
}

/**
 * {@link procedureStats} with the counts of the score rows behind them, from which the
 * attainment levels are read (attainmentFromCounts) without another pass over the rows.
 */
export function procedureCounts(
  results: readonly AggregatedResult[],
  scores: readonly ParticipantScore[],
  scales: readonly Scale[],
  params: MethodologyParameters,
): { stats: ProcedureStat[]; issues: Issue[]; counts: ScoreCounts } {
  return counted(results, scores, scales, params, params.levelCuts);
}

function counted(
  results: readonly AggregatedResult[],
  scores: readonly ParticipantScore[],
  scales: readonly Scale[],
  params: MethodologyParameters,
  levelCuts: readonly number[] | null,
): { stats: ProcedureStat[]; issues: Issue[]; counts: ScoreCounts } {
  const index = buildScaleIndex(scales, params.margin);
  const counts = countScores(scores, index, params, levelCuts);
  const missingScales = new Set(counts.missingScales);
  // Aggregated rows of a key with score rows only give its grade size (the largest, NaN: none);
  // the others are grouped by their own key, in the order first met.
  const gradeSize = new Float64Array(counts.keys).fill(NaN);
  const aggregated = new Map<string, AggregatedResult[]>();
  for (const row of results) {
    const k = counts.keyOf(row.schoolId, row.year, row.procedure, row.grade);
    if (k === -1) {
      const key = gradeKey(row.schoolId, row.year, row.procedure, row.grade);
      const list = aggregated.get(key);
      if (list === undefined) aggregated.set(key, [row]);
      else list.push(row);
    } else if (row.gradeSize !== null && !((row.gradeSize as number) <= (gradeSize[k] as number))) gradeSize[k] = row.gradeSize;
  }
  const parts: GradePart[] = [];
  for (let k = 0; k < counts.keys; k++) {
    const size = gradeSize[k] as number;
    parts.push(gradeFromCounts(counts, k, Number.isNaN(size) ? null : size));
  }
  for (const rows of aggregated.values()) parts.push(gradeFromAggregated(rows, index, missingScales));
  const stats = poolGrades(parts, params);
  const issues: Issue[] = [...missingScales].sort(cmp).map((sk) => {
    const [procedure, grade, subject] = splitScaleKey(sk);
    return {
      severity: "warning" as const,
      code: "engine.noScale",
      sheet: "Шкалы",
      cell: null,
      message: `Нет строки шкалы для «${procedure}», ${grade} класс, «${subject}»: эти результаты не учтены`,
    };
  });
  return { stats, issues, counts };
}
