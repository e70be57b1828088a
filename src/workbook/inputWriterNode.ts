/**
 * Streaming writer of input workbooks for Node: rows go to disk as they are produced, so a
 * million-row bench file needs no more memory than one sheet's shared strings.
 */
import ExcelJS from "exceljs";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { EXAMPLE_FILL, FROZEN_HEADER, setUpSheet, styleHeader, toExcelValue, type InputSheet } from "./inputWriter";
import { argb } from "./fileAdapter";

export async function writeInputWorkbookFile(
  path: string,
  sheets: readonly InputSheet[],
  onProgress?: (sheet: string, rows: number) => void,
): Promise<{ rows: Record<string, number> }> {
  mkdirSync(dirname(path), { recursive: true });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  wb.creator = "ШНОР";
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  const counts: Record<string, number> = {};
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: FROZEN_HEADER });
    setUpSheet(ws, sheet);
    const header = ws.addRow([...sheet.header]);
    styleHeader(header, sheet);
    header.commit();
    const examples = new Set(sheet.exampleRows ?? []);
    let r = 0;
    for (const values of sheet.rows()) {
      const row = ws.addRow(values.map(toExcelValue));
      // Text columns carry "@" as a column style; a style on every cell would cost ~15 % of the file.
      if (examples.has(r)) {
        row.eachCell({ includeEmpty: false }, (cell) => {
          cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(EXAMPLE_FILL) } };
        });
      }
      row.commit();
      r++;
      if (onProgress && r % 50_000 === 0) onProgress(sheet.name, r);
    }
    ws.commit();
    counts[sheet.name] = r;
  }
  await wb.commit();
  return { rows: counts };
}
