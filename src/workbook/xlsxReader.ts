/**
 * .xlsx bytes → {@link RawWorkbook} with exceljs, in Node and in the browser. Cell values are
 * mapped the way Office.js `Range.values` gives them, so the file and Excel paths parse alike:
 * rich text and hyperlinks become their text, formulas their cached result, dates Excel serial
 * numbers, error values `{ error }`, and the covered cells of a merged range are empty.
 */
import { ValueType, Workbook, type Cell, type Worksheet } from "exceljs";
import { dateCellKey, type CellValue, type RawSheet, type RawWorkbook } from "../schema/raw";
import { assertWorkbookBytes, WorkbookFileError } from "./fileKind";
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, groupDigits, PADDING_BASE, PADDING_PER_CELL } from "./readLimits";
import { guardXlsx, UNKNOWN_FORMULA_ERROR as GUARD_UNKNOWN_FORMULA_ERROR, type FormulaValues, type GuardOptions } from "./xlsxGuard";

const MS_PER_DAY = 86_400_000;
/** 1899-12-30, day 0 of Excel's 1900 date system (it counts the phantom 1900-02-29). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Excel serial number of a date as exceljs gives it (UTC-based). */
export function dateToSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH_MS) / MS_PER_DAY;
}

/**
 * A formula whose cached result is an error comes out of exceljs's streaming reader as NaN, the
 * error's name lost; this stands for it.
 */
export const UNKNOWN_FORMULA_ERROR = GUARD_UNKNOWN_FORMULA_ERROR;

/** Maps one exceljs cell value (any of its shapes) to a {@link CellValue}. */
export function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return Number.isNaN(v) ? { error: UNKNOWN_FORMULA_ERROR } : v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : dateToSerial(v);
  if (typeof v !== "object") return null;
  const o = v as Record<string, unknown>;
  if (typeof o["error"] === "string") return { error: o["error"] };
  if (Array.isArray(o["richText"])) {
    return (o["richText"] as { text?: unknown }[]).map((r) => (typeof r.text === "string" ? r.text : "")).join("");
  }
  if ("formula" in o || "sharedFormula" in o) return toCellValue(o["result"]);
  if ("hyperlink" in o || "text" in o) return toCellValue(o["text"]);
  return null;
}

/** A cell of a fully loaded workbook; covered cells of a merge are empty as in Office.js. */
function cellOf(cell: Cell): CellValue {
  return cell.type === ValueType.Merge ? null : toCellValue(cell.value);
}

/** Filler cells put in between real ones, shared by a workbook's sheets (the streaming reader's bound). */
interface Padding {
  cells: number;
  filler: number;
}

/**
 * Rows of a worksheet, `rows[0]` being row 1; trailing empty cells are dropped. A formula cell
 * exceljs leaves empty (its cached 0, "", FALSE, a non-number, or no cached value at all) gets
 * the value the guard read from the sheet's XML, as the streaming reader gives it.
 */
