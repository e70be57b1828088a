/**
 * The title block of a ФИС ОКО form (FORMATS.md): «ВПР ‹год› ‹предмет› ‹N› класс» gives the year,
 * the subject and the grade (the «Класс» column below is the class inside the school, not the
 * grade); «Предмет:» and «Максимальный первичный балл:» rows give the subject and the maximum.
 */
import type { RawSheet } from "../schema/raw";
import { looseKey } from "../schema/text";
import { labelKey, numberOf, rowAt, subjectName, valueRightOf } from "./cells";

export interface FisTitle {
  readonly year: number;
  readonly subject: string;
  readonly grade: number;
  readonly max: number | null;
  /** 0-based row and column of the maximum's value. */
  readonly maxAt: { readonly row: number; readonly column: number } | null;
  readonly titleAt: { readonly row: number; readonly column: number };
}

/** «ВПР 2025 Математика 5 класс», «ВПР 2024 Русский язык 4 кл.» (on a looseKey'd text). */
const TITLE = /(?:^|\s)впр\.?\s+(\d{4})(?:\s*[-/]\s*\d{2,4})?[\s.,:]+(.+?)[\s.,]+(\d{1,2})\s*(?:-?\s*й\s+)?(?:класс|кл\.?)(?:[\s.,]|$)/u;

/** Reads the title block from the rows above `headerRow`; `null` without a «ВПР ‹год› … класс» title. */
export function readFisTitle(sheet: RawSheet, headerRow: number): FisTitle | null {
  let title: { year: number; subject: string; grade: number; row: number; column: number } | null = null;
  let subjectLabel: string | null = null;
  let max: number | null = null;
  let maxAt: FisTitle["maxAt"] = null;
  const limit = Math.min(headerRow, 40);
  for (let r = 0; r < limit; r++) {
    const row = rowAt(sheet, r);
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== "string") continue;
      const key = looseKey(v);
      if (title === null) {
        const m = TITLE.exec(key);
        if (m !== null) {
          title = { year: Number(m[1]), subject: subjectName(m[2] ?? ""), grade: Number(m[3]), row: r, column: c };
          continue;
        }
      }
      const label = labelKey(v);
      if (label === "предмет" && subjectLabel === null) {
        const s = valueRightOf(row, c);
        if (typeof s === "string" && s.trim() !== "") subjectLabel = subjectName(s);
      } else if (label === "максимальный первичный балл" && max === null) {
        for (let cc = c + 1; cc < row.length; cc++) {
          const n = numberOf(row[cc]);
          if (n !== null) {
            max = n;
            maxAt = { row: r, column: cc };
            break;
          }
        }
      }
    }
  }
  if (title === null) return null;
  return {
    year: title.year,
    // The «Предмет:» row spells the subject as ФИС ОКО does; the title's words are the fallback.
    subject: subjectLabel ?? title.subject,
    grade: title.grade,
    max,
    maxAt,
    titleAt: { row: title.row, column: title.column },
  };
}
