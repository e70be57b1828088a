/**
 * What the pane works on, whatever holds the workbook: Excel itself (Office adapter) or an .xlsx
 * file opened in the browser (File adapter). Components get one through props and never see
 * Office.js; tests give them an in-memory one. The heavy work behind `validate` and `identify`
 * runs in the compute worker (compute/).
 */
import type { Methodology } from "../engine/methodology";
import type { Issue } from "../engine/types";
import type { RawSheet } from "../schema/raw";
import type { InputSheet } from "../workbook/inputWriter";
import type { CellHighlight } from "../workbook/port";
import type { RunContext } from "../workbook/resultSheets";
import type { ChoiceStore } from "./methodologyChoice";
import type { ProgressSink, StageNames } from "./pipeline";
import type { ResultView } from "./resultView";
import type { Summary } from "./summary";
import type { Validation } from "./compute/protocol";
import type { OverlapView } from "./compareView";

export interface Download {
  readonly name: string;
  readonly url: string;
}

export interface TemplateOutcome {
  readonly added: readonly string[];
  readonly skipped: readonly string[];
  /** «Импорт выгрузок» in Excel: sheets the workbook had, with rows appended or replaced. */
  readonly updated?: readonly string[];
  /** Standalone mode: the template as a file to download. */
  readonly download?: Download;
}

/** What checking the input found; `ok` false when there are errors (the worker's answer as it is). */
export type Checked = Validation;

/** An identification: stopped by errors in the input, or done and written. */
export type Identification =
  | { readonly ok: false; readonly issues: readonly Issue[] }
  | {
      readonly ok: true;
      /** The input's warnings and notes. */
      readonly issues: readonly Issue[];
      readonly summary: Summary;
      /** Schools, municipalities and years for the list, the card and the charts. */
      readonly view?: ResultView;
      /** Result sheets as written. */
      readonly written: readonly string[];
      /** Standalone mode: the result workbook to download. */
      readonly download?: Download;
    };

/** A comparison of methodologies (issue 15): stopped by errors in the input, or written. */
export type ComparisonOutcome =
  | { readonly ok: false; readonly issues: readonly Issue[] }
  | {
      readonly ok: true;
      readonly issues: readonly Issue[];
      readonly overlap: OverlapView;
      readonly written: readonly string[];
      /** Standalone mode: the comparison workbook to download. */
      readonly download?: Download;
    };

export type TemplateKind = "empty" | "demo";

/** The workbook the import joins through and writes into (see {@link Workspace.importBase}). */
export interface ImportBase {
  /** For messages: «открытая книга» in Excel, the file's name standalone. */
  readonly name: string;
  readonly sheets: readonly RawSheet[];
}

export interface Workspace {
  readonly mode: "office" | "file";
  /** Whether there is a workbook to read (always in Excel; after a file is opened standalone). */
  hasInput(): boolean;
  /** Standalone: opens an .xlsx file's bytes. */
  open?(name: string, bytes: ArrayBuffer, onProgress: ProgressSink, signal: AbortSignal): Promise<void>;
  /** Standalone: forgets the opened file (after a failed or cancelled open nothing stays loaded). */
  close?(): void;
  readonly sourceName: string | null;
  /** Reads and checks the input. */
  validate(names: StageNames, onProgress: ProgressSink, signal: AbortSignal): Promise<Checked>;
  /**
   * Reads, checks, identifies and writes the result sheets. Cancelling stops it before anything
   * is written; once writing starts the progress says it cannot be cancelled.
   */
  identify(methodology: Methodology, context: Omit<RunContext, "inputRows">, names: StageNames, onProgress: ProgressSink, signal: AbortSignal): Promise<Identification>;
  /** Reads, checks, compares the methodologies and writes «Сравнение методик» and «Сводка сравнения». */
  compare?(methodologies: readonly Methodology[], names: StageNames, onProgress: ProgressSink, signal: AbortSignal): Promise<ComparisonOutcome>;
  /** Excel only: show a cell of an issue. */
  selectCell?(sheet: string, cell: string | null): Promise<void>;
  /** Excel only: fill the cells of issues / take exactly those fills away. */
  highlight?(cells: readonly CellHighlight[]): Promise<void>;
  clearHighlights?(): Promise<void>;
  /** Whether the demo region can be offered with the template. */
  readonly demoAvailable: boolean;
  insertTemplate(kind: TemplateKind, onProgress: ProgressSink, signal?: AbortSignal): Promise<TemplateOutcome>;
  /** The analytical report (.docx, SPEC §12) of the last identification, as a file to download. */
  report?(onProgress: ProgressSink, signal: AbortSignal): Promise<Download>;
  /**
   * «Импорт выгрузок»: writes the imported input sheets. In Excel they are added in blocks and a
   * sheet the workbook already has is left as it is (listed as skipped); standalone they become
   * the opened file (and a download).
   */
  importSheets?(name: string, sheets: readonly InputSheet[], onProgress: ProgressSink, signal: AbortSignal, base?: readonly RawSheet[]): Promise<TemplateOutcome>;
  /**
   * «Импорт выгрузок»: the sheets of the workbook the pane works on that the import joins through
   * and adds to («Школы», «Шкалы», «Результаты», «Баллы»; standalone every sheet of the opened
   * file), or null when there is none. In Excel they are read in blocks through the Office
   * adapter; `importSheets` then changes only the rows that differ from them.
   */
  importBase?(onProgress: ProgressSink, signal: AbortSignal): Promise<ImportBase | null>;
  /** Excel only: writes the issues to a sheet of their own («Замечания»); returns its name. */
  exportIssues?(issues: readonly Issue[]): Promise<string>;
  readonly choices: ChoiceStore;
}
