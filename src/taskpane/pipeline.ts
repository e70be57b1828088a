/**
 * What the pane's buttons do, without React and without Office: read the input sheets through a
 * WorkbookPort in blocks, handing each block to the compute worker as it arrives, then have the
 * worker parse, analyse and build the result sheets (compute/). Reading yields to the event loop
 * between blocks; everything heavy runs in the worker, so the pane keeps painting and its cancel
 * button answers.
 */
import type { Issue } from "../engine/types";
import type { Methodology } from "../engine/methodology";
import { INPUT_SHEETS, type RawSheet, type RawWorkbook } from "../schema";
import type { SheetDef } from "../schema/columns";
import { RECOMMENDATIONS_SHEET } from "../schema/recommendationsSheet";
import type { CellValue } from "../schema/raw";
import { sheetNameMatches } from "../schema/shape";
import { DEFAULT_BLOCK_ROWS, REGISTRY_SHEET, type CellHighlight, type WorkbookPort } from "../workbook/port";
import type { RunContext } from "../workbook/resultSheets";
import type { ComputeClient } from "./compute/client";
import type { Analysis, StageKey, Validation } from "./compute/protocol";

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
  readonly loadingFile: string;
  readonly parsing: string;
  readonly identifying: string;
  readonly sheets: string;
  readonly packing: string;
  readonly template: string;
  writing(sheet: string): string;
}

/** A worker's stage as the progress bar shows it (the worker can always be stopped). */
export function stageProgress(names: StageNames, key: StageKey, fraction: number | null): Progress {
  return { stage: names[key], fraction, cancellable: true };
}

/** Where rows go as they are read: `first` starts a sheet; `hidden` marks a sheet hidden in Excel. */
export type RowSink = (sheet: string, rows: readonly (readonly CellValue[])[], first: boolean, hidden?: boolean) => void;

/** Whether a sheet is one of the workbook contract's input sheets (by name or synonym). */
export function isInputSheet(name: string): boolean {
  return INPUT_SHEETS.some((def) => sheetNameMatches(def, name)) || sheetNameMatches(RECOMMENDATIONS_SHEET as SheetDef<unknown>, name);
}

/** The input sheets of the workbook, read block by block into `sink` (other sheets are not read at all). */
export async function streamInput(
  port: WorkbookPort,
  names: StageNames,
  onProgress: ProgressSink,
  signal: AbortSignal | undefined,
  sink: RowSink,
  blockRows = DEFAULT_BLOCK_ROWS,
): Promise<void> {
  const listed = await port.listSheets();
  const wanted = listed.filter((s) => s.name !== REGISTRY_SHEET && isInputSheet(s.name));
  const total = Math.max(1, wanted.reduce((n, s) => n + s.rowCount, 0));
  let done = 0;
  for (const info of wanted) {
    let read = 0;
    onProgress({ stage: names.reading(info.name, 0), fraction: done / total, cancellable: true });
    for (;;) {
      await yieldToUi(signal);
      const block = await port.readRows(info.name, read, blockRows);
      sink(info.name, block, read === 0, info.hidden);
      read += block.length;
      onProgress({ stage: names.reading(info.name, read), fraction: Math.min(1, (done + read) / total), cancellable: true });
      if (block.length < blockRows) break;
    }
    done += read;
  }
}

/** The input sheets of the workbook, read block by block. */
export async function readInput(
  port: WorkbookPort,
  names: StageNames,
  onProgress: ProgressSink,
  signal?: AbortSignal,
  blockRows = DEFAULT_BLOCK_ROWS,
): Promise<RawWorkbook> {
  const sheets: { name: string; rows: (readonly CellValue[])[]; hidden?: boolean }[] = [];
  await streamInput(
    port,
    names,
    onProgress,
    signal,
    (name, rows, first, hidden) => {
      if (first) sheets.push(hidden === true ? { name, rows: [], hidden } : { name, rows: [] });
      const sheet = sheets[sheets.length - 1];
      if (sheet) for (const row of rows) sheet.rows.push(row);
    },
    blockRows,
  );
  return { sheets: sheets as RawSheet[] };
}

/** Hands the input to the worker: `feed` sends every row through the sink. */
export type Feed = (sink: RowSink) => Promise<void>;

/** Reads the input into the worker and has it validated. */
export async function validateVia(compute: ComputeClient, feed: Feed, names: StageNames, onProgress: ProgressSink, signal: AbortSignal): Promise<Validation> {
  compute.clear();
  await feed((sheet, rows, first, hidden) => compute.feed(sheet, rows, first, hidden));
  const checked = await compute.request({ type: "validate" }, (key, fraction) => onProgress(stageProgress(names, key, fraction)), signal);
  // The next run reads the workbook afresh (the user may have fixed it): no need to hold it.
  compute.clear();
  return checked;
}

/** Reads the input into the worker and has it analysed into result sheets (to be written through a port). */
export async function analyseVia(
  compute: ComputeClient,
  feed: Feed,
  methodology: Methodology,
  context: Omit<RunContext, "inputRows">,
  names: StageNames,
  onProgress: ProgressSink,
  signal: AbortSignal,
): Promise<Analysis> {
  compute.clear();
  await feed((sheet, rows, first, hidden) => compute.feed(sheet, rows, first, hidden));
  const analysis = await compute.request({ type: "analyse", methodology, context, output: "sheets" }, (key, fraction) => onProgress(stageProgress(names, key, fraction)), signal);
  compute.clear();
  return analysis;
}

/** Errors are what stop the identification; warnings and notes are shown but do not. */
export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === "error");
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
