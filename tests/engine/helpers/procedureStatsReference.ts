/**
 * Indices of the assessment procedures at each school and year (SPEC.md §2; seed 000 "индексы",
 * seed 002 indicators 2–3), built in one pass over the participant rows and the aggregated rows.
 *
 * A (school, year, procedure, grade) with participant rows is computed from them; aggregated rows
 * for the same key then only contribute the grade size (`Численность параллели`).
 */
import type { MethodologyParameters } from "../../../src/engine/methodology";
import { markFromScore, weightedShare } from "../../../src/engine/subjectIndices";
import { thresholds, type Thresholds } from "../../../src/engine/thresholds";
import { ALL_SUBJECTS, type AggregatedResult, type Issue, type ParticipantScore, type Scale } from "../../../src/engine/types";

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

const SEP = "\u0001";

/**
 * Scores are summed as integers in millionths of a point: the sum is exact, so the mean does
 * not depend on the order of the rows (floating-point addition does), and 1,000,000 rows of
 * scores up to 100 stay far below 2^53.
 */
const SCORE_UNITS = 1_000_000;

export function scaleKey(procedure: string, grade: number, subject: string): string {
  return procedure + SEP + grade + SEP + subject;
}

interface ScaleInfo {
  readonly scale: Scale;
  readonly t: Thresholds;
}

/** A subject's scales: the row without a year, and the rows of single years (SPEC §1 `Год`). */
interface ScaleEntry {
  any: ScaleInfo | undefined;
  byYear: Map<number, ScaleInfo> | null;
}

function scaleOf(e: ScaleEntry | undefined, year: number): ScaleInfo | undefined {
  if (e === undefined) return undefined;
  return (e.byYear === null ? undefined : e.byYear.get(year)) ?? e.any;
}

interface SubjectAcc {
  subject: string;
  mass: boolean;
  participants: number;
  belowMin: number;
  atLeastMid: number;
  atLeastTop: number;
  belowScaleMin: number;
  highBand: number;
  mark2: number;
  marks45: number;
  marked: number;
  scoreSum: number;
  atCut3: number;
  belowCut3ByOne: number;
  journalCompared: number;
  raised: number;
}

interface KeyAcc {
  schoolId: string;
  year: number;
  procedure: string;
  grade: number;
  subjects: Map<string, SubjectAcc>;
  /**
   * participantId → bit 1: below B_min in a mass subject; bit 2: at or above B_top somewhere;
   * bit 4: below the scale's minimum in a mass subject.
   */
  participants: Map<string, number>;
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
  const scaleMap = new Map<string, ScaleEntry>();
  // Nested lookup procedure → grade → subject: no key string is built per score row.
  const scaleTree = new Map<string, Map<number, Map<string, ScaleEntry>>>();
  for (const s of scales) {
    const info = { scale: s, t: thresholds(s, params.margin) };
    let byGrade = scaleTree.get(s.procedure);
    if (byGrade === undefined) scaleTree.set(s.procedure, (byGrade = new Map()));
    let bySubject = byGrade.get(s.grade);
    if (bySubject === undefined) byGrade.set(s.grade, (bySubject = new Map()));
    let entry = bySubject.get(s.subject);
    if (entry === undefined) {
      entry = { any: undefined, byYear: null };
      bySubject.set(s.subject, entry);
      scaleMap.set(scaleKey(s.procedure, s.grade, s.subject), entry);
    }
    if (s.year === undefined || s.year === null) entry.any = info;
    else (entry.byYear ??= new Map()).set(s.year, info);
  }
  const missingScales = new Set<string>();

