/**
 * Step 3 of validation, cross-row rules: duplicates, unknown schools, missing thresholds,
 * counts that do not add up, scores above the scale, results replaced by participant rows.
 * Each rule is a small function over read sheets that pushes issue drafts.
 */
import { ALL_SUBJECTS, type AggregatedResult, type ParticipantScore, type Scale, type School } from "../engine/types";
import { formatNumberRu } from "./issues";
import type { ReadRow, ReadSheet, RowList } from "./readSheet";
import { NestedMap } from "./keys";
import type { IssueSink } from "./sink";
import { looseKey } from "./text";

type Sheet<T> = ReadSheet<T>;

function col<T>(sheet: Sheet<T>, field: keyof T & string): number | null {
  return sheet.columns.get(field) ?? null;
}

/** Key of procedure × grade × subject, tolerant in the subject's spelling. */
export function scaleKey(procedure: string, grade: number, subject: string): string {
  return `${procedure}\u0000${grade}\u0000${looseKey(subject)}`;
}

/** Key of a scale row that names its year (`Год` on «Шкалы»). */
export function yearScaleKey(year: number, key: string): string {
  return `${year}\u0000${key}`;
}

/**
 * Scale rows whose `Год` has no results on «Результаты» or «Баллы»: a warning each (most often a
 * mistyped year); the row is left out.
 */
export function checkScaleYears(scales: Sheet<Scale>, rows: readonly ReadRow<Scale>[], years: ReadonlySet<number>, sink: IssueSink): ReadRow<Scale>[] {
  const kept: ReadRow<Scale>[] = [];
  for (const r of rows) {
    const y = r.value.year ?? null;
    if (y === null || years.has(y)) kept.push(r);
    else sink.push({ code: "scale-year-without-results", sheet: scales.name, row: r.row, column: col(scales, "year"), details: { year: y } });
  }
  return kept;
}

export function scaleKeyText(procedure: string, grade: number, subject: string): string {
  return `${procedure}, ${grade} класс, ${subject}`;
}

function groupKeyText(r: { schoolId: string; year: number; procedure: string; grade: number }): string {
  return `ОО ${r.schoolId}, ${r.year} год, ${r.procedure}, ${r.grade} класс`;
}

/** Duplicate `Код ОО` on `Школы`. */
export function checkDuplicateSchools(schools: Sheet<School>, sink: IssueSink): void {
  const first = new Map<string, number>();
  for (const { row, value } of schools.rows) {
    // With the optional `Год` column a school repeats once per year.
    const key = typeof value.year === "number" ? `${value.id}\u0000${value.year}` : value.id;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, row);
    else sink.push({ code: "duplicate-school-id", sheet: schools.name, row, column: col(schools, "id"), received: value.id, details: { firstRow: seen + 1 } });
  }
}

/**
 * What a check keeps of a {@link RowList}: the list itself while it drops nothing (a million-row
 * sheet is copied only from its first dropped row), else the rows kept.
 */
export class KeptList<T> {
  private values: T[] | null = null;
  private at: number[] | null = null;
  constructor(private readonly list: RowList<T>) {}
  /** Row `i` of the list stays. */
  keep(i: number): void {
    if (this.values !== null) {
      this.values.push(this.list.values[i]!);
      this.at!.push(this.list.at[i]!);
    }
  }
  /** Row `i` of the list stays, with `value` instead of its own. */
  replace(i: number, value: T): void {
    this.drop(i);
    this.values!.push(value);
    this.at!.push(this.list.at[i]!);
  }
  /** Row `i` of the list is dropped (rows are kept or dropped in order). */
  drop(i: number): void {
    if (this.values === null) {
      this.values = this.list.values.slice(0, i);
      this.at = this.list.at.slice(0, i);
    }
  }
  get result(): RowList<T> {
    return this.values === null ? this.list : { values: this.values, at: this.at! };
  }
}

