/**
 * «Шкалы» as a lookup for the pass over the score rows: procedure → grade → subject, each
 * procedure × grade numbered (`pg`) and each of its subjects numbered within it (`local`), so that
 * the accumulators are addressed by integers, never by a key string built per row.
 */
import { thresholds, type Thresholds } from "../thresholds";
import type { Scale } from "../types";

const SEP = "\u0001";

export function scaleKey(procedure: string, grade: number, subject: string): string {
  return procedure + SEP + grade + SEP + subject;
}

/** The inverse of {@link scaleKey}. */
export function splitScaleKey(key: string): [procedure: string, grade: string, subject: string] {
  const [procedure, grade, subject] = key.split(SEP) as [string, string, string];
  return [procedure, grade, subject];
}

export interface ScaleInfo {
  readonly scale: Scale;
  readonly t: Thresholds;
}

/** A subject's scales: the row without a year, and the rows of single years (SPEC §1 `Год`). */
export interface ScaleEntry {
  readonly subject: string;
  /** The subject's number within its procedure × grade. */
  readonly local: number;
  any: ScaleInfo | undefined;
  byYear: Map<number, ScaleInfo> | null;
}

/** The subjects of one procedure × grade. */
export interface GradeScales {
  readonly pg: number;
  readonly procedure: string;
  readonly grade: number;
  readonly subjects: Map<string, ScaleEntry>;
  /** Entries in code-point order of the subject's name. */
  readonly ordered: ScaleEntry[];
}

export interface ScaleIndex {
  readonly tree: ReadonlyMap<string, ReadonlyMap<number, GradeScales>>;
  /** Every procedure × grade, by `pg`. */
  readonly grades: readonly GradeScales[];
}

export function scaleOf(e: ScaleEntry | undefined, year: number): ScaleInfo | undefined {
  if (e === undefined) return undefined;
  return (e.byYear === null ? undefined : e.byYear.get(year)) ?? e.any;
}

export function buildScaleIndex(scales: readonly Scale[], margin: number): ScaleIndex {
  const tree = new Map<string, Map<number, GradeScales>>();
  const grades: GradeScales[] = [];
  for (const s of scales) {
    const info: ScaleInfo = { scale: s, t: thresholds(s, margin) };
    let byGrade = tree.get(s.procedure);
    if (byGrade === undefined) tree.set(s.procedure, (byGrade = new Map()));
    let g = byGrade.get(s.grade);
    if (g === undefined) {
      g = { pg: grades.length, procedure: s.procedure, grade: s.grade, subjects: new Map(), ordered: [] };
      byGrade.set(s.grade, g);
      grades.push(g);
    }
    let entry = g.subjects.get(s.subject);
    if (entry === undefined) {
      entry = { subject: s.subject, local: g.subjects.size, any: undefined, byYear: null };
      g.subjects.set(s.subject, entry);
      g.ordered.push(entry);
    }
    if (s.year === undefined || s.year === null) entry.any = info;
    else (entry.byYear ??= new Map()).set(s.year, info);
  }
  for (const g of grades) g.ordered.sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
  return { tree, grades };
}

/** The scale of an aggregated row's subject, or undefined. */
export function lookupScale(index: ScaleIndex, procedure: string, grade: number, subject: string, year: number): ScaleInfo | undefined {
  return scaleOf(index.tree.get(procedure)?.get(grade)?.subjects.get(subject), year);
}
