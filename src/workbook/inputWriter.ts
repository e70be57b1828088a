/**
 * Writes input workbooks (the demo region, the empty template, bench data): plain sheets with a
 * bold header, text columns formatted as text ("@") so codes keep their leading zeros,
 * optional drop-down lists (data validation) and notes. In-memory (browser and Node); the
 * streaming variant for big files is in `inputWriterNode.ts`.
 */
import ExcelJS from "exceljs";
import type { CellValue } from "../schema/raw";
import { argb } from "./fileAdapter";
import { columnLetters } from "./port";
import { defaultWidth } from "./columnWidth";

/** A drop-down list on a column, for the rows `2 … lastRow`. */
export interface ListValidation {
  readonly column: number;
  readonly values: readonly string[];
  readonly lastRow: number;
}

export interface InputSheet {
  readonly name: string;
  readonly header: readonly string[];
  /** 0-based columns that hold text (codes, names, yes/no). */
  readonly textColumns: readonly number[];
  rows(): Iterable<readonly CellValue[]>;
  readonly widths?: readonly number[];
  readonly validations?: readonly ListValidation[];
  /** Header comments (tooltips), by column. */
  readonly notes?: Readonly<Record<number, string>>;
  /** Data rows (0-based) to paint as examples the analyst must check. */
  readonly exampleRows?: readonly number[];
}

export const EXAMPLE_FILL = "#FFF2CC";

/** exceljs cannot hold an error value we read; such cells are written empty. */
export function toExcelValue(v: CellValue | undefined): string | number | boolean | null {
  return v === undefined || v === null || typeof v === "object" ? null : v;
}

export { defaultWidth };

/** Frozen header row; exceljs's streaming writer takes views only when the sheet is added. */
export const FROZEN_HEADER: Partial<ExcelJS.WorksheetView>[] = [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }];

/** Header, column widths, text formats, validations of one sheet (shared by both writers). */
export function setUpSheet(ws: ExcelJS.Worksheet, sheet: InputSheet): void {
  const text = new Set(sheet.textColumns);
  ws.columns = sheet.header.map((h, i) => {
    const col: Partial<ExcelJS.Column> = { width: sheet.widths?.[i] ?? defaultWidth(h) };
    if (text.has(i)) col.style = { numFmt: "@" };
    return col;
  });
  for (const v of sheet.validations ?? []) {
    const letter = columnLetters(v.column);
    // Excel limits an inline list to 255 characters; the lists here are short.
    const formula = `"${v.values.join(",")}"`;
    // exceljs has sheet-level range validations at run time but not in its typings.
    (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}${v.lastRow}`, {
      type: "list",
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: "warning",
      errorTitle: "Значение не из списка",
      error: `Ожидалось: ${v.values.join(", ")}`,
    });
  }
}

export function styleHeader(row: ExcelJS.Row, sheet: InputSheet): void {
  row.eachCell((cell, col) => {
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb("#D9E1F2") } };
    cell.alignment = { wrapText: true, vertical: "top" };
    const note = sheet.notes?.[col - 1];
    if (note !== undefined) cell.note = note;
  });
}

/** The whole workbook in memory: fine for the template and the ~600-school demo in a browser. */
export async function inputWorkbookBuffer(sheets: readonly InputSheet[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ШНОР";
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: FROZEN_HEADER });
    setUpSheet(ws, sheet);
    styleHeader(ws.addRow([...sheet.header]), sheet);
    const text = new Set(sheet.textColumns);
    const examples = new Set(sheet.exampleRows ?? []);
    let r = 0;
    for (const values of sheet.rows()) {
      const row = ws.addRow(values.map(toExcelValue));
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (text.has(col - 1)) cell.numFmt = "@";
        if (examples.has(r)) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(EXAMPLE_FILL) } };
      });
      r++;
    }
  }
  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}