  const keys = new Map<string, KeyAcc>();
  let acc: KeyAcc | undefined;
  for (const row of scores) {
    const info = scaleOf(scaleTree.get(row.procedure)?.get(row.grade)?.get(row.subject), row.year);
    if (info === undefined) {
      missingScales.add(scaleKey(row.procedure, row.grade, row.subject));
      continue;
    }
    // Rows usually come school by school: reuse the last key's accumulator while it matches.
    if (acc === undefined || acc.schoolId !== row.schoolId || acc.year !== row.year || acc.procedure !== row.procedure || acc.grade !== row.grade) {
      const k = row.schoolId + SEP + row.year + SEP + row.procedure + SEP + row.grade;
      acc = keys.get(k);
      if (acc === undefined) {
        acc = { schoolId: row.schoolId, year: row.year, procedure: row.procedure, grade: row.grade, subjects: new Map(), participants: new Map() };
        keys.set(k, acc);
      }
    }
    let sub = acc.subjects.get(row.subject);
    if (sub === undefined) {
      sub = {
        subject: row.subject,
        mass: info.scale.mass,
        participants: 0,
        belowMin: 0,
        atLeastMid: 0,
        atLeastTop: 0,
        belowScaleMin: 0,
        highBand: 0,
        mark2: 0,
        marks45: 0,
        marked: 0,
        scoreSum: 0,
        atCut3: 0,
        belowCut3ByOne: 0,
        journalCompared: 0,
        raised: 0,
      };
      acc.subjects.set(row.subject, sub);
    }
    const score = row.score;
    const t = info.t;
    sub.participants++;
    sub.scoreSum += Math.round(score * SCORE_UNITS);
    let flags = acc.participants.get(row.participantId) ?? 0;
    if (score < t.bMin) {
      sub.belowMin++;
      if (info.scale.mass) flags |= 1;
    }
    if (score >= t.bMid) sub.atLeastMid++;
    if (score >= t.bTop) {
      sub.atLeastTop++;
      flags |= 2;
    }
    if (score < info.scale.minScore) {
      sub.belowScaleMin++;
      if (info.scale.mass) flags |= 4;
    }
    if (score >= params.bryanskEgeHighFrom) sub.highBand++;
    const cut3 = info.scale.cut3;
    if (cut3 !== null) {
      if (score === cut3) sub.atCut3++;
      else if (score === cut3 - 1) sub.belowCut3ByOne++;
    }
    const mark = row.mark ?? markFromScore(score, info.scale);
    if (mark !== null) {
      sub.marked++;
      if (mark <= 2) sub.mark2++;
      else if (mark >= 4) sub.marks45++;
      const journal = row.journalMark;
      if (journal !== null && journal !== undefined) {
        sub.journalCompared++;
        if (mark > journal) sub.raised++;
      }
    }
    acc.participants.set(row.participantId, flags);
  }

  // Aggregated rows, grouped by the same key; keys with participant rows only keep the grade size.
  const aggregated = new Map<string, AggregatedResult[]>();
  for (const row of results) {
    const k = row.schoolId + SEP + row.year + SEP + row.procedure + SEP + row.grade;
    const list = aggregated.get(k);
    if (list === undefined) aggregated.set(k, [row]);
    else list.push(row);
  }

