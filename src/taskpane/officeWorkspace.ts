/**
 * The pane's workspace inside Excel: the open workbook through the Office adapter. The page reads
 * the input sheets in blocks (Office.js lives on the page), handing each block to the compute
 * worker, which parses, analyses and builds the result sheets; the page writes them back.
 */
import { documentSetting, type DocumentSettings } from "../workbook/officeSettings";
import { OfficeWorkbook, type ExcelRunner } from "../workbook/officeAdapter";
import { readImportBase, writeImportSheets } from "../workbook/officeImport";
import { withCutWarning } from "../workbook/cutIssue";
import { templateSheets } from "../workbook/template";
import { issuesSheetOf, SHEET_NAMES } from "../workbook/resultSheets";
import type { ComputeClient } from "./compute/client";
import { paneDemoSheets } from "./demoSheets";
import { analyseVia, stageProgress, streamInput, validateVia, type Feed, type ProgressSink, type StageNames } from "./pipeline";
import type { Workspace } from "./workspace";
import { blobUrl, DOCX_TYPE, reportFileName, type MakeUrl } from "./fileWorkspace";

export const CHOICE_SETTING = "shnor.methodology";

/** The base of «Импорт выгрузок» in Excel, as messages name it. */
export const OPEN_WORKBOOK = "открытая книга";

export function officeWorkspace(
  excel: ExcelRunner,
  settings: DocumentSettings,
  compute: ComputeClient,
  strings: { writing(sheet: string): string; template: string; packing?: string; reading?(sheet: string, rows: number): string },
  makeUrl: MakeUrl = blobUrl,
): Workspace {
  const book = new OfficeWorkbook(excel);
  const feed =
    (names: StageNames, onProgress: ProgressSink, signal: AbortSignal): Feed =>
    (sink) =>
      streamInput(book, names, onProgress, signal, sink);
  return {
    mode: "office",
    hasInput: () => true,
    sourceName: null,
    validate: (names, onProgress, signal) => validateVia(compute, feed(names, onProgress, signal), names, onProgress, signal),
    async identify(methodology, context, names, onProgress, signal) {
      const analysis = await analyseVia(compute, feed(names, onProgress, signal), methodology, context, names, onProgress, signal);
      if (!analysis.ok) return analysis;
      const sheets = analysis.sheets ?? [];
      onProgress({ stage: strings.writing(sheets.map((s) => s.name).join(", ")), fraction: null, cancellable: false });
      const report = await book.writeResultSheets(sheets);
      const summary = report.written[0]?.actual;
      if (summary) await book.selectCell(summary, null);
      return { ok: true, issues: withCutWarning(analysis.issues, report.cut), summary: analysis.summary, view: analysis.view, written: report.written.map((w) => w.actual) };
    },
    async report(onProgress, signal) {
      const { docx } = await compute.request({ type: "report" }, (_key, fraction) => onProgress({ stage: strings.packing ?? "…", fraction, cancellable: true }), signal);
      return { name: reportFileName(null), url: makeUrl(new Uint8Array(docx), DOCX_TYPE) };
    },
    async compare(methodologies, names, onProgress, signal) {
      compute.clear();
      await feed(names, onProgress, signal)((sheet, rows, first, hidden) => compute.feed(sheet, rows, first, hidden));
      const c = await compute.request({ type: "compare", methodologies, output: "sheets" }, (key, fraction) => onProgress(stageProgress(names, key, fraction)), signal);
      compute.clear();
      if (!c.ok) return c;
      const sheets = c.sheets ?? [];
      onProgress({ stage: strings.writing(sheets.map((s) => s.name).join(", ")), fraction: null, cancellable: false });
      // The identification's sheets of an earlier «Выявить» stay: only an earlier comparison is replaced.
      const report = await book.writeResultSheets(sheets, { onlySameNames: true });
      return { ok: true, issues: withCutWarning(c.issues, report.cut), overlap: c.overlap, written: report.written.map((w) => w.actual) };
    },
    selectCell: (sheet, cell) => book.selectCell(sheet, cell),
    highlight: (cells) => book.highlightCells(cells),
    clearHighlights: () => book.clearHighlights(),
    async exportIssues(issues) {
      const report = await book.writeResultSheets([issuesSheetOf(issues)]);
      const name = report.written[0]?.actual ?? SHEET_NAMES.issues;
      await book.selectCell(name, null);
      return name;
    },
    demoAvailable: true,
    async insertTemplate(kind, onProgress) {
      onProgress({ stage: strings.template, fraction: null, cancellable: false });
      return book.insertInputSheets(kind === "demo" ? paneDemoSheets() : templateSheets());
    },
    async importBase(onProgress, signal) {
      const sheets = await readImportBase(book, (sheet, rows) => onProgress({ stage: strings.reading?.(sheet, rows) ?? sheet, fraction: null, cancellable: true }), signal);
      return sheets.length === 0 ? null : { name: OPEN_WORKBOOK, sheets };
    },
    async importSheets(_name, sheets, onProgress, _signal, base) {
      const report = await writeImportSheets(excel, book, sheets, base ?? [], {
        onSheet: (sheet) => onProgress({ stage: strings.writing(sheet), fraction: null, cancellable: false }),
      });
      return { added: report.added, updated: report.updated, skipped: report.unchanged };
    },
    choices: documentSetting(settings, CHOICE_SETTING),
  };
}
