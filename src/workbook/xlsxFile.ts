/**
 * Node-only: reads a large .xlsx file from disk. The file is streamed part by part (see
 * ./xlsxStream): rows go straight into the {@link RawWorkbook} and the sheet XML is never held
 * whole, so a million rows are held once, as cell values.
 *
 * It used to be exceljs's streaming WorkbookReader: ~17 s for a million score rows, most of it
 * in exceljs's per-cell objects and SAX events; the dedicated scanner reads the same file in a
 * few seconds and gives the same values as `readXlsx` (exceljs in memory).
 */
import type { RawWorkbook } from "../schema/raw";
import { readXlsxStream } from "./xlsxStream";

/** Called as rows are read: the sheet's name and the rows read from it so far. */
export type ReadProgress = (sheet: string, rowsRead: number) => void;

export interface ReadXlsxFileOptions {
  readonly onProgress?: ReadProgress;
  /** Rows between two progress calls (default 10 000); the last count of a sheet is always reported. */
  readonly progressEvery?: number;
}

/**
 * Reads an .xlsx file by streaming; sheets in tab order. Dates come as Excel serial numbers
 * (styles are not read, so numbers stay numbers, as Office.js gives them); merged ranges keep
 * only their top-left value; a formula gives its cached result. Throws when the file is not an .xlsx.
 */
export async function readXlsxFile(path: string, options: ReadXlsxFileOptions = {}): Promise<RawWorkbook> {
  return readXlsxStream(path, options);
}
