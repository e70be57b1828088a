/**
 * The pane's heavy work, written once and run in the compute worker (compute.worker.ts) — or, in
 * jsdom tests only, on the page itself through {@link inlineWorker}. It keeps the input it is
 * given and answers requests one at a time, in the order they came:
 * read .xlsx → parseWorkbook → analyse → result sheets → (standalone) the result workbook.
 */
import { analyseParsed } from "../../workbook/pipeline";
import { compareMethodologies } from "../../engine/compare";
import { compareSheets } from "../../workbook/compareSheets";
import { overlapView } from "../compareView";
import type { Issue } from "../../engine/types";
import { parseWorkbook, type ParseResult, type RawSheet, type RawWorkbook } from "../../schema";
import type { CellValue } from "../../schema/raw";
import { resultXlsxBytes } from "../../workbook/resultBytes";
import { withCutWarning } from "../../workbook/cutIssue";
import { inputWorkbookBuffer } from "../../workbook/inputWriter";
import { templateWorkbook } from "../../workbook/template";
import { paneDemoSheets } from "../demoSheets";
import { resultSheets } from "../../workbook/resultSheets";
import { readXlsxBytes } from "../../workbook/xlsxBytes";
import type { AnalysisResult } from "../../engine/analyse";
import { reportBytes } from "../../report/report";
import { checkWorkbookBytes, WorkbookFileError } from "../../workbook/fileKind";
import { isInputSheet } from "../pipeline";
import { resultView } from "../resultView";
import { summarize } from "../summary";
import type { FromWorker, Replies, Request, RowsMessage, StageKey, ToWorker } from "./protocol";

/** Posts a message to the pane, moving (not copying) the buffers listed. */
export type Post = (message: FromWorker, transfer?: Transferable[]) => void;

const hasErrors = (issues: readonly Issue[]): boolean => issues.some((i) => i.severity === "error");

/** The bytes in an ArrayBuffer of their own, to transfer (copied only when they are a view into a larger one). */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Fraction of the progress bar at the start of each stage of an analysis. */
const ANALYSE_STAGES: Readonly<Record<StageKey, number | null>> = {
  loadingFile: null,
  template: null,
  parsing: 0,
  identifying: 0.3,
  sheets: 0.75,
  packing: 0.85,
};

/** An input sheet held by the worker; `hidden`: hidden in Excel, never preferred over a visible one. */
type InputSheet = { name: string; rows: (readonly CellValue[])[]; hidden?: boolean; dateCells?: ReadonlySet<number> };

/** An .xlsx file's input sheets (the contract's sheets only: a big workbook's other sheets would only take memory). */
async function readInputSheets(bytes: ArrayBuffer): Promise<{ sheets: InputSheet[]; date1904: boolean }> {
  const kind = checkWorkbookBytes(new Uint8Array(bytes));
  if (!kind.ok) throw new Error(kind.message);
  let read: RawWorkbook;
  try {
    // The command line's scanner over fflate: the sheet XML is never held whole, no cell model is built.
    read = readXlsxBytes(bytes);
  } catch (e) {
    // A bound of the reader (addresses past Excel's, a zip bomb, broken markup): its own Russian message.
    if (e instanceof WorkbookFileError) throw new Error(`Файл не удалось прочитать как книгу Excel (.xlsx): ${e.message}`);
    // A damaged archive or a renamed .docx: say so in Russian, with the reader's words for whoever helps.
    throw new Error(`Файл не удалось прочитать как книгу Excel (.xlsx): он повреждён или это не книга Excel — откройте его в Excel и сохраните как «Книга Excel (*.xlsx)» (${e instanceof Error ? e.message : String(e)})`);
  }
  // A fresh read: its row arrays are nobody else's, so they are kept as they are, not copied.
  const sheets = read.sheets
    .filter((s) => isInputSheet(s.name))
    .map((s) => ({ name: s.name, rows: s.rows as (readonly CellValue[])[], ...(s.hidden === true ? { hidden: true } : {}), ...(s.dateCells ? { dateCells: s.dateCells } : {}) }));
  return { sheets, date1904: read.date1904 === true };
}

