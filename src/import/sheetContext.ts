/**
 * What a reader needs while it reads one sheet: where it is (for issues), a place for the
 * rows it finds, and the tally of rows left out with their reasons (for the report line).
 */
import type { RawSheet } from "../schema/raw";
import { cellAddress } from "./cells";
import type { DeclaredMax, ImportedResult, ImportedScore, ImportIssue, ImportIssueCode, SchoolCodeKind, SeenSchool, Where } from "./model";
import type { Severity } from "../engine/types";

/** What readers hand their findings to (the import session). */
export interface ImportSink {
  score(s: ImportedScore): boolean;
  result(r: ImportedResult): void;
  school(s: SeenSchool): void;
  declaredMax(d: DeclaredMax): void;
  issue(i: ImportIssue): void;
}

/** Row-level issues of one code shown per sheet before the rest are only counted. */
export const ROW_ISSUES_PER_SHEET = 20;

/** The file and sheet rows were read from, shared by all of them. */
export interface SheetRef {
  readonly file: string;
  readonly sheet: string;
}

/**
 * A score read from a sheet. A million of them are held until the sheets are written, so the
 * cell's address is kept as two numbers and made into a {@link Where} only when a message needs it.
 */
export class SheetScore implements ImportedScore {
  constructor(
    readonly school: string,
    readonly kind: SchoolCodeKind,
    readonly year: number,
    readonly procedure: string,
    readonly grade: number,
    readonly participantId: string,
    readonly subject: string,
    readonly score: number,
    readonly mark: number | null,
    readonly journalMark: number | null,
    private readonly ref: SheetRef,
    private readonly row: number,
    private readonly column: number,
  ) {}

  get where(): Where {
    return { file: this.ref.file, sheet: this.ref.sheet, cell: cellAddress(this.row, this.column) };
  }
}

export class SheetContext {
  readonly leftOutReasons = new Map<string, number>();
  leftOut = 0;
  private readonly perCode = new Map<string, number>();
  readonly ref: SheetRef;

  constructor(
    readonly file: string,
    readonly sheet: RawSheet,
    readonly sink: ImportSink,
  ) {
    this.ref = { file, sheet: sheet.name };
  }

  where(row: number | null, column: number | null): Where {
    return { file: this.file, sheet: this.sheet.name, cell: row === null ? null : cellAddress(row, column ?? 0) };
  }

  issue(severity: Severity, code: ImportIssueCode, row: number | null, column: number | null, message: string): void {
    const n = (this.perCode.get(code) ?? 0) + 1;
    this.perCode.set(code, n);
    if (n === ROW_ISSUES_PER_SHEET + 1) {
      this.sink.issue({ severity, code, ...this.where(null, null), message: `и другие такие же замечания на этом листе (показаны первые ${ROW_ISSUES_PER_SHEET})` });
    }
    if (n > ROW_ISSUES_PER_SHEET) return;
    this.sink.issue({ severity, code, ...this.where(row, column), message });
  }

  /** A row left out: counted under `reason` and reported with its cell. */
  leaveOut(row: number, column: number | null, reason: string, detail?: string): void {
    this.leftOut += 1;
    this.leftOutReasons.set(reason, (this.leftOutReasons.get(reason) ?? 0) + 1);
    this.issue("warning", "row-left-out", row, column, detail === undefined ? `строка пропущена: ${reason}` : `строка пропущена: ${reason} (${detail})`);
  }

  reasons(): string[] {
    return [...this.leftOutReasons].map(([r, n]) => `${r}: ${n}`);
  }
}
