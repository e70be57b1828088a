/**
 * Reading the cells of real exports: tolerant label keys, the blanks ФИС ОКО and the processing
 * centre write («X», «Х», «-», «—», «нет отметки»), numbers stored as text, where a label is.
 */
import { cellAddress } from "../schema/issues";
import type { CellValue, RawSheet } from "../schema/raw";
import { headerKey, looseKey } from "../schema/text";
import { cellText, isBlank, parseNumber } from "../schema/values";

export { cellAddress, cellText, isBlank };

/** Key of a label: case, ё/е, Latin look-alikes, quotes, spaces and a trailing colon folded. */
export function labelKey(v: CellValue | undefined): string {
  if (v === undefined || v === null || typeof v === "object") return "";
  return looseKey(String(v)).replace(/[.:;\s]+$/u, "");
}

/** Key of a column header: {@link labelKey} without a bracketed or unit suffix («Кол-во участников (всего)»). */
export function columnKey(v: CellValue | undefined): string {
  if (v === undefined || v === null || typeof v === "object") return "";
  return headerKey(String(v));
}

/**
 * A header row's column finder: `pick("код участника", …)` gives the column of the first key
 * present (compared as {@link columnKey}), or -1; the first of repeated headers wins.
 */
export function columnPicker(cells: readonly CellValue[]): (...keys: string[]) => number {
  const at = new Map<string, number>();
  cells.forEach((v, c) => {
    const k = columnKey(v);
    if (k !== "" && !at.has(k)) at.set(k, c);
  });
  return (...keys) => {
    for (const k of keys) {
      const c = at.get(k);
      if (c !== undefined) return c;
    }
    return -1;
  };
}

const BLANK_MARKERS = new Set(["х", "-", "--", "нет отметки", "нет", "н/а", "н/я", "неявка", "отсутствовал"]);

/** A cell that stands for "no value": empty, or one of the markers exports use («X», «—», «нет отметки»). */
export function isBlankMarker(v: CellValue | undefined): boolean {
  if (isBlank(v)) return true;
  return typeof v === "string" && v.length <= 20 && BLANK_MARKERS.has(looseKey(v));
}

/** A number, also from text ("12", "12,5", " 7 "); `null` for blanks, markers and anything else. */
export function numberOf(v: CellValue | undefined): number | null {
  if (v === undefined || isBlankMarker(v)) return null;
  return parseNumber(v, false)?.value ?? null;
}

/** An integer mark 2–5 (also 1), or `null`. */
export function markOf(v: CellValue | undefined): number | null {
  const n = numberOf(v);
  return n !== null && Number.isInteger(n) && n >= 1 && n <= 5 ? n : null;
}

export function rowAt(sheet: RawSheet, r: number): readonly CellValue[] {
  return sheet.rows[r] ?? [];
}

/** The row's non-blank cells with their columns. */
export function filled(row: readonly CellValue[]): { c: number; v: CellValue }[] {
  const out: { c: number; v: CellValue }[] = [];
  row.forEach((v, c) => {
    if (!isBlank(v)) out.push({ c, v });
  });
  return out;
}

/** Column of the first cell of a row whose {@link columnKey} is one of `keys`; -1 when none. */
export function findColumn(row: readonly CellValue[], keys: readonly string[]): number {
  for (let c = 0; c < row.length; c++) {
    if (keys.includes(columnKey(row[c]))) return c;
  }
  return -1;
}

/** The value right of a label in the same row ("Предмет:" | "Математика"), or `null`. */
export function valueRightOf(row: readonly CellValue[], labelColumn: number): CellValue {
  for (let c = labelColumn + 1; c < row.length; c++) if (!isBlank(row[c])) return row[c] ?? null;
  return null;
}

/** Text of every non-blank cell of the first `rows` rows, with its address, for title searches. */
export function* textCells(sheet: RawSheet, rows: number): Iterable<{ r: number; c: number; text: string }> {
  const limit = Math.min(rows, sheet.rows.length);
  for (let r = 0; r < limit; r++) {
    const row = rowAt(sheet, r);
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "string" && v.trim() !== "") yield { r, c, text: v };
    }
  }
}

/** A subject written as a title writes it: spaces collapsed, first letter capitalised. */
export function subjectName(s: string): string {
  const t = s.replace(/\s+/gu, " ").trim();
  return t.charAt(0).toLocaleUpperCase("ru-RU") + t.slice(1);
}
