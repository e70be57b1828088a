/**
 * The one pass over the participant score rows (SPEC.md §2, §4): per school × year × procedure ×
 * grade ("key") and subject, the counts behind the indices, the intervals and the signs, kept in
 * one growable Float64Array (no object per row, no key string per row), and per key the
 * participants' flags (below B_min in a mass subject, at or above B_top, below the scale's
 * minimum) kept in Int32Arrays.
 *
 * Rows usually come school by school and participant by participant; the last key and the last
 * participant are reused while they match, and any other order costs a few integer-keyed map
 * look-ups per row.
 */
import type { MethodologyParameters } from "../methodology";
import { markFromScore } from "../subjectIndices";
import type { ParticipantScore } from "../types";
import { scaleKey, scaleOf, type GradeScales, type ScaleIndex, type ScaleInfo } from "./scaleIndex";

/** Fields of one subject's counters, at `(subjectBase[key] + entry.local) * STRIDE + field`. */
export const F = {
  participants: 0,
  belowMin: 1,
  atLeastMid: 2,
  atLeastTop: 3,
  belowScaleMin: 4,
  highBand: 5,
  mark2: 6,
  marks45: 7,
  marked: 8,
  atCut3: 9,
  belowCut3ByOne: 10,
  journalCompared: 11,
  raised: 12,
  /** Seed 000's five attainment levels (SPEC §2, `levelCuts`): results at `level0 + 0…4`. */
  level0: 13,
} as const;
export const STRIDE = 18;
export const SCORE_UNITS = 1_000_000;

// Imported functions are read through getters once compiled to CommonJS (tsx, ts-jest): copied
// once here, the loop over a million rows calls them directly.
const markOf = markFromScore;
const scaleFor = scaleOf;

const LOW = 1;
const HIGH = 2;
const BELOW_SCALE_MIN = 4;

/** The counts of every key met, in the order met. */
export interface ScoreCounts {
  readonly keys: number;
  readonly schoolOf: readonly string[];
  readonly yearOf: readonly number[];
  readonly gradeOf: readonly GradeScales[];
  readonly subjectBase: Int32Array;
  /**
   * Integer counters (read as small integers, so the statistics made of them hold no boxed
   * doubles), and apart, per subject `subjectBase[key] + entry.local`, Σ score in millionths of a
   * point: exact, so the mean does not depend on the order of the rows.
   */
  readonly counters: Int32Array;
  readonly scoreSums: Float64Array;
  /** Per key: distinct participants, and those with each flag. */
  readonly participants: Int32Array;
  readonly lowCount: Int32Array;
  readonly highCount: Int32Array;
  readonly belowScaleMinCount: Int32Array;
  readonly missingScales: ReadonlySet<string>;
  /** The key of (school, year, procedure, grade), or -1 when no score row has it. */
  keyOf(schoolId: string, year: number, procedure: string, grade: number): number;
}

function grown<T extends Int32Array | Float64Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  let size = a.length;
  while (size < need) size *= 2;
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/** Keys of one school: (year number × procedure-grades + pg) → key; and its participants. */
interface SchoolKeys {
  /** A small array (years × procedure-grades), not a Map: rows in any order find their key by index. */
  readonly keys: number[];
  /** participantId → the newest record of that id at this school (older ones chained by `next`). */
  readonly pupils: Map<string, number>;
}

/** Adds 1 to `a[i]`. */
function inc(a: Int32Array, i: number): void {
  a[i] = (a[i] as number) + 1;
}

/**
 * Counts one score into the subject's counters at `at`; returns the participant's flags it sets.
 */