  const gradeStats = new Map<string, { gradeStat: GradeStat; subjects: SubjectStat[]; scoreSum: number; scored: number; meta: KeyMeta }>();
  for (const [k, acc] of keys) {
    const subjects: SubjectStat[] = [];
    let scoreSum = 0;
    let scored = 0;
    let midNum = 0;
    let subjectDen = 0;
    let journalCompared = 0;
    let raised = 0;
    for (const sub of [...acc.subjects.values()].sort((a, b) => cmp(a.subject, b.subject))) {
      subjects.push({
        grade: acc.grade,
        subject: sub.subject,
        mass: sub.mass,
        participants: sub.participants,
        belowMin: sub.belowMin,
        atLeastMid: sub.atLeastMid,
        atLeastTop: sub.atLeastTop,
        belowScaleMin: sub.belowScaleMin,
        highBand: sub.highBand,
        mark2: sub.marked > 0 ? sub.mark2 : null,
        marks45: sub.marked > 0 ? sub.marks45 : null,
        marked: sub.marked,
        meanScore: sub.participants > 0 ? sub.scoreSum / SCORE_UNITS / sub.participants : null,
        atCut3: sub.atCut3,
        belowCut3ByOne: sub.belowCut3ByOne,
      });
      scoreSum += sub.scoreSum / SCORE_UNITS;
      scored += sub.participants;
      midNum += sub.atLeastMid;
      subjectDen += sub.participants;
      journalCompared += sub.journalCompared;
      raised += sub.raised;
    }
    let lowCount = 0;
    let highCount = 0;
    let belowScaleMinCount = 0;
    for (const flags of acc.participants.values()) {
      if (flags & 1) lowCount++;
      if (flags & 2) highCount++;
      if (flags & 4) belowScaleMinCount++;
    }
    const n = acc.participants.size;
    gradeStats.set(k, {
      gradeStat: {
        grade: acc.grade,
        participants: n,
        low: n > 0 ? lowCount / n : null,
        mass: subjectDen > 0 ? midNum / subjectDen : null,
        high: n > 0 ? highCount / n : null,
        gradeSize: maxOf((aggregated.get(k) ?? []).map((r) => r.gradeSize)),
        fromParticipants: true,
        belowScaleMin: n > 0 ? belowScaleMinCount / n : null,
        massResults: subjectDen,
        journalCompared,
        raisedVsJournal: raised,
        approximate: false,
      },
      subjects,
      scoreSum,
      scored,
      meta: { schoolId: acc.schoolId, year: acc.year, procedure: acc.procedure },
    });
  }
  for (const [k, rows] of aggregated) {
    if (gradeStats.has(k)) continue;
    const first = rows[0] as AggregatedResult;
    const subjects: SubjectStat[] = [];
    let scoreSum = 0;
    let scored = 0;
    // The row «все» carries the procedure-level counts (SPEC §2); the others are subjects.
    const whole = rows.find((r) => r.subject === ALL_SUBJECTS);
    for (const r of [...rows].sort((a, b) => cmp(a.subject, b.subject))) {
      if (r.subject === ALL_SUBJECTS) continue;
      const info = scaleOf(scaleMap.get(scaleKey(r.procedure, r.grade, r.subject)), r.year);
      if (info === undefined) missingScales.add(scaleKey(r.procedure, r.grade, r.subject));
      subjects.push({
        grade: r.grade,
        subject: r.subject,
        mass: info?.scale.mass ?? false,
        participants: r.participants,
        belowMin: r.belowMin,
        atLeastMid: r.atLeastMid,
        atLeastTop: r.atLeastTop,
        belowScaleMin: r.belowScaleMin ?? null,
        highBand: r.highBand ?? null,
        mark2: r.mark2,
        marks45: r.marks45,
        marked: r.mark2 !== null || r.marks45 !== null ? r.participants : 0,
        meanScore: r.meanScore,
        atCut3: null,
        belowCut3ByOne: null,
      });
      if (r.meanScore !== null && r.participants > 0) {
        scoreSum += r.meanScore * r.participants;
        scored += r.participants;
      }
    }
    const participants = whole !== undefined ? whole.participants : Math.max(0, ...subjects.map((s) => s.participants));
    const massSubjects = subjects.filter((s) => s.mass);
    const wholeShare = (c: number | null | undefined): number | null => (c === null || c === undefined || participants <= 0 ? null : c / participants);
    const low = wholeShare(whole?.procedureLow);
    const high = wholeShare(whole?.procedureHigh);
    const belowScaleMin = wholeShare(whole?.procedureBelowScaleMin);
    gradeStats.set(k, {
      gradeStat: {
        grade: first.grade,
        participants,
        // Without the procedure-level counts: the largest subject share, a lower bound (§2).
        low: low ?? largestShare(massSubjects, (s) => s.belowMin),
        mass: countShare(subjects, (s) => s.atLeastMid),
        high: high ?? largestShare(subjects, (s) => s.atLeastTop),
        gradeSize: maxOf(rows.map((r) => r.gradeSize)),
        fromParticipants: false,
        belowScaleMin: belowScaleMin ?? largestShare(massSubjects, (s) => s.belowScaleMin) ?? largestShare(massSubjects, (s) => s.mark2),
        massResults: countDen(subjects, (s) => s.atLeastMid),
        journalCompared: 0,
        raisedVsJournal: 0,
        approximate: low === null || high === null,
      },
      subjects,
      scoreSum,
      scored,
      meta: { schoolId: first.schoolId, year: first.year, procedure: first.procedure },
    });
  }