/** Rows of results or scores whose school is not on `Школы`. */
export function checkUnknownSchools<T extends { schoolId: string }>(sheet: Sheet<T>, list: RowList<T>, known: ReadonlySet<string>, sink: IssueSink): RowList<T> {
  const kept = new KeptList(list);
  const { values, at } = list;
  // Numeric codes by their value: "07013" and 7013 (a number shown as «00000») differ only by leading zeros.
  const byDigits = new Map<string, string>();
  for (const id of known) if (/^\d+$/.test(id)) byDigits.set(id.replace(/^0+(?=\d)/, ""), id);
  // A school's rows come together: its code was just looked up.
  let lastKnown: string | null = null;
  for (let i = 0; i < values.length; i++) {
    const id = values[i]!.schoolId;
    if (id === lastKnown || known.has(id)) {
      lastKnown = id;
      kept.keep(i);
    } else {
      kept.drop(i);
      const twin = /^\d+$/.test(id) ? byDigits.get(id.replace(/^0+(?=\d)/, "")) : undefined;
      sink.push({ code: "unknown-school", sheet: sheet.name, row: at[i]!, column: col(sheet, "schoolId"), received: id, ...(twin !== undefined ? { details: { twin } } : {}) });
    }
  }
  return kept.result;
}

/** Rows repeating an earlier row's key. */
export function checkDuplicateKeys<T>(
  sheet: Sheet<T>,
  rows: readonly ReadRow<T>[],
  key: (v: T) => string,
  keyText: (v: T) => string,
  code: "duplicate-result" | "duplicate-score" | "duplicate-scale",
  column: keyof T & string,
  sink: IssueSink,
): ReadRow<T>[] {
  const first = new Map<string, number>();
  const kept: ReadRow<T>[] = [];
  for (const r of rows) {
    const k = key(r.value);
    const seen = first.get(k);
    if (seen === undefined) {
      first.set(k, r.row);
      kept.push(r);
    } else {
      sink.push({ code, sheet: sheet.name, row: r.row, column: col(sheet, column), details: { key: keyText(r.value), firstRow: seen + 1 } });
    }
  }
  return kept;
}

/**
 * Rows of «Результаты» repeating an earlier row's school × year × procedure × grade × subject
 * (the subject by {@link looseKey}): {@link checkDuplicateKeys} with the key
 * `${groupKey(v)}\u0000${looseKey(v.subject)}`, looked up as group, then subject, so that only a
 * new group makes a key string. Parts holding a NUL themselves (never seen in a workbook) could
 * make the keys of different parts equal: their rows keep the one-string key, which only such
 * rows can share (theirs has more than four NULs).
 */
export function checkDuplicateResults(results: Sheet<AggregatedResult>, list: RowList<AggregatedResult>, sink: IssueSink): RowList<AggregatedResult> {
  const kept = new KeptList(list);
  const { values, at } = list;
  const groups = new Map<string, Map<string, number>>();
  const odd = new Map<string, number>();
  let last: AggregatedResult | null = null;
  let subjects: Map<string, number> | null = null;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (last === null || v.schoolId !== last.schoolId || v.year !== last.year || v.procedure !== last.procedure || v.grade !== last.grade) {
      last = v;
      if (v.schoolId.includes("\u0000") || v.procedure.includes("\u0000")) subjects = null;
      else {
        const g = groupKey(v);
        subjects = groups.get(g) ?? null;
        if (subjects === null) {
          subjects = new Map();
          groups.set(g, subjects);
        }
      }
    }
    const s = looseKey(v.subject);
    let seen: number | undefined;
    if (subjects !== null && !s.includes("\u0000")) {
      seen = subjects.get(s);
      if (seen === undefined) subjects.set(s, at[i]!);
    } else {
      const k = `${groupKey(v)}\u0000${s}`;
      seen = odd.get(k);
      if (seen === undefined) odd.set(k, at[i]!);
    }
    if (seen === undefined) kept.keep(i);
    else {
      kept.drop(i);
      sink.push({
        code: "duplicate-result",
        sheet: results.name,
        row: at[i]!,
        column: col(results, "subject"),
        details: { key: `ОО ${v.schoolId}, ${v.year} год, ${scaleKeyText(v.procedure, v.grade, v.subject)}`, firstRow: seen + 1 },
      });
    }
  }
  return kept.result;
}

/**
 * Rows of «Баллы» repeating an earlier row's school × year × procedure × grade × subject (by
 * {@link looseKey}) × participant (one key of six parts), looked up as school × year ×
 * procedure × grade (once per run of a school's rows), then subject among the group's few (by
 * identity: the same text gives the same key), then participant: one hashed look-up a row, no
 * array of parts, and one map per group and subject rather than per participant.
 */