function countScore(c: Int32Array, sums: Float64Array, slot: number, row: ParticipantScore, info: ScaleInfo, highFrom: number, cuts: readonly number[] | null): number {
  const at = slot * STRIDE;
  const score = row.score;
  const t = info.t;
  const scale = info.scale;
  let flags = 0;
  inc(c, at + F.participants);
  sums[slot] = (sums[slot] as number) + Math.round(score * SCORE_UNITS);
  if (score < t.bMin) {
    inc(c, at + F.belowMin);
    if (scale.mass) flags |= LOW;
  }
  if (score >= t.bMid) inc(c, at + F.atLeastMid);
  if (score >= t.bTop) {
    inc(c, at + F.atLeastTop);
    flags |= HIGH;
  }
  if (score < scale.minScore) {
    inc(c, at + F.belowScaleMin);
    if (scale.mass) flags |= BELOW_SCALE_MIN;
  }
  if (score >= highFrom) inc(c, at + F.highBand);
  // The level as attainmentLevel gives it, p = score ÷ max against the four cuts.
  const max = scale.maxScore;
  if (cuts !== null && max > 0 && Number.isFinite(score)) {
    const q = score / max;
    inc(c, at + F.level0 + (q < (cuts[0] as number) ? 0 : q < (cuts[1] as number) ? 1 : q < (cuts[2] as number) ? 2 : q < (cuts[3] as number) ? 3 : 4));
  }
  const cut3 = scale.cut3;
  if (cut3 !== null) {
    if (score === cut3) inc(c, at + F.atCut3);
    else if (score === cut3 - 1) inc(c, at + F.belowCut3ByOne);
  }
  const mark = row.mark ?? markOf(score, scale);
  if (mark !== null) {
    inc(c, at + F.marked);
    if (mark <= 2) inc(c, at + F.mark2);
    else if (mark >= 4) inc(c, at + F.marks45);
    const journal = row.journalMark;
    if (journal !== null && journal !== undefined) {
      inc(c, at + F.journalCompared);
      if (mark > journal) inc(c, at + F.raised);
    }
  }
  return flags;
}

/** Keys, subject counters and participant records, growing as rows come. */
class Counter {
  private readonly nPg: number;
  private readonly schools = new Map<string, SchoolKeys>();
  private readonly yearNo = new Map<number, number>();
  readonly schoolOf: string[] = [];
  readonly yearOf: number[] = [];
  readonly gradeOf: GradeScales[] = [];
  subjectBase = new Int32Array(1024);
  counters = new Int32Array(1024 * STRIDE);
  scoreSums = new Float64Array(1024);
  private subjects = 0;
  // Participant records: key, flags, the previous record of the same id at the same school.
  recKey = new Int32Array(4096);
  recFlags = new Int32Array(4096);
  private recNext = new Int32Array(4096);
  records = 0;

  constructor(private readonly index: ScaleIndex) {
    this.nPg = Math.max(1, index.grades.length);
  }

  /** The key met for (school, year, procedure, grade), or -1; makes none. */
  keyOf(schoolId: string, year: number, procedure: string, grade: number): number {
    const school = this.schools.get(schoolId);
    const y = this.yearNo.get(year);
    const gs = this.index.tree.get(procedure)?.get(grade);
    if (school === undefined || y === undefined || gs === undefined) return -1;
    return school.keys[y * this.nPg + gs.pg] ?? -1;
  }

  school(schoolId: string): SchoolKeys {
    let s = this.schools.get(schoolId);
    if (s === undefined) this.schools.set(schoolId, (s = { keys: [], pupils: new Map() }));
    return s;
  }

  /** The key of (school, year, procedure × grade), made when first met. */
  key(school: SchoolKeys, schoolId: string, year: number, gs: GradeScales): number {
    let y = this.yearNo.get(year);
    if (y === undefined) this.yearNo.set(year, (y = this.yearNo.size));
    const composite = y * this.nPg + gs.pg;
    // -1: a slot before the last made, still without a key (the array stays packed).
    const found = school.keys[composite];
    if (found !== undefined && found !== -1) return found;
    const key = this.schoolOf.length;
    while (school.keys.length < composite) school.keys.push(-1);
    school.keys[composite] = key;
    this.schoolOf.push(schoolId);
    this.yearOf.push(year);
    this.gradeOf.push(gs);
    this.subjectBase = grown(this.subjectBase, key + 1);
    this.subjectBase[key] = this.subjects;
    this.subjects += gs.ordered.length;
    this.counters = grown(this.counters, this.subjects * STRIDE);
    this.scoreSums = grown(this.scoreSums, this.subjects);
    return key;
  }

