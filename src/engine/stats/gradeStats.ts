/**
 * The statistics of one school × year × procedure × grade (SPEC.md §2): from the participant
 * counts of {@link countScores} when the key has score rows, otherwise from its aggregated rows
 * («Результаты»), whose only other use is the grade size.
 */
import { gradeJournal } from "../journalCounts";
import type { GradeStat, SubjectStat } from "../procedureStats";
import { ALL_SUBJECTS, type AggregatedResult } from "../types";
import { cmp } from "./order";
import { lookupScale, scaleKey, type ScaleIndex } from "./scaleIndex";
import { F, SCORE_UNITS, STRIDE, type ScoreCounts } from "./scoreCounts";

const SEP = "\u0001";

// Imported bindings are read through getters once the modules are compiled to CommonJS (tsx,
// ts-jest): copied here once, the loops below read plain constants.
const { participants: P, belowMin: BELOW, atLeastMid: MID, atLeastTop: TOP, belowScaleMin: BSM, highBand: HIGH_BAND } = F;
const { mark2: M2, marks45: M45, marked: MARKED, atCut3: CUT3, belowCut3ByOne: CUT3M1, journalCompared: JC, raised: RAISED } = F;
const UNITS = SCORE_UNITS;
const WIDTH = STRIDE;

/** A grade's statistics with what pooling the grades of a procedure needs. */
export interface GradePart {
  readonly schoolId: string;
  readonly year: number;
  readonly procedure: string;
  readonly gradeStat: GradeStat;
  readonly subjects: SubjectStat[];
  /** Σ score over the subjects' results, and those results (the mean's parts). */
  readonly scoreSum: number;
  readonly scored: number;
}

export function gradeKey(schoolId: string, year: number, procedure: string, grade: number): string {
  return schoolId + SEP + year + SEP + procedure + SEP + grade;
}

function subjectFromCounts(c: Int32Array, at: number, sum: number, grade: number, subject: string, mass: boolean): SubjectStat {
  const participants = c[at + P] as number;
  const marked = c[at + MARKED] as number;
  return {
    grade,
    subject,
    mass,
    participants,
    belowMin: c[at + BELOW] as number,
    atLeastMid: c[at + MID] as number,
    atLeastTop: c[at + TOP] as number,
    belowScaleMin: c[at + BSM] as number,
    highBand: c[at + HIGH_BAND] as number,
    mark2: marked > 0 ? (c[at + M2] as number) : null,
    marks45: marked > 0 ? (c[at + M45] as number) : null,
    marked,
    meanScore: participants > 0 ? sum / UNITS / participants : null,
    atCut3: c[at + CUT3] as number,
    belowCut3ByOne: c[at + CUT3M1] as number,
  };
}

/** The grade of key `k` of the score counts; `gradeSize` is the largest of its aggregated rows', if any. */
export function gradeFromCounts(counts: ScoreCounts, k: number, gradeSize: number | null): GradePart {
  const gs = counts.gradeOf[k] as (typeof counts.gradeOf)[number];
  const year = counts.yearOf[k] as number;
  const c = counts.counters;
  const sums = counts.scoreSums;
  const base = counts.subjectBase[k] as number;
  const subjects: SubjectStat[] = [];
  let scoreSum = 0;
  let scored = 0;
  let midNum = 0;
  let journalCompared = 0;
  let raised = 0;
  for (const entry of gs.ordered) {
    const slot = base + entry.local;
    const at = slot * WIDTH;
    const n = c[at + P] as number;
    if (n === 0) continue;
    // The subject's scale in this year is the one its rows were counted with.
    const mass = (entry.byYear?.get(year) ?? entry.any)?.scale.mass ?? false;
    const sum = sums[slot] as number;
    subjects.push(subjectFromCounts(c, at, sum, gs.grade, entry.subject, mass));
    scoreSum += sum / UNITS;
    scored += n;
    midNum += c[at + MID] as number;
    journalCompared += c[at + JC] as number;
    raised += c[at + RAISED] as number;
  }
  const n = counts.participants[k] as number;
  const gradeStat: GradeStat = {
    grade: gs.grade,
    participants: n,
    low: n > 0 ? (counts.lowCount[k] as number) / n : null,
    mass: scored > 0 ? midNum / scored : null,
    high: n > 0 ? (counts.highCount[k] as number) / n : null,
    gradeSize,
    fromParticipants: true,
    belowScaleMin: n > 0 ? (counts.belowScaleMinCount[k] as number) / n : null,
    massResults: scored,
    journalCompared,
    raisedVsJournal: raised,
    approximate: false,
  };
  return { schoolId: counts.schoolOf[k] as string, year, procedure: gs.procedure, gradeStat, subjects, scoreSum, scored };
}

function subjectFromRow(r: AggregatedResult, mass: boolean): SubjectStat {
  return {
    grade: r.grade,
    subject: r.subject,
    mass,
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
  };
}

/** The grade of a key with aggregated rows only; subjects without a scale go to `missingScales`. */
export function gradeFromAggregated(rows: readonly AggregatedResult[], index: ScaleIndex, missingScales: Set<string>): GradePart {
  const first = rows[0] as AggregatedResult;
  const subjects: SubjectStat[] = [];
  let scoreSum = 0;
  let scored = 0;
  // The row «все» carries the procedure-level counts (SPEC §2); the others are subjects.
  const whole = rows.find((r) => r.subject === ALL_SUBJECTS);
  for (const r of [...rows].sort((a, b) => cmp(a.subject, b.subject))) {
    if (r.subject === ALL_SUBJECTS) continue;
    const info = lookupScale(index, r.procedure, r.grade, r.subject, r.year);
    if (info === undefined) missingScales.add(scaleKey(r.procedure, r.grade, r.subject));
    subjects.push(subjectFromRow(r, info?.scale.mass ?? false));
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
  const journal = gradeJournal(rows);
  const gradeStat: GradeStat = {
    grade: first.grade,
    participants,
    // Without the procedure-level counts: the largest subject share, a lower bound (§2).
    low: low ?? largestShare(massSubjects, (s) => s.belowMin),
    mass: countShare(subjects, (s) => s.atLeastMid),
    high: high ?? largestShare(subjects, (s) => s.atLeastTop),
    gradeSize: maxOf(rows),
    fromParticipants: false,
    belowScaleMin: belowScaleMin ?? largestShare(massSubjects, (s) => s.belowScaleMin) ?? largestShare(massSubjects, (s) => s.mark2),
    massResults: countDen(subjects, (s) => s.atLeastMid),
    journalCompared: journal.compared,
    raisedVsJournal: journal.raised,
    approximate: low === null || high === null,
  };
  return { schoolId: first.schoolId, year: first.year, procedure: first.procedure, gradeStat, subjects, scoreSum, scored };
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

/** The largest grade size of the rows, or null. */
function maxOf(rows: readonly AggregatedResult[]): number | null {
  let best: number | null = null;
  for (const r of rows) if (r.gradeSize !== null && (best === null || r.gradeSize > best)) best = r.gradeSize;
  return best;
}
