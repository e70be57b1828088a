/**
 * Legacy binary .xls (BIFF8, as the processing centres still send) → {@link RawWorkbook}, in Node
 * and in the browser, with SheetJS (`@e965/xlsx`: the current SheetJS build on npm; the `xlsx`
 * package on npm is the old 0.18 line with known advisories). Values come as Office.js gives
 * them: numbers, text, booleans, dates as serial numbers, errors as `{ error }`, and merged
 * ranges keep only their top-left value.
 */
import { read, utils, type CellObject, type WorkSheet } from "@e965/xlsx";
import type { CellValue, RawSheet, RawWorkbook } from "../schema/raw";
import { trimTrailingEmptyRows } from "./xlsxReader";

function valueOf(c: CellObject | undefined): CellValue {
  if (c === undefined) return null;
  switch (c.t) {
    case "n":
    case "d":
      return typeof c.v === "number" ? c.v : null;
    case "s":
      return typeof c.v === "string" ? c.v : null;
    case "b":
      return typeof c.v === "boolean" ? c.v : null;
    case "e":
      return { error: typeof c.w === "string" ? c.w : "#ОШИБКА" };
    default:
      return null;
  }
}

function sheetRows(ws: WorkSheet): CellValue[][] {
  const ref = ws["!ref"];
  if (ref === undefined) return [];
  const range = utils.decode_range(ref);
  const rows: CellValue[][] = [];
  for (let r = 0; r <= range.e.r; r++) {
    const cells: CellValue[] = [];
    if (r >= range.s.r) {
      for (let c = range.s.c; c <= range.e.c; c++) {
        const v = valueOf(ws[utils.encode_cell({ r, c })] as CellObject | undefined);
        if (v === null) continue;
        while (cells.length < c) cells.push(null);
        cells[c] = v;
      }
    }
    rows.push(cells);
  }
  return trimTrailingEmptyRows(rows);
}

/** Reads the bytes of an .xls (or any format SheetJS knows); sheets in tab order. Throws when unreadable. */
export function readXls(data: Uint8Array | ArrayBuffer): RawWorkbook {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const wb = read(bytes, { type: "array", cellDates: false, cellFormula: false, cellHTML: false, cellStyles: false, dense: false });
  const sheets: RawSheet[] = wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name];
    return { name, rows: ws === undefined ? [] : sheetRows(ws) };
  });
  return { sheets };
}

/** Whether bytes are an OLE2 compound file (legacy .xls) rather than a zip (.xlsx). */
export function isLegacyXls(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}