  // Pool the grades of a procedure (or keep them apart with procedureUnit = procedureGrade).
  const byProcedure = new Map<string, { meta: KeyMeta; unit: string; parts: { gradeStat: GradeStat; subjects: SubjectStat[]; scoreSum: number; scored: number }[] }>();
  for (const g of gradeStats.values()) {
    const unit = params.procedureUnit === "procedureGrade" ? `${g.meta.procedure} ${g.gradeStat.grade} кл.` : g.meta.procedure;
    const k = g.meta.schoolId + SEP + g.meta.year + SEP + unit;
    const entry = byProcedure.get(k);
    if (entry === undefined) byProcedure.set(k, { meta: g.meta, unit, parts: [g] });
    else entry.parts.push(g);
  }
  const stats: ProcedureStat[] = [];
  for (const { meta, unit, parts } of byProcedure.values()) {
    parts.sort((a, b) => a.gradeStat.grade - b.gradeStat.grade);
    const grades = parts.map((p) => p.gradeStat);
    const participants = grades.reduce((s, g) => s + g.participants, 0);
    let sized = 0;
    let gradeSize = 0;
    for (const g of grades) {
      if (g.gradeSize !== null && g.gradeSize > 0) {
        sized += g.participants;
        gradeSize += g.gradeSize;
      }
    }
    const scoreSum = parts.reduce((s, p) => s + p.scoreSum, 0);
    const scored = parts.reduce((s, p) => s + p.scored, 0);
    stats.push({
      schoolId: meta.schoolId,
      year: meta.year,
      procedure: unit,
      baseProcedure: meta.procedure,
      participants,
      low: weightedShare(grades.map((g) => ({ share: g.low, weight: g.participants }))),
      mass: weightedShare(grades.map((g) => ({ share: g.mass, weight: g.participants }))),
      high: weightedShare(grades.map((g) => ({ share: g.high, weight: g.participants }))),
      participation: gradeSize > 0 ? sized / gradeSize : null,
      fromParticipants: grades.every((g) => g.fromParticipants),
      meanScore: scored > 0 ? scoreSum / scored : null,
      gradeSize: gradeSize > 0 ? gradeSize : null,
      belowScaleMin: weightedShare(grades.map((g) => ({ share: g.belowScaleMin, weight: g.participants }))),
      massResults: grades.reduce((s, g) => s + g.massResults, 0),
      journalCompared: grades.reduce((s, g) => s + g.journalCompared, 0),
      raisedVsJournal: grades.reduce((s, g) => s + g.raisedVsJournal, 0),
      approximate: grades.some((g) => g.approximate),
      grades,
      subjects: parts.flatMap((p) => p.subjects),
    });
  }
  stats.sort((a, b) => cmp(a.schoolId, b.schoolId) || a.year - b.year || cmp(a.procedure, b.procedure));

  const issues: Issue[] = [...missingScales].sort(cmp).map((sk) => {
    const [procedure, grade, subject] = sk.split(SEP);
    return {
      severity: "warning" as const,
      code: "engine.noScale",
      sheet: "Шкалы",
      cell: null,
      message: `Нет строки шкалы для «${procedure}», ${grade} класс, «${subject}»: эти результаты не учтены`,
    };
  });
  return { stats, issues };
}

interface KeyMeta {
  readonly schoolId: string;
  readonly year: number;
  readonly procedure: string;
}

/** The largest count ÷ participants among the subjects whose count is known. */
function largestShare(subjects: readonly SubjectStat[], pick: (s: SubjectStat) => number | null): number | null {
  let best: number | null = null;
  for (const s of subjects) {
    const c = pick(s);
    if (c === null || s.participants <= 0) continue;
    const v = c / s.participants;
    if (best === null || v > best) best = v;
  }
  return best;
}

/** Σ participants over the subjects whose count is known. */
function countDen(subjects: readonly SubjectStat[], pick: (s: SubjectStat) => number | null): number {
  let den = 0;
  for (const s of subjects) if (pick(s) !== null && s.participants > 0) den += s.participants;
  return den;
}

/** Σ count ÷ Σ participants over the subjects whose count is known. */
function countShare(subjects: readonly SubjectStat[], pick: (s: SubjectStat) => number | null): number | null {
  let num = 0;
  let den = 0;
  for (const s of subjects) {
    const c = pick(s);
    if (c === null || s.participants <= 0) continue;
    num += c;
    den += s.participants;
  }
  return den > 0 ? num / den : null;
}

function maxOf(values: readonly (number | null)[]): number | null {
  let best: number | null = null;
  for (const v of values) if (v !== null && (best === null || v > best)) best = v;
  return best;
}

/** Code-point order: deterministic on every machine, unlike localeCompare. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