export function checkDuplicateScores(scores: Sheet<ParticipantScore>, list: RowList<ParticipantScore>, sink: IssueSink): RowList<ParticipantScore> {
  const kept = new KeptList(list);
  const { values, at } = list;
  const groups = new NestedMap<SubjectMaps>(4);
  // Where every group is one run of rows (a school's rows together, as exports give them), a
  // group's maps are needed only during its run: they are dropped after it, young, instead of
  // a million entries kept to the end of the check.
  const runs = groupsAreRuns(values);
  let last: ParticipantScore | null = null;
  let group: SubjectMaps = { keys: [], maps: [] };
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (last === null || v.schoolId !== last.schoolId || v.year !== last.year || v.procedure !== last.procedure || v.grade !== last.grade) {
      last = v;
      if (runs) group = { keys: [], maps: [] };
      else {
        const parts = [v.schoolId, v.year, v.procedure, v.grade];
        const seenGroup = groups.get(parts);
        if (seenGroup === undefined) {
          group = { keys: [], maps: [] };
          groups.set(parts, group);
        } else group = seenGroup;
      }
    }
    const participants = subjectMap(group, looseKey(v.subject));
    const seen = participants.get(v.participantId);
    if (seen === undefined) {
      participants.set(v.participantId, at[i]!);
      kept.keep(i);
    } else {
      kept.drop(i);
      sink.push({
        code: "duplicate-score",
        sheet: scores.name,
        row: at[i]!,
        column: col(scores, "participantId"),
        details: { key: `${v.participantId} (ОО ${v.schoolId}, ${v.year} год, ${scaleKeyText(v.procedure, v.grade, v.subject)})`, firstRow: seen + 1 },
      });
    }
  }
  return kept.result;
}

/** Whether each school × year × procedure × grade of `rows` is one run of consecutive rows. */
function groupsAreRuns(rows: readonly ParticipantScore[]): boolean {
  const seen = new NestedMap<true>(4);
  let last: ParticipantScore | null = null;
  for (let i = 0; i < rows.length; i++) {
    const v = rows[i]!;
    if (last !== null && v.schoolId === last.schoolId && v.year === last.year && v.procedure === last.procedure && v.grade === last.grade) continue;
    last = v;
    if (seen.getOrSet([v.schoolId, v.year, v.procedure, v.grade], true) !== undefined) return false;
  }
  return true;
}

/** The subjects of one school × year × procedure × grade ({@link looseKey}s) and, for each, participant → first row. */
interface SubjectMaps {
  readonly keys: string[];
  readonly maps: Map<string, number>[];
  /** Subject → index, once a group has more subjects than a scan should look through. */
  index?: Map<string, number>;
}

const SUBJECTS_SCANNED = 16;

/** The participant map of subject `s` in `group`, created when missing. */
function subjectMap(group: SubjectMaps, s: string): Map<string, number> {
  let k = group.index === undefined ? group.keys.indexOf(s) : (group.index.get(s) ?? -1);
  if (k < 0) {
    k = group.keys.push(s) - 1;
    group.maps.push(new Map());
    if (group.index !== undefined) group.index.set(s, k);
    else if (group.keys.length > SUBJECTS_SCANNED) group.index = new Map(group.keys.map((key, i) => [key, i]));
  }
  return group.maps[k]!;
}

/** `Шкалы`: min ≤ max, min ≤ high ≤ max, cut-offs rising and within max. */
export function checkScaleRows(scales: Sheet<Scale>, rows: readonly ReadRow<Scale>[], sink: IssueSink): ReadRow<Scale>[] {
  const kept: ReadRow<Scale>[] = [];
  for (const r of rows) {
    const s = r.value;
    const at = (field: keyof Scale & string) => ({ sheet: scales.name, row: r.row, column: col(scales, field) });
    let ok = true;
    if (s.minScore > s.maxScore) {
      sink.push({ code: "scale-min-above-max", ...at("minScore"), details: { min: s.minScore, max: s.maxScore } });
      ok = false;
    }
    if (s.highScore > s.maxScore) {
      sink.push({ code: "scale-high-above-max", ...at("highScore"), details: { high: s.highScore, max: s.maxScore } });
      ok = false;
    } else if (s.highScore < s.minScore && s.minScore <= s.maxScore) {
      sink.push({ code: "scale-high-below-min", ...at("highScore"), details: { high: s.highScore, min: s.minScore } });
      ok = false;
    }
    const cuts = ([["cut3", s.cut3], ["cut4", s.cut4], ["cut5", s.cut5]] as const).filter((c): c is readonly ["cut3" | "cut4" | "cut5", number] => c[1] !== null);
    const bad = cuts.findIndex(([, v], i) => v > s.maxScore || (i > 0 && v <= (cuts[i - 1]?.[1] ?? -Infinity)));
    const badCut = cuts[bad];
    if (badCut !== undefined) {
      sink.push({
        code: "scale-cuts-unordered",
        ...at(badCut[0]),
        details: { max: s.maxScore, cuts: cuts.map(([f, v]) => `«${f.slice(3)}» от ${formatNumberRu(v)}`).join(", ") },
      });
      ok = false;
    }
    if (ok) kept.push(r);
  }
  return kept;
}