  /** The record of participant `pupil` in `key`, made when first met. */
  record(school: SchoolKeys, pupil: string, key: number): number {
    const head = school.pupils.get(pupil);
    let rec = head ?? -1;
    while (rec !== -1 && this.recKey[rec] !== key) rec = this.recNext[rec] as number;
    if (rec !== -1) return rec;
    rec = this.records++;
    if (rec >= this.recKey.length) {
      this.recKey = grown(this.recKey, rec + 1);
      this.recFlags = grown(this.recFlags, rec + 1);
      this.recNext = grown(this.recNext, rec + 1);
    }
    this.recKey[rec] = key;
    this.recNext[rec] = head ?? -1;
    school.pupils.set(pupil, rec);
    return rec;
  }

  /** Distinct participants per key, and those with each flag. */
  finish(missingScales: ReadonlySet<string>): ScoreCounts {
    const keys = this.schoolOf.length;
    const participants = new Int32Array(keys);
    const lowCount = new Int32Array(keys);
    const highCount = new Int32Array(keys);
    const belowScaleMinCount = new Int32Array(keys);
    for (let r = 0; r < this.records; r++) {
      const k = this.recKey[r] as number;
      const flags = this.recFlags[r] as number;
      inc(participants, k);
      if (flags & LOW) inc(lowCount, k);
      if (flags & HIGH) inc(highCount, k);
      if (flags & BELOW_SCALE_MIN) inc(belowScaleMinCount, k);
    }
    const { schoolOf, yearOf, gradeOf, subjectBase, counters, scoreSums } = this;
    const keyOf = (schoolId: string, year: number, procedure: string, grade: number): number => this.keyOf(schoolId, year, procedure, grade);
    return { keys, schoolOf, yearOf, gradeOf, subjectBase, counters, scoreSums, participants, lowCount, highCount, belowScaleMinCount, missingScales, keyOf };
  }
}

/**
 * @param levelCuts the attainment levels' cuts, or null not to count levels (procedureStats alone:
 * its statistics then read no parameter but those of STATISTICS_PARAMETERS, compare/compare.ts).
 */
export function countScores(
  scores: readonly ParticipantScore[],
  index: ScaleIndex,
  params: Pick<MethodologyParameters, "bryanskEgeHighFrom">,
  levelCuts: readonly number[] | null,
): ScoreCounts {
  const highFrom = params.bryanskEgeHighFrom;
  const cuts = levelCuts === null ? null : [...levelCuts];
  const missingScales = new Set<string>();
  const counter = new Counter(index);
  // The last row's procedure × grade, key and participant: reused while they match.
  let lastProcedure: string | undefined;
  let lastGrade = NaN;
  let gs: GradeScales | undefined;
  let lastSchool: string | undefined;
  let lastYear = NaN;
  let keyGs: GradeScales | undefined;
  let school: SchoolKeys | undefined;
  let key = -1;
  let lastPupil: string | undefined;
  let pupilKey = -1;
  let rec = -1;
  for (let i = 0; i < scores.length; i++) {
    const row = scores[i] as ParticipantScore;
    if (row.procedure !== lastProcedure || row.grade !== lastGrade) {
      lastProcedure = row.procedure;
      lastGrade = row.grade;
      gs = index.tree.get(row.procedure)?.get(row.grade);
    }
    const entry = gs?.subjects.get(row.subject);
    const info = scaleFor(entry, row.year);
    if (info === undefined || entry === undefined || gs === undefined) {
      missingScales.add(scaleKey(row.procedure, row.grade, row.subject));
      continue;
    }
    if (school === undefined || row.schoolId !== lastSchool) {
      school = counter.school(row.schoolId);
      lastSchool = row.schoolId;
      key = -1;
    }
    if (key === -1 || row.year !== lastYear || gs !== keyGs) {
      key = counter.key(school, row.schoolId, row.year, gs);
      lastYear = row.year;
      keyGs = gs;
    }
    // The key first: rows in random order change key, and the id's text is then not read twice.
    if (key !== pupilKey || row.participantId !== lastPupil) {
      rec = counter.record(school, row.participantId, key);
      lastPupil = row.participantId;
      pupilKey = key;
    }
    const flags = countScore(counter.counters, counter.scoreSums, (counter.subjectBase[key] as number) + entry.local, row, info, highFrom, cuts);
    if (flags !== 0) counter.recFlags[rec] = (counter.recFlags[rec] as number) | flags;
  }
  return counter.finish(missingScales);
}
