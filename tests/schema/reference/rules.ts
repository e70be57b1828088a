/**
 * Step 3 of validation, cross-row rules: duplicates, unknown schools, missing thresholds,
 * counts that do not add up, scores above the scale, results replaced by participant rows.
 * Each rule is a small function over read sheets that pushes issue drafts.
 */
import { ALL_SUBJECTS, type AggregatedResult, type ParticipantScore, type Scale, type School } from "../../../src/engine/types";
import { formatNumberRu } from "../../../src/schema/issues";
import type { ReadRow, ReadSheet } from "./readSheet";
import { NestedMap } from "../../../src/schema/keys";
import type { IssueSink } from "../../../src/schema/sink";
import { looseKey } from "../../../src/schema/text";

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

/** Rows of results or scores whose school is not on `Школы`. */
export function checkUnknownSchools<T extends { schoolId: string }>(sheet: Sheet<T>, known: ReadonlySet<string>, sink: IssueSink): ReadRow<T>[] {
  const kept: ReadRow<T>[] = [];
  // Numeric codes by their value: "07013" and 7013 (a number shown as «00000») differ only by leading zeros.
  const byDigits = new Map<string, string>();
  for (const id of known) if (/^\d+$/.test(id)) byDigits.set(id.replace(/^0+(?=\d)/, ""), id);
  for (const r of sheet.rows) {
    if (known.has(r.value.schoolId)) kept.push(r);
    else {
      const id = r.value.schoolId;
      const twin = /^\d+$/.test(id) ? byDigits.get(id.replace(/^0+(?=\d)/, "")) : undefined;
      sink.push({ code: "unknown-school", sheet: sheet.name, row: r.row, column: col(sheet, "schoolId"), received: id, ...(twin !== undefined ? { details: { twin } } : {}) });
    }
  }
  return kept;
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
 * Rows repeating an earlier row's key, the key given as parts (`depth` of them) rather than one
 * string: the same rule as {@link checkDuplicateKeys} for sheets of a million rows.
 */
export function checkDuplicateParts<T>(
  sheet: Sheet<T>,
  rows: readonly ReadRow<T>[],
  depth: number,
  parts: (v: T) => readonly unknown[],
  keyText: (v: T) => string,
  code: "duplicate-result" | "duplicate-score",
  column: keyof T & string,
  sink: IssueSink,
): ReadRow<T>[] {
  const first = new NestedMap<number>(depth);
  const kept: ReadRow<T>[] = [];
  for (const r of rows) {
    const seen = first.getOrSet(parts(r.value), r.row);
    if (seen === undefined) kept.push(r);
    else sink.push({ code, sheet: sheet.name, row: r.row, column: col(sheet, column), details: { key: keyText(r.value), firstRow: seen + 1 } });
  }
  return kept;
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
export function checkCounts(results: Sheet<AggregatedResult>, rows: readonly ReadRow<AggregatedResult>[], sink: IssueSink): ReadRow<AggregatedResult>[] {
  const kept: ReadRow<AggregatedResult>[] = [];
  const header = (f: keyof AggregatedResult & string): string => LABELS[f] ?? f;
  for (const r of rows) {
    const v = r.value;
    let ok = true;
    for (const [lf, rf] of COUNT_PAIRS) {
      const lv = v[lf] ?? null;
      const rv = v[rf] ?? null;
      if (lv === null || rv === null || lv <= rv) continue;
      sink.push({
        code: "counts-inconsistent",
        sheet: results.name,
        row: r.row,
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
        row: r.row,
        column: col(results, "atLeastMid"),
        details: { left: "«Ниже Bmin» + «Не ниже Bmid»", leftValue: v.belowMin + v.atLeastMid, right: LABELS.participants ?? "", rightValue: v.participants },
      });
      ok = false;
    }
    if (ok && v.mark2 !== null && v.marks45 !== null && v.mark2 + v.marks45 > v.participants) {
      sink.push({
        code: "counts-inconsistent",
        sheet: results.name,
        row: r.row,
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
        row: r.row,
        column: col(results, v.journalRaised !== null && v.journalRaised !== undefined ? "journalRaised" : "journalConfirmed"),
        details: { left: "«Понизили» + «Подтвердили» + «Повысили»", leftValue: journalSum, right: LABELS.participants ?? "", rightValue: v.participants },
      });
      ok = false;
    }
    if (ok) kept.push(r);
  }
  return kept;
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
  rows: readonly ReadRow<T>[],
  scales: ReadonlyMap<string, Scale | null>,
  valueField: keyof T & string,
  value: (v: T) => number | null,
  sink: IssueSink,
): ReadRow<T>[] {
  const reported = new Set<string>();
  const kept: ReadRow<T>[] = [];
  // The scale of each year × procedure × grade × subject, looked up once.
  const resolved = new NestedMap<{ k: string; scale: Scale | null | undefined }>(4);
  let last: { k: string; scale: Scale | null | undefined } | null = null;
  let lastYear = 0;
  let lastProcedure = "";
  let lastGrade = 0;
  let lastSubject = "";
  for (const r of rows) {
    const v = r.value;
    if (v.subject === ALL_SUBJECTS) {
      kept.push(r);
      continue;
    }
    // Rows come grouped (a school's participants in one subject), so the last row's scale is
    // usually this row's: no key array, no lookups.
    let hit: { k: string; scale: Scale | null | undefined } | null = last;
    if (hit === null || v.year !== lastYear || v.procedure !== lastProcedure || v.grade !== lastGrade || v.subject !== lastSubject) {
      const parts = [v.year, v.procedure, v.grade, v.subject];
      hit = resolved.get(parts) ?? null;
      if (hit === null) {
        const key = scaleKey(v.procedure, v.grade, v.subject);
        const yearly = scales.get(yearScaleKey(v.year, key));
        hit = { k: key, scale: yearly !== undefined ? yearly : scales.get(key) };
        resolved.set(parts, hit);
      }
      last = hit;
      lastYear = v.year;
      lastProcedure = v.procedure;
      lastGrade = v.grade;
      lastSubject = v.subject;
    }
    const { k, scale } = hit;
    if (scale === null) {
      kept.push(r);
      continue;
    }
    if (scale === undefined) {
      if (!reported.has(k)) {
        reported.add(k);
        sink.push({ code: "scale-missing", sheet: sheet.name, row: r.row, column: col(sheet, "subject" as keyof T & string), details: { key: scaleKeyText(v.procedure, v.grade, v.subject) } });
      }
      continue;
    }
    const x = value(v);
    if (x !== null && x > scale.maxScore) {
      sink.push({
        code: "score-above-max",
        sheet: sheet.name,
        row: r.row,
        column: col(sheet, valueField),
        received: x,
        details: { max: scale.maxScore, key: scaleKeyText(v.procedure, v.grade, v.subject) },
      });
      continue;
    }
    kept.push(r);
  }
  return kept;
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
  rows: readonly ReadRow<AggregatedResult>[],
  scores: readonly ReadRow<ParticipantScore>[],
  sink: IssueSink,
): void {
  const withScores = new NestedMap<true>(4);
  let previous: ParticipantScore | null = null;
  for (const { value: s } of scores) {
    // A school's participant rows come together: one entry per run of the same key.
    if (previous !== null && s.schoolId === previous.schoolId && s.year === previous.year && s.procedure === previous.procedure && s.grade === previous.grade) continue;
    withScores.set([s.schoolId, s.year, s.procedure, s.grade], true);
    previous = s;
  }
  const ignored = new Map<string, { first: ReadRow<AggregatedResult>; n: number }>();
  for (const r of rows) {
    const v = r.value;
    const hasCounts = [v.belowMin, v.atLeastMid, v.atLeastTop, v.meanScore, v.mark2, v.marks45, v.belowScaleMin, v.highBand, v.procedureLow, v.procedureHigh, v.procedureBelowScaleMin, v.journalLowered, v.journalConfirmed, v.journalRaised].some(
      (x) => x !== null && x !== undefined,
    );
    if (!hasCounts || withScores.get([v.schoolId, v.year, v.procedure, v.grade]) === undefined) continue;
    const k = groupKey(v);
    const d = ignored.get(k);
    if (d === undefined) ignored.set(k, { first: r, n: 1 });
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
