/**
 * «Шкалы» from the data (FORMATS.md): the cut for each mark is the least score with that mark,
 * checked consistent over every participant of the procedure, grade, subject and year (a score
 * with a lower mark than a smaller score is an inconsistency: reported, never guessed).
 * Минимальный балл = the cut for «3», Высокий балл = the cut for «5», Максимальный балл = the
 * declared maximum.
 */
import type { ImportedScore, Where } from "./model";
import { formatWhere } from "./text";

export interface MarkSpan {
  min: number;
  minWhere: Where;
  max: number;
  maxWhere: Where;
}

/** Scores by mark (2…5) of one procedure × grade × subject × year. */
export class MarkEvidence {
  readonly spans = new Map<number, MarkSpan>();

  add(s: ImportedScore): void {
    if (s.mark === null || s.mark < 2) return;
    const span = this.spans.get(s.mark);
    if (span === undefined) this.spans.set(s.mark, { min: s.score, minWhere: s.where, max: s.score, maxWhere: s.where });
    else {
      if (s.score < span.min) {
        span.min = s.score;
        span.minWhere = s.where;
      }
      if (s.score > span.max) {
        span.max = s.score;
        span.maxWhere = s.where;
      }
    }
  }
}

export type InferredCuts =
  | { readonly ok: true; readonly cut3: number | null; readonly cut4: number | null; readonly cut5: number | null }
  | { readonly ok: false; readonly message: string; readonly where: Where };

/** The cuts implied by the marks, or the first pair of rows that contradicts them. */
export function inferCuts(e: MarkEvidence): InferredCuts {
  const marks = [...e.spans.keys()].sort((a, b) => a - b);
  for (let i = 0; i < marks.length; i++) {
    for (let j = i + 1; j < marks.length; j++) {
      const lo = e.spans.get(marks[i] as number) as MarkSpan;
      const hi = e.spans.get(marks[j] as number) as MarkSpan;
      if (lo.max >= hi.min) {
        return {
          ok: false,
          where: lo.maxWhere,
          message:
            `балл ${lo.max} с отметкой «${marks[i]}», а балл ${hi.min} (${formatWhere(hi.minWhere)}) — с отметкой «${marks[j]}»: ` +
            "границы отметок по данным не согласованы",
        };
      }
    }
  }
  const cut = (m: number): number | null => e.spans.get(m)?.min ?? null;
  return { ok: true, cut3: cut(3), cut4: cut(4), cut5: cut(5) };
}
