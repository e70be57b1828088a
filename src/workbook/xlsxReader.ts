/**
 * .xlsx bytes → {@link RawWorkbook} with exceljs, in Node and in the browser. Cell values are
 * mapped the way Office.js `Range.values` gives them, so the file and Excel paths parse alike:
 * rich text and hyperlinks become their text, formulas their cached result, dates Excel serial
 * numbers, error values `{ error }`, and the covered cells of a merged range are empty.
 */
import { ValueType, Workbook, type Cell, type Worksheet } from "exceljs";
import type { CellValue, RawSheet, RawWorkbook } from "../schema/raw";
import { assertWorkbookBytes } from "./fileKind";

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
export const UNKNOWN_FORMULA_ERROR = "#ОШИБКА";

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

/** Rows of a worksheet, `rows[0]` being row 1; trailing empty cells are dropped. */
function sheetRows(ws: Worksheet): CellValue[][] {
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const v = cellOf(cell);
      if (v === null) return;
      while (cells.length < col - 1) cells.push(null);
      cells[col - 1] = v;
    });
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = cells;
  });
  return trimTrailingEmptyRows(rows);
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

/** Reads an .xlsx file's bytes; sheets in tab order. Throws when the bytes are not an .xlsx. */
export async function readXlsx(data: Buffer | ArrayBuffer | Uint8Array): Promise<RawWorkbook> {
  assertWorkbookBytes(data instanceof ArrayBuffer ? new Uint8Array(data) : data);
  const wb = new Workbook();
  await wb.xlsx.load(toLoadable(data));
  const sheets: RawSheet[] = [];
  wb.eachSheet((ws) => {
    const hidden = ws.state === "hidden" || ws.state === "veryHidden";
    sheets.push(hidden ? { name: ws.name, hidden: true, rows: sheetRows(ws) } : { name: ws.name, rows: sheetRows(ws) });
  });
  return { sheets };
}