function sheetRows(ws: Worksheet, formulas: FormulaValues | undefined, padding: Padding, date1904: boolean): { rows: CellValue[][]; dates: Set<number> | null } {
  let dates: Set<number> | null = null;
  const refuse = (what: string): never => {
    throw new WorkbookFileError(`лист «${ws.name}», ${what} — файл повреждён или собран не Excel`);
  };
  const pad = (n: number, rowNumber: number): void => {
    padding.filler += n;
    if (padding.filler > PADDING_BASE + PADDING_PER_CELL * padding.cells) {
      refuse(
        `строка ${groupDigits(rowNumber)}: заполненные ячейки разбросаны слишком далеко друг от друга ` +
          `(${groupDigits(padding.filler)} пустых на ${groupDigits(padding.cells)} заполненных); удалите лишнее за пределами таблиц`,
      );
    }
  };
  const put = (cells: CellValue[], col: number, v: CellValue, rowNumber: number): void => {
    if (col > EXCEL_MAX_COLUMNS) refuse(`строка ${groupDigits(rowNumber)}: столбец номер ${groupDigits(col)} за пределом Excel (${groupDigits(EXCEL_MAX_COLUMNS)}, XFD)`);
    padding.cells++;
    if (cells.length < col - 1) {
      pad(col - 1 - cells.length, rowNumber);
      while (cells.length < col - 1) cells.push(null);
    }
    cells[col - 1] = v;
  };
  const rowAt = (rows: CellValue[][], rowNumber: number): CellValue[] => {
    if (rowNumber > EXCEL_MAX_ROWS) refuse(`строка ${groupDigits(rowNumber)}: номер строки больше ${groupDigits(EXCEL_MAX_ROWS)} — предела Excel`);
    if (rows.length < rowNumber - 1) {
      pad(rowNumber - 1 - rows.length, rowNumber);
      while (rows.length < rowNumber - 1) rows.push([]);
    }
    return (rows[rowNumber - 1] ??= []);
  };
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      let v = cellOf(cell);
      if (v === null) return;
      // exceljs gives a number shown as a date as a Date (in a 1904 workbook counted from 1904):
      // the stored serial, marked as a date, as the streaming reader gives it.
      if (typeof v === "number" && isDateValue(cell)) {
        if (date1904) v -= DAYS_1900_TO_1904;
        (dates ??= new Set()).add(dateCellKey(rowNumber - 1, col - 1));
      }
      put(cells, col, v, rowNumber);
    });
    if (cells.length > 0) rowAt(rows, rowNumber).push(...cells);
  });
  for (const [rowNumber, byColumn] of formulas ?? []) {
    for (const [col, v] of byColumn) {
      if (v === null || (rows[rowNumber - 1]?.[col - 1] ?? null) !== null) continue;
      // A formula under a merge is covered, as in Office.js.
      if (ws.findCell(rowNumber, col)?.type === ValueType.Merge) continue;
      put(rowAt(rows, rowNumber), col, v, rowNumber);
    }
  }
  return { rows: trimTrailingEmptyRows(rows), dates };
}

/** Days between Excel's two date systems: serial 0 of 1904 is serial 1462 of 1900. */
const DAYS_1900_TO_1904 = 1462;

/** The cell's value (or formula result) is a date: its number format shows a date or time. */
function isDateValue(cell: Cell): boolean {
  const v = cell.value as unknown;
  if (v instanceof Date) return true;
  return typeof v === "object" && v !== null && "result" in v && (v as { result?: unknown }).result instanceof Date;
}

/** Drops empty rows at the end (a merged range or a formatted row leaves them), as both readers do. */
export function trimTrailingEmptyRows(rows: CellValue[][]): CellValue[][] {
  while (rows.length > 0 && (rows[rows.length - 1]?.length ?? 0) === 0) rows.pop();
  return rows;
}

function toLoadable(data: Buffer | ArrayBuffer | Uint8Array): ArrayBuffer {
  if (data instanceof ArrayBuffer) return data;
  // A Buffer may be a view into a larger pool: copy out exactly its bytes.
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
}

/**
 * Reads an .xlsx file's bytes; sheets in tab order. Throws when the bytes are not an .xlsx, and
 * a {@link WorkbookFileError} with the streaming reader's Russian message when the file breaks a
 * bound of ./readLimits (checked by {@link guardXlsx} before exceljs is given the bytes).
 */
export async function readXlsx(data: Buffer | ArrayBuffer | Uint8Array, options: GuardOptions = {}): Promise<RawWorkbook> {
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data;
  assertWorkbookBytes(bytes);
  const guard = guardXlsx(bytes, options);
  const wb = new Workbook();
  try {
    await wb.xlsx.load(toLoadable(data));
  } catch {
    // exceljs's own words are English: say it in Russian (the bounds were checked before).
    throw new WorkbookFileError("разметка книги не такая, как её пишет Excel — файл повреждён или собран не Excel; пересохраните книгу в Excel");
  }
  const sheets: RawSheet[] = [];
  const padding: Padding = { cells: 0, filler: 0 };
  const date1904 = (wb.properties as { date1904?: boolean }).date1904 === true;
  wb.eachSheet((ws) => {
    const hidden = ws.state === "hidden" || ws.state === "veryHidden";
    const { rows, dates } = sheetRows(ws, guard.formulas.get(ws.name), padding, date1904);
    const dated = dates === null ? {} : { dateCells: dates };
    sheets.push(hidden ? { name: ws.name, hidden: true, rows, ...dated } : { name: ws.name, rows, ...dated });
  });
  return date1904 ? { sheets, date1904 } : { sheets };
}
