/**
 * What the pane works on, whatever holds the workbook: Excel itself (Office adapter) or an .xlsx
 * file opened in the browser (File adapter). Components get one through props and never see
 * Office.js; tests give them an in-memory one.
 */
import type { RawWorkbook } from "../schema";
import type { CellHighlight } from "../workbook/port";
import type { ChoiceStore } from "./methodologyChoice";
import type { Identified, ProgressSink, StageNames } from "./pipeline";

export interface Download {
  readonly name: string;
  readonly url: string;
}

export interface TemplateOutcome {
  readonly added: readonly string[];
  readonly skipped: readonly string[];
  /** Standalone mode: the template as a file to download. */
  readonly download?: Download;
}

export interface ResultOutcome {
  readonly written: readonly string[];
  /** Standalone mode: the result workbook to download. */
  readonly download?: Download;
}

export type TemplateKind = "empty" | "demo";

export interface Workspace {
  readonly mode: "office" | "file";
  /** Whether there is a workbook to read (always in Excel; after a file is opened standalone). */
  hasInput(): boolean;
  /** Standalone: opens an .xlsx file's bytes. */
  open?(name: string, bytes: ArrayBuffer, onProgress: ProgressSink): Promise<void>;
  readonly sourceName: string | null;
  /** The input sheets, read in blocks. */
  readInput(names: StageNames, onProgress: ProgressSink, signal: AbortSignal): Promise<RawWorkbook>;
  /** Excel only: show a cell of an issue. */
  selectCell?(sheet: string, cell: string | null): Promise<void>;
  /** Excel only: fill the cells of issues / take exactly those fills away. */
  highlight?(cells: readonly CellHighlight[]): Promise<void>;
  clearHighlights?(): Promise<void>;
  /** Whether the demo region can be offered with the template. */
  readonly demoAvailable: boolean;
  insertTemplate(kind: TemplateKind, onProgress: ProgressSink): Promise<TemplateOutcome>;
  writeResults(identified: Identified, onProgress: ProgressSink): Promise<ResultOutcome>;
  readonly choices: ChoiceStore;
}