/** Counts of `Результаты` that cannot all be true at once. */
export function checkCounts(results: Sheet<AggregatedResult>, list: RowList<AggregatedResult>, sink: IssueSink): RowList<AggregatedResult> {
  const kept = new KeptList(list);
  const { values, at } = list;
  const header = (f: keyof AggregatedResult & string): string => LABELS[f] ?? f;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (plainlyConsistent(v)) {
      kept.keep(i);
      continue;
    }
    let ok = true;
    for (const [lf, rf] of COUNT_PAIRS) {
      const lv = v[lf] ?? null;
      const rv = v[rf] ?? null;
      if (lv === null || rv === null || lv <= rv) continue;
      sink.push({
        code: "counts-inconsistent",
        sheet: results.name,
        row: at[i]!,
        column: col(results, lf),
        details: { left: header(lf), leftValue: lv, right: header(rf), rightValue: rv },
      });
      ok = false;
    }
    // Below B_min and at least B_mid are disjoint groups of the participants.
    if (ok && v.belowMin !== null && v.atLeastMid !== null && v.belowMin + v.atLeastMid > v.participants) {
      sink.push({
        code: "counts-inconsistent",
        sheet: results.name,
        row: at[i]!,
        column: col(results, "atLeastMid"),
        details: { left: "«Ниже Bmin» + «Не ниже Bmid»", leftValue: v.belowMin + v.atLeastMid, right: LABELS.participants ?? "", rightValue: v.participants },
      });
      ok = false;
    }
    if (ok && v.mark2 !== null && v.marks45 !== null && v.mark2 + v.marks45 > v.participants) {
      sink.push({
        code: "counts-inconsistent",
        sheet: results.name,
        row: at[i]!,
        column: col(results, "marks45"),
        details: { left: "«Отметка «2»» + «Отметки «4» и «5»»", leftValue: v.mark2 + v.marks45, right: LABELS.participants ?? "", rightValue: v.participants },
      });
      ok = false;
    }
    // Lowered, confirmed and raised are disjoint groups of the participants compared with the journal.
    const journal = [v.journalLowered ?? null, v.journalConfirmed ?? null, v.journalRaised ?? null];
    const journalSum = journal.reduce<number>((s, x) => s + (x ?? 0), 0);
    if (ok && journal.filter((x) => x !== null).length > 1 && journalSum > v.participants) {
      sink.push({
        code: "counts-inconsistent",
        sheet: results.name,
        row: at[i]!,
        column: col(results, v.journalRaised !== null && v.journalRaised !== undefined ? "journalRaised" : "journalConfirmed"),
        details: { left: "«Понизили» + «Подтвердили» + «Повысили»", leftValue: journalSum, right: LABELS.participants ?? "", rightValue: v.participants },
      });
      ok = false;
    }
    if (ok) kept.keep(i);
    else kept.drop(i);
  }
  return kept.result;
}

/** `a ≤ b` where both are given. */
function atMost(a: number | null | undefined, b: number | null | undefined): boolean {
  return a === null || a === undefined || b === null || b === undefined || a <= b;
}

/**
 * Nothing for {@link checkCounts} to report in this row: its rules (COUNT_PAIRS, then the three
 * sums) with the fields named, the quick answer for the many rows that are right. Where it says
 * no, the rules run one by one and say what is wrong.
 */
