/**
 * Messages between the pane and its compute worker (compute.worker.ts). Everything here survives
 * structured cloning: plain data only, stages as keys the pane turns into words in its language.
 *
 * The worker keeps the input it was given (an opened .xlsx file's sheets, or the rows the pane
 * read from Excel block by block) until it is replaced; «Отменить» terminates the worker, and the
 * pane gives the next worker its input again.
 */
import type { Issue } from "../../engine/types";
import type { Methodology } from "../../engine/methodology";
import type { CellValue } from "../../schema/raw";
import type { SheetSpec } from "../../workbook/port";
import type { RunContext } from "../../workbook/resultSheets";
import type { ResultView } from "../resultView";
import type { Summary } from "../summary";
import type { OverlapView } from "../compareView";

/** A stage of the worker's work; the pane names it (StageNames). */
export type StageKey = "loadingFile" | "parsing" | "identifying" | "sheets" | "packing" | "template";

/** Input rows of one sheet, in order; `first` starts the sheet afresh. */
export interface RowsMessage {
  readonly type: "rows";
  readonly sheet: string;
  readonly rows: readonly (readonly CellValue[])[];
  readonly first: boolean;
  /** The sheet is hidden in Excel: never preferred over a visible sheet of the same role. */
  readonly hidden?: boolean;
  /** With `first`: the sheet's cells formatted as dates (keys as in RawSheet.dateCells). */
  readonly dateCells?: ReadonlySet<number>;
}

export type RequestBody =
  /** Read an .xlsx file and keep its input sheets (the bytes are transferred). */
  | { readonly type: "open"; readonly bytes: ArrayBuffer }
  /** An input workbook to download: the empty template or the pane's demo region. */
  | { readonly type: "template"; readonly kind: "empty" | "demo" }
  /** Parse and validate the input held. */
  | { readonly type: "validate" }
  /** Parse, analyse and build the result sheets; `xlsx` also writes them into a new workbook. */
  | { readonly type: "analyse"; readonly methodology: Methodology; readonly context: Omit<RunContext, "inputRows">; readonly output: "sheets" | "xlsx" }
  /** The analytical report (.docx, SPEC §12) of the worker's last analysis. */
  | { readonly type: "report" }
  /** Parse and compare the methodologies (issue 15); `xlsx` also writes the two sheets into a new workbook. */
  | { readonly type: "compare"; readonly methodologies: readonly Methodology[]; readonly output: "sheets" | "xlsx" };

export type Request = RequestBody & { readonly id: number };

export type ToWorker = Request | RowsMessage | { readonly type: "clear" };

export interface Opened {
  readonly sheets: readonly { readonly name: string; readonly rows: number }[];
}

export interface Validation {
  /** False when the input cannot be parsed or has errors: nothing can be identified. */
  readonly ok: boolean;
  readonly issues: readonly Issue[];
}

export type Analysis =
  | { readonly ok: false; readonly issues: readonly Issue[] }
  | {
      readonly ok: true;
      /** The input's issues (warnings and notes; errors would have stopped the run). */
      readonly issues: readonly Issue[];
      readonly summary: Summary;
      /** The schools, municipalities and years the pane lists and charts. */
      readonly view: ResultView;
      /** `output: "sheets"`: the result sheets to write through a port. */
      readonly sheets?: readonly SheetSpec[];
      /** `output: "xlsx"`: the result workbook and the names of its sheets. */
      readonly xlsx?: ArrayBuffer;
      readonly written?: readonly string[];
    };

/** A comparison of methodologies: stopped by errors in the input, or its overlap and sheets. */
export type Comparison =
  | { readonly ok: false; readonly issues: readonly Issue[] }
  | {
      readonly ok: true;
      readonly issues: readonly Issue[];
      readonly overlap: OverlapView;
      readonly sheets?: readonly SheetSpec[];
      readonly xlsx?: ArrayBuffer;
      readonly written?: readonly string[];
    };

export interface Replies {
  readonly open: Opened;
  readonly template: { readonly xlsx: ArrayBuffer };
  readonly validate: Validation;
  readonly analyse: Analysis;
  readonly report: { readonly docx: ArrayBuffer };
  readonly compare: Comparison;
}

export type FromWorker =
  | { readonly type: "progress"; readonly id: number; readonly stage: StageKey; readonly fraction: number | null }
  | { readonly type: "done"; readonly id: number; readonly value: Replies[keyof Replies] }
  | { readonly type: "failed"; readonly id: number; readonly message: string };
