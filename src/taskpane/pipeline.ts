/**
 * What the pane's buttons do, without React and without Office: read the input sheets through a
 * WorkbookPort in blocks, parse them exactly as the command line does, identify, and build the
 * result sheets. Every block and stage yields to the event loop, so the pane keeps painting its
 * progress bar and its cancel button answers.
 */
import { identify, type IdentificationResult, type Methodology } from "../engine";
import type { Issue } from "../engine/types";
import { INPUT_SHEETS, parseWorkbook, type ParseResult, type RawSheet, type RawWorkbook } from "../schema";
import type { CellValue } from "../schema/raw";
import { sheetNameMatches } from "../schema/shape";
import { DEFAULT_BLOCK_ROWS, REGISTRY_SHEET, type CellHighlight, type SheetSpec, type WorkbookPort } from "../workbook/port";
import { resultSheets, type RunContext } from "../workbook/resultSheets";
import { regressionSheet } from "./regressionSheet";

/** A stage of long work, as the progress bar shows it. `fraction` null: indeterminate. */
export interface Progress {
  readonly stage: string;
  readonly fraction: number | null;
  /** False while results are being written: stopping then would leave half a result. */
  readonly cancellable: boolean;
}

export type ProgressSink = (p: Progress) => void;

/** The user pressed «Отменить». */
export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "CancelledError";
  }
}

/** Lets the browser paint and handle clicks, then stops if the user cancelled. */
export async function yieldToUi(signal?: AbortSignal): Promise<void> {
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  if (signal?.aborted) throw new CancelledError();
}

/** Stage names in the pane's language. */
export interface StageNames {
  reading(sheet: string, rows: number): string;
  readonly parsing: string;
  readonly identifying: string;
  writing(sheet: string): string;
}

/** Whether a sheet is one of the workbook contract's input sheets (by name or synonym). */
export function isInputSheet(name: string): boolean {
  return INPUT_SHEETS.some((def) => sheetNameMatches(def, name));
}

/** The input sheets of the workbook, read block by block (other sheets are not read at all). */
export async function readInput(
  port: WorkbookPort,
  names: StageNames,
  onProgress: ProgressSink,
  signal?: AbortSignal,
  blockRows = DEFAULT_BLOCK_ROWS,
): Promise<RawWorkbook> {
  const listed = await port.listSheets();
  const wanted = listed.filter((s) => s.name !== REGISTRY_SHEET && isInputSheet(s.name));
  const total = Math.max(1, wanted.reduce((n, s) => n + s.rowCount, 0));
  let done = 0;
  const sheets: RawSheet[] = [];
  for (const info of wanted) {
    const rows: (readonly CellValue[])[] = [];
    onProgress({ stage: names.reading(info.name, 0), fraction: done / total, cancellable: true });
    for (;;) {
      await yieldToUi(signal);
      const block = await port.readRows(info.name, rows.length, blockRows);
      for (const row of block) rows.push(row);
      onProgress({ stage: names.reading(info.name, rows.length), fraction: Math.min(1, (done + rows.length) / total), cancellable: true });
      if (block.length < blockRows) break;
    }
    done += rows.length;
    sheets.push({ name: info.name, rows });
  }
  return { sheets };
}

/** Errors are what stop the identification; warnings and notes are shown but do not. */
export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === "error");
}

export async function validateInput(raw: RawWorkbook, names: StageNames, onProgress: ProgressSink, signal?: AbortSignal): Promise<ParseResult> {
  onProgress({ stage: names.parsing, fraction: null, cancellable: true });
  await yieldToUi(signal);
  const parsed = parseWorkbook(raw);
  await yieldToUi(signal);
  return parsed;
}

/** Fill colours of highlighted cells: an error as Excel's "Bad", a warning as "Neutral". */
export const HIGHLIGHT_COLOURS = { error: "#FFC7CE", warning: "#FFEB9C" } as const;

/** The cells to highlight for a list of issues: errors and warnings that name a cell, each cell once. */
export function highlightsFor(issues: readonly Issue[]): CellHighlight[] {
  const seen = new Map<string, CellHighlight>();
  for (const i of issues) {
    if (i.sheet === null || i.cell === null || i.severity === "info") continue;
    const key = `${i.sheet}!${i.cell}`;
    const existing = seen.get(key);
    if (existing && existing.colour === HIGHLIGHT_COLOURS.error) continue;
    seen.set(key, { sheet: i.sheet, cell: i.cell, colour: HIGHLIGHT_COLOURS[i.severity] });
  }
  return [...seen.values()];
}

export interface Identified {
  readonly result: IdentificationResult;
  readonly sheets: SheetSpec[];
}

/** Identification and the result sheets (those of the command line, plus the regression sheet). */
export async function identifyInput(
  parsed: Extract<ParseResult, { ok: true }>,
  methodology: Methodology,
  context: Omit<RunContext, "inputRows">,
  names: StageNames,
  onProgress: ProgressSink,
  signal?: AbortSignal,
): Promise<Identified> {
  onProgress({ stage: names.identifying, fraction: null, cancellable: true });
  await yieldToUi(signal);
  const computed = identify(parsed.input, methodology);
  const result: IdentificationResult = { ...computed, issues: [...parsed.issues, ...computed.issues] };
  await yieldToUi(signal);
  const inputRows: Record<string, number> = {
    Школы: parsed.input.schools.length,
    Результаты: parsed.input.results.length,
    Баллы: parsed.input.scores.length,
    Шкалы: parsed.input.scales.length,
  };
  const sheets = resultSheets(result, { ...context, inputRows });
  const regression = regressionSheet(result);
  // The regression sheet goes right after Муниципалитеты, before the audit sheets.
  sheets.splice(Math.min(3, sheets.length), 0, regression);
  return { result, sheets };
}
