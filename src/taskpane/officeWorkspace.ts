/** The pane's workspace inside Excel: the open workbook through the Office adapter. */
import { documentSetting, type DocumentSettings } from "../workbook/officeSettings";
import { OfficeWorkbook, type ExcelRunner } from "../workbook/officeAdapter";
import { templateSheets } from "../workbook/template";
import { paneDemoSheets } from "./demoSheets";
import { readInput } from "./pipeline";
import { REGRESSION_SHEET, regressionChart } from "./regressionSheet";
import type { Workspace } from "./workspace";

export const CHOICE_SETTING = "shnor.methodology";

export function officeWorkspace(excel: ExcelRunner, settings: DocumentSettings, strings: { writing(sheet: string): string; template: string }): Workspace {
  const book = new OfficeWorkbook(excel);
  return {
    mode: "office",
    hasInput: () => true,
    sourceName: null,
    readInput: (names, onProgress, signal) => readInput(book, names, onProgress, signal),
    selectCell: (sheet, cell) => book.selectCell(sheet, cell),
    highlight: (cells) => book.highlightCells(cells),
    clearHighlights: () => book.clearHighlights(),
    demoAvailable: true,
    async insertTemplate(kind, onProgress) {
      onProgress({ stage: strings.template, fraction: null, cancellable: false });
      return book.insertInputSheets(kind === "demo" ? paneDemoSheets() : templateSheets());
    },
    async writeResults(identified, onProgress) {
      onProgress({ stage: strings.writing(identified.sheets.map((s) => s.name).join(", ")), fraction: null, cancellable: false });
      const report = await book.writeResultSheets(identified.sheets);
      const regression = identified.sheets.find((s) => s.name === REGRESSION_SHEET);
      const actual = report.written.find((w) => w.requested === REGRESSION_SHEET)?.actual;
      if (regression && actual && regression.rows.length >= 2) await book.addScatterChart(regressionChart(regression, actual));
      const summary = report.written[0]?.actual;
      if (summary) await book.selectCell(summary, null);
      return { written: report.written.map((w) => w.actual) };
    },
    choices: documentSetting(settings, CHOICE_SETTING),
  };
}
