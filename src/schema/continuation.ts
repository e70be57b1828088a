/**
 * A region's participant rows can exceed Excel's 1,048,576 rows per sheet (FORMATS.md, "Size"):
 * «Баллы» then continues on «Баллы 2», «Баллы 3», … Those sheets are read as one: their data rows
 * are appended to the first sheet's (columns matched by header, so their order may differ), and
 * an issue found in the joined rows is put back at its own sheet, row and column.
 */
import type { SheetDef } from "./columns";
import type { IssueDraft } from "./issues";
import { DATE_KEY_COLUMNS, dateCellKey, type CellValue, type RawSheet, type RawWorkbook } from "./raw";
import { HEADER_SEARCH_ROWS, headerIndex, sheetNameMatches } from "./shape";
import { headerKey } from "./text";

/** Excel's rows per sheet: with the header row, at most this many minus one data rows fit. */
export const EXCEL_MAX_ROWS = 1_048_576;

/** «Баллы 2» → 2 when «Баллы» is the definition's name (or a synonym); otherwise `null`. */
export function continuationNumber(def: SheetDef<unknown>, name: string): number | null {
  const m = /^(.*\S)\s*[-_ ]\s*(\d{1,3})$/u.exec(name.trim()) ?? /^(.*\D)(\d{1,3})$/u.exec(name.trim());
  if (m === null) return null;
  const n = Number(m[2]);
  return n >= 2 && sheetNameMatches(def, m[1] ?? "") ? n : null;
}

/** The header row (most known headers among the first rows) and field → column. */
export function findHeader(sheet: RawSheet, def: SheetDef<unknown>): { row: number; fields: Map<string, number> } | null {
  const index = headerIndex(def);
  let best: { row: number; fields: Map<string, number> } | null = null;
  for (let r = 0; r < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); r++) {
    const fields = new Map<string, number>();
    (sheet.rows[r] ?? []).forEach((v, c) => {
      if (typeof v !== "string") return;
      const f = index.get(headerKey(v));
      if (f !== undefined && !fields.has(f)) fields.set(f, c);
    });
    if (fields.size >= 2 && (best === null || fields.size > best.fields.size)) best = { row: r, fields };
  }
  return best;
}

interface Segment {
  /** First joined row of the segment and the sheet row it came from. */
  readonly start: number;
  readonly sheet: string;
  readonly firstRow: number;
  /** Joined column → the continuation sheet's own column. */
  readonly columns: ReadonlyMap<number, number>;
}

export interface Joined {
  readonly workbook: RawWorkbook;
  /** Puts an issue found in the joined sheet back at its continuation sheet's cell. */
  relocate(draft: IssueDraft): IssueDraft;
}

/** Joins «‹name› 2», «‹name› 3», … to the sheet `def` names; the workbook as it is when there are none. */
export function joinContinuations(wb: RawWorkbook, def: SheetDef<unknown>): Joined {
  const main = wb.sheets.find((s) => sheetNameMatches(def, s.name));
  const parts = wb.sheets
    .map((s) => ({ sheet: s, n: continuationNumber(def, s.name) }))
    .filter((x): x is { sheet: RawSheet; n: number } => x.n !== null)
    .sort((a, b) => a.n - b.n);
  if (main === undefined || parts.length === 0) return { workbook: wb, relocate: (d) => d };
  const mainHeader = findHeader(main, def);
  if (mainHeader === null) return { workbook: wb, relocate: (d) => d };
  const rows: (readonly CellValue[])[] = [...main.rows];
  const dates = new Set<number>(main.dateCells ?? []);
  const segments: Segment[] = [];
  const width = Math.max(...[...mainHeader.fields.values()].map((c) => c + 1));
  for (const { sheet } of parts) {
    const h = findHeader(sheet, def);
    if (h === null) continue;
    // Joined column (the main sheet's) ← the continuation's column, by field.
    const columns = new Map<number, number>();
    for (const [field, c] of mainHeader.fields) {
      const own = h.fields.get(field);
      if (own !== undefined) columns.set(c, own);
    }
    const same = [...columns].every(([a, b]) => a === b);
    segments.push({ start: rows.length, sheet: sheet.name, firstRow: h.row + 1, columns });
    if (sheet.dateCells !== undefined) {
      const joinedColumn = new Map<number, number>();
      for (const [to, from] of columns) joinedColumn.set(from, to);
      for (const key of sheet.dateCells) {
        const r = Math.floor(key / DATE_KEY_COLUMNS);
        const to = same ? key % DATE_KEY_COLUMNS : joinedColumn.get(key % DATE_KEY_COLUMNS);
        if (r > h.row && to !== undefined) dates.add(dateCellKey(rows.length + r - h.row - 1, to));
      }
    }
    for (let r = h.row + 1; r < sheet.rows.length; r++) {
      const row = sheet.rows[r] ?? [];
      if (same) rows.push(row);
      else {
        const out: CellValue[] = new Array<CellValue>(width).fill(null);
        for (const [to, from] of columns) out[to] = row[from] ?? null;
        rows.push(out);
      }
    }
  }
  const continuation = new Set(parts.map((p) => p.sheet));
  const joinedMain: RawSheet = dates.size === 0 ? { name: main.name, rows } : { name: main.name, rows, dateCells: dates };
  const sheets = wb.sheets.filter((s) => !continuation.has(s)).map((s) => (s === main ? joinedMain : s));
  return {
    workbook: { ...wb, sheets },
    relocate(d: IssueDraft): IssueDraft {
      if (d.sheet !== main.name || d.row === null) return d;
      let seg: Segment | undefined;
      for (const s of segments) if (d.row >= s.start) seg = s;
      if (seg === undefined) return d;
      return { ...d, sheet: seg.sheet, row: seg.firstRow + (d.row - seg.start), column: d.column === null ? null : (seg.columns.get(d.column) ?? d.column) };
    },
  };
}
