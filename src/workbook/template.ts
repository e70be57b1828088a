/**
 * The empty input workbook (`shnor template`, the task pane's "insert template"): the sheets of
 * the workbook contract with their headers, notes, drop-down lists and the example `Шкалы`
 * rows, painted and labelled as examples to be confirmed for the year.
 */
import { EXAMPLE_SCALES, TEMPLATE_SHEETS, scaleToRow } from "../schema";
import { inputWorkbookBuffer, type InputSheet } from "./inputWriter";

/** Rows that get drop-down lists (an analyst's registry rarely has more schools). */
export const TEMPLATE_LIST_ROWS = 2000;

export function templateSheets(): InputSheet[] {
  return TEMPLATE_SHEETS.map((sheet): InputSheet => {
    const examples = sheet.id === "scales" ? EXAMPLE_SCALES.map((s) => scaleToRow(s)) : [];
    const notes: Record<number, string> = {};
    sheet.columns.forEach((c, i) => {
      notes[i] = (c.required ? "Обязательный столбец. " : "Необязательный столбец. ") + c.note;
    });
    return {
      name: sheet.name,
      header: sheet.columns.map((c) => c.header),
      textColumns: sheet.columns.flatMap((c, i) => (c.type === "code" || c.type === "text" || c.type === "subject" ? [i] : [])),
      rows: () => examples,
      widths: sheet.columns.map((c) => Math.min(45, Math.max(10, Math.round(c.header.length * 0.9) + 3))),
      validations: sheet.columns.flatMap((c, i) =>
        c.list === null ? [] : [{ column: i, values: c.list, lastRow: TEMPLATE_LIST_ROWS + 1 }],
      ),
      notes,
      exampleRows: examples.map((_, i) => i),
    };
  });
}

export function templateWorkbook(): Promise<Uint8Array> {
  return inputWorkbookBuffer(templateSheets());
}