function plainlyConsistent(v: AggregatedResult): boolean {
  const p = v.participants;
  if (
    !atMost(v.belowMin, p) ||
    !atMost(v.atLeastMid, p) ||
    !atMost(v.atLeastTop, v.atLeastMid) ||
    !atMost(v.atLeastTop, p) ||
    !atMost(v.mark2, p) ||
    !atMost(v.marks45, p) ||
    !atMost(p, v.gradeSize) ||
    !atMost(v.belowScaleMin, p) ||
    !atMost(v.highBand, p) ||
    !atMost(v.procedureLow, p) ||
    !atMost(v.procedureHigh, p) ||
    !atMost(v.procedureBelowScaleMin, p) ||
    !atMost(v.journalLowered, p) ||
    !atMost(v.journalConfirmed, p) ||
    !atMost(v.journalRaised, p)
  ) {
    return false;
  }
  if (v.belowMin !== null && v.atLeastMid !== null && v.belowMin + v.atLeastMid > p) return false;
  if (v.mark2 !== null && v.marks45 !== null && v.mark2 + v.marks45 > p) return false;
  const lowered = v.journalLowered ?? null;
  const confirmed = v.journalConfirmed ?? null;
  const raised = v.journalRaised ?? null;
  const given = (lowered === null ? 0 : 1) + (confirmed === null ? 0 : 1) + (raised === null ? 0 : 1);
  return given <= 1 || (lowered ?? 0) + (confirmed ?? 0) + (raised ?? 0) <= p;
}

type CountField = { [K in keyof AggregatedResult]-?: NonNullable<AggregatedResult[K]> extends number ? K : never }[keyof AggregatedResult] & string;

/** Counts that cannot exceed another count of the same row: [smaller, larger], in the order reported. */
const COUNT_PAIRS: readonly (readonly [CountField, CountField])[] = [
  ["belowMin", "participants"],
  ["atLeastMid", "participants"],
  ["atLeastTop", "atLeastMid"],
  ["atLeastTop", "participants"],
  ["mark2", "participants"],
  ["marks45", "participants"],
  ["participants", "gradeSize"],
  ["belowScaleMin", "participants"],
  ["highBand", "participants"],
  ["procedureLow", "participants"],
  ["procedureHigh", "participants"],
  ["procedureBelowScaleMin", "participants"],
  ["journalLowered", "participants"],
  ["journalConfirmed", "participants"],
  ["journalRaised", "participants"],
];

const LABELS: Partial<Record<keyof AggregatedResult, string>> = {
  participants: "«Участников»",
  belowMin: "«Ниже Bmin»",
  atLeastMid: "«Не ниже Bmid»",
  atLeastTop: "«Не ниже Btop»",
  mark2: "«Отметка «2»»",
  marks45: "«Отметки «4» и «5»»",
  gradeSize: "«Численность параллели»",
  belowScaleMin: "«Ниже минимального балла»",
  highBand: "«61–100 баллов»",
  procedureLow: "«Участников с низким результатом по процедуре»",
  procedureHigh: "«Участников с высоким результатом по процедуре»",
  procedureBelowScaleMin: "«Участников ниже минимального балла по процедуре»",
  journalLowered: "«Понизили (Отметка < Отметка по журналу)»",
  journalConfirmed: "«Подтвердили (Отметка = Отметке по журналу)»",
  journalRaised: "«Повысили (Отметка > Отметка по журналу)»",
};

/**
 * Results or scores without a threshold row, reported once per procedure × grade × subject at
 * the first such row; and values above the scale's maximum.
 */
