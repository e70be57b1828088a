/**
 * Node-only: reads a large .xlsx file from disk with exceljs's streaming reader. Rows go straight
 * into the {@link RawWorkbook}; exceljs keeps only the shared strings (cached, since cells refer
 * to them by index) and never the rows, so a million rows are held once.
 */
import { stream } from "exceljs";
import type { CellValue, RawSheet, RawWorkbook } from "../schema/raw";
import { toCellValue, trimTrailingEmptyRows } from "./xlsxReader";

/** Called as rows are read: the sheet's name and the rows read from it so far. */
export type ReadProgress = (sheet: string, rowsRead: number) => void;

export interface ReadXlsxFileOptions {
  readonly onProgress?: ReadProgress;
  /** Rows between two progress calls (default 10 000); the last count of a sheet is always reported. */
  readonly progressEvery?: number;
}

/**
 * Reads an .xlsx file by streaming. Dates come as Excel serial numbers (styles are not read, so
 * numbers stay numbers, as Office.js gives them); merged ranges keep only their top-left value.
 */
export async function readXlsxFile(path: string, options: ReadXlsxFileOptions = {}): Promise<RawWorkbook> {
  const every = Math.max(1, options.progressEvery ?? 10_000);
  const reader = new stream.xlsx.WorkbookReader(path, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    entries: "ignore",
  });
  const sheets: RawSheet[] = [];
  for await (const ws of reader) {
    // exceljs sets the name once workbook.xml is known; it is read before the sheets it names.
    const name = (ws as unknown as { name: string }).name;
    const rows: CellValue[][] = [];
    let read = 0;
    for await (const row of ws) {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const v = toCellValue(cell.value);
        if (v === null) return;
        while (cells.length < col - 1) cells.push(null);
        cells[col - 1] = v;
      });
      while (rows.length < row.number - 1) rows.push([]);
      rows[row.number - 1] = cells;
      read++;
      if (options.onProgress !== undefined && read % every === 0) options.onProgress(name, read);
    }
    trimTrailingEmptyRows(rows);
    options.onProgress?.(name, read);
    sheets.push({ name, rows });
  }
  return { sheets };
}