/** A handler of the pane's messages over its own copy of the input. */
export function computeHandler(post: Post): (message: ToWorker) => void {
  let sheets: InputSheet[] = [];
  let parsed: ParseResult | null = null;
  /** The opened workbook counts dates from 1904 (a Mac workbook). */
  let date1904 = false;
  let queue: Promise<void> = Promise.resolve();
  /** The last analysis and its run context, for «Скачать справку» (kept when the input is cleared). */
  let last: { result: AnalysisResult; context: { date: string; source?: string } } | null = null;

  /**
   * The input parsed, once per input: «Проверить данные» then «Выявить» parse it once. The raw
   * rows are dropped once parsed — every later request works from the parse, and new input
   * (rows, open, clear) replaces both — so they take no memory during the analysis.
   */
  const parse = (stage: (key: StageKey) => void): ParseResult => {
    if (parsed === null) {
      stage("parsing");
      const raw: RawSheet[] = sheets.map((s) => ({ name: s.name, rows: s.rows, ...(s.hidden === true ? { hidden: true } : {}), ...(s.dateCells ? { dateCells: s.dateCells } : {}) }));
      sheets = [];
      parsed = parseWorkbook(date1904 ? { sheets: raw, date1904 } : { sheets: raw });
    }
    return parsed;
  };

  /**
   * An opened file is parsed at once, as part of opening it: its raw rows are then dropped (they
   * and the parse are never held together through an analysis), and «Проверить данные» and
   * «Выявить» start from the parse. The parse's issues wait for those requests.
   */
  const opened = (stage: (key: StageKey, fraction?: number | null) => void): void => {
    parse((k) => stage(k, null));
  };

  /** Appends rows to the input (a sheet's `first` block starts it afresh). */
  const take = (message: RowsMessage): void => {
    parsed = null;
    let sheet = sheets.find((s) => s.name === message.sheet);
    if (!sheet || message.first) {
      sheets = sheets.filter((s) => s.name !== message.sheet);
      sheet = { name: message.sheet, rows: [], ...(message.hidden === true ? { hidden: true } : {}), ...(message.dateCells ? { dateCells: message.dateCells } : {}) };
      sheets.push(sheet);
    }
    for (const row of message.rows) sheet.rows.push(row);
  };

  const handle = async (message: ToWorker): Promise<void> => {
    if (message.type === "clear") {
      sheets = [];
      parsed = null;
      date1904 = false;
      return;
    }
    if (message.type === "rows") {
      take(message);
      return;
    }
    const id = message.id;
    const stage = (key: StageKey, fraction: number | null = ANALYSE_STAGES[key]): void => post({ type: "progress", id, stage: key, fraction });
    try {
      const done = (value: Replies[keyof Replies], transfer?: Transferable[]): void => post({ type: "done", id, value }, transfer);
      await respond(message, stage, done);
    } catch (e) {
      post({ type: "failed", id, message: e instanceof Error ? e.message : String(e) });
    }
  };

  const respond = async (
    message: Request,
    stage: (key: StageKey, fraction?: number | null) => void,
    done: (value: Replies[keyof Replies], transfer?: Transferable[]) => void,
  ): Promise<void> => {
    switch (message.type) {
      case "open": {
        stage("loadingFile", null);
        // Whatever happens next, the previous file is gone: a failed open never leaves it to be checked.
        sheets = [];
        parsed = null;
        date1904 = false;
        const read = await readInputSheets(message.bytes);
        sheets = read.sheets;
        date1904 = read.date1904;
        parsed = null;
        opened(stage);
        done({ sheets: read.sheets.map((s) => ({ name: s.name, rows: s.rows.length })) });
        return;
      }
      case "template": {
        stage("template", null);
        const bytes = message.kind === "demo" ? await inputWorkbookBuffer(paneDemoSheets()) : await templateWorkbook();
        const xlsx = ownBuffer(bytes);
        done({ xlsx }, [xlsx]);
        return;
      }
      case "report": {
        if (last === null) throw new Error("Сначала выполните выявление: справка строится по его результату");
        stage("packing", null);
        const docx = ownBuffer(await reportBytes(last.result, last.context));
        done({ docx }, [docx]);
        return;
      }
      case "validate": {
        const p = parse((k) => stage(k, null));
        done({ ok: p.ok && !hasErrors(p.issues), issues: p.issues });
        return;
      }
      case "analyse": {
        const p = parse(stage);
        if (!p.ok || hasErrors(p.issues)) {
          done({ ok: false, issues: p.issues });
          return;
        }
        stage("identifying");
        const { result, inputRows } = analyseParsed(p.input, p.issues, message.methodology);
        last = { result, context: message.context };
        stage("sheets");
        const specs = resultSheets(result, { ...message.context, inputRows });
        const summary = summarize(result);
        const view = resultView(result);
        if (message.output === "sheets") {
          done({ ok: true, issues: p.issues, summary, view, sheets: specs });
          return;
        }
        stage("packing");
        // Written part by part (fflate), as the command line writes it: exceljs's model of every cell took seconds and hundreds of MB.
        const { bytes, report } = await resultXlsxBytes(specs);
        const xlsx = ownBuffer(bytes);
        done({ ok: true, issues: withCutWarning(p.issues, report.cut), summary, view, xlsx, written: report.written.map((w) => w.actual) }, [xlsx]);
        return;
      }
      case "compare": {
        const p = parse(stage);
        if (!p.ok || hasErrors(p.issues)) {
          done({ ok: false, issues: p.issues });
          return;
        }
        stage("identifying");
        const comparison = compareMethodologies(p.input, message.methodologies);
        stage("sheets");
        const specs = compareSheets(comparison);
        const overlap = overlapView(comparison);
        if (message.output === "sheets") {
          done({ ok: true, issues: p.issues, overlap, sheets: specs });
          return;
        }
        stage("packing");
        const { bytes, report } = await resultXlsxBytes(specs);
        const xlsx = ownBuffer(bytes);
        done({ ok: true, issues: withCutWarning(p.issues, report.cut), overlap, xlsx, written: report.written.map((w) => w.actual) }, [xlsx]);
        return;
      }
    }
  };

  return (message) => {
    queue = queue.then(() => handle(message));
  };
}