export function checkAgainstScales<T extends { year: number; procedure: string; grade: number; subject: string }>(
  sheet: Sheet<T>,
  list: RowList<T>,
  scales: ReadonlyMap<string, Scale | null>,
  valueField: keyof T & string,
  value: (v: T) => number | null,
  sink: IssueSink,
): RowList<T> {
  const reported = new Set<string>();
  const kept = new KeptList(list);
  const { values, at } = list;
  // The scale of each year × procedure × grade × subject, looked up once: by subject in the
  // map of the year × procedure × grade, which changes only with a run of a school's rows
  // (a participant's subjects follow each other, so the subject changes every row).
  const resolved = new NestedMap<Map<string, { k: string; scale: Scale | null | undefined }>>(3);
  let bySubject: Map<string, { k: string; scale: Scale | null | undefined }> | null = null;
  let lastYear = 0;
  let lastProcedure = "";
  let lastGrade = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v.subject === ALL_SUBJECTS) {
      kept.keep(i);
      continue;
    }
    if (bySubject === null || v.year !== lastYear || v.procedure !== lastProcedure || v.grade !== lastGrade) {
      const parts = [v.year, v.procedure, v.grade];
      bySubject = resolved.get(parts) ?? null;
      if (bySubject === null) {
        bySubject = new Map();
        resolved.set(parts, bySubject);
      }
      lastYear = v.year;
      lastProcedure = v.procedure;
      lastGrade = v.grade;
    }
    let hit = bySubject.get(v.subject);
    if (hit === undefined) {
      const key = scaleKey(v.procedure, v.grade, v.subject);
      const yearly = scales.get(yearScaleKey(v.year, key));
      hit = { k: key, scale: yearly !== undefined ? yearly : scales.get(key) };
      bySubject.set(v.subject, hit);
    }
    const { k, scale } = hit;
    if (scale === null) {
      kept.keep(i);
      continue;
    }
    if (scale === undefined) {
      kept.drop(i);
      if (!reported.has(k)) {
        reported.add(k);
        sink.push({ code: "scale-missing", sheet: sheet.name, row: at[i]!, column: col(sheet, "subject" as keyof T & string), details: { key: scaleKeyText(v.procedure, v.grade, v.subject) } });
      }
      continue;
    }
    const x = value(v);
    if (x !== null && x > scale.maxScore) {
      kept.drop(i);
      sink.push({
        code: "score-above-max",
        sheet: sheet.name,
        row: at[i]!,
        column: col(sheet, valueField),
        received: x,
        details: { max: scale.maxScore, key: scaleKeyText(v.procedure, v.grade, v.subject) },
      });
      continue;
    }
    kept.keep(i);
  }
  return kept.result;
}

/** A row of «Результаты» with a count or mean that participant rows would replace. */
function carriesCounts(v: AggregatedResult): boolean {
  return (
    v.belowMin != null ||
    v.atLeastMid != null ||
    v.atLeastTop != null ||
    v.meanScore != null ||
    v.mark2 != null ||
    v.marks45 != null ||
    v.belowScaleMin != null ||
    v.highBand != null ||
    v.procedureLow != null ||
    v.procedureHigh != null ||
    v.procedureBelowScaleMin != null ||
    v.journalLowered != null ||
    v.journalConfirmed != null ||
    v.journalRaised != null
  );
}

/** Key of school × year × procedure × grade: the unit that participant rows replace. */
export function groupKey(r: { schoolId: string; year: number; procedure: string; grade: number }): string {
  return `${r.schoolId}\u0000${r.year}\u0000${r.procedure}\u0000${r.grade}`;
}

/**
 * Aggregated rows whose key has participant rows: their counts are not used (the engine computes
 * them from `Баллы`), but the rows stay in the input because their `Численность параллели` still
 * gives the participation. One warning per key, only where a row carries counts that are ignored.
 */
export function flagOverriddenResults(
  results: Sheet<AggregatedResult>,
  list: RowList<AggregatedResult>,
  scores: RowList<ParticipantScore>,
  sink: IssueSink,
): void {
  const withScores = new NestedMap<true>(4);
  let previous: ParticipantScore | null = null;
  for (const s of scores.values) {
    // A school's participant rows come together: one entry per run of the same key.
    if (previous !== null && s.schoolId === previous.schoolId && s.year === previous.year && s.procedure === previous.procedure && s.grade === previous.grade) continue;
    withScores.set([s.schoolId, s.year, s.procedure, s.grade], true);
    previous = s;
  }
  const ignored = new Map<string, { first: ReadRow<AggregatedResult>; n: number }>();
  for (let i = 0; i < list.values.length; i++) {
    const v = list.values[i]!;
    if (!carriesCounts(v) || withScores.get([v.schoolId, v.year, v.procedure, v.grade]) === undefined) continue;
    const k = groupKey(v);
    const d = ignored.get(k);
    if (d === undefined) ignored.set(k, { first: { row: list.at[i]!, value: v }, n: 1 });
    else d.n += 1;
  }
  for (const { first, n } of ignored.values()) {
    sink.push({
      code: "results-overridden-by-scores",
      sheet: results.name,
      row: first.row,
      column: col(results, "schoolId"),
      details: { key: groupKeyText(first.value), rows: n },
    });
  }
}
