/**
 * Data of the import of real exports (FORMATS.md): what the readers find in a sheet, the issues
 * they raise with the file, sheet and cell, and the report line per sheet. Pure: no file system,
 * usable in Node and in the browser.
 */
import type { Severity } from "../engine/types";

/** The forms the import recognises (FORMATS.md). */
export type FormId = "fisIndividual" | "fisStatistics" | "fisJournal" | "protocol";

export const FORM_NAMES: Readonly<Record<FormId, string>> = {
  fisIndividual: "ФИС ОКО «Индивидуальные результаты»",
  fisStatistics: "ФИС ОКО «Статистика по отметкам»",
  fisJournal: "ФИС ОКО «Сравнение отметок с отметками по журналу»",
  protocol: "протокол РЦОИ (ОГЭ/ЕГЭ)",
};

/** Where something is: a file, a sheet of it and a cell ("B12") or none. */
export interface Where {
  readonly file: string;
  readonly sheet: string | null;
  readonly cell: string | null;
}

/**
 * An issue of the import. The message never holds a participant's name: readers take names only
 * to hash them, and a message quotes a cell only where the cell is not a name.
 */
export interface ImportIssue extends Where {
  readonly severity: Severity;
  readonly code: ImportIssueCode;
  readonly message: string;
}

export type ImportIssueCode =
  | "unreadable-file"
  | "unknown-form"
  | "title-missing"
  | "header-missing"
  | "row-left-out"
  | "count-mismatch"
  | "block-without-header"
  | "block-left-out"
  | "procedure-unknown"
  | "max-differs"
  | "score-above-max"
  | "participant-two-schools"
  | "duplicate-participant"
  | "school-unknown"
  | "school-added"
  | "join-ambiguous"
  | "marks-inconsistent"
  | "scale-missing"
  | "scale-inferred"
  | "scale-example"
  | "results-replaced"
  | "schools-file-unused";

/** One line of the recognition table: a sheet of a file, what it is and what it gave. */
export interface SheetReport {
  readonly file: string;
  readonly sheet: string;
  readonly form: FormId | null;
  readonly procedure: string | null;
  /** Subjects, grades and years found (a protocol holds several blocks). */
  readonly subjects: readonly string[];
  readonly grades: readonly number[];
  readonly years: readonly number[];
  readonly schools: number;
  /** Participant rows read (individual forms and protocols) or school rows (aggregated forms). */
  readonly rows: number;
  /** Rows left out, with their reasons counted. */
  readonly leftOut: number;
  readonly reasons: readonly string[];
}

/** How a school is named by an export: the ФИС ОКО login (edu…) or the regional «Код ОО». */
export type SchoolCodeKind = "login" | "code";

/** A participant's score as read from an export (before the schools are joined). */
export interface ImportedScore {
  readonly school: string;
  readonly kind: SchoolCodeKind;
  readonly year: number;
  readonly procedure: string;
  readonly grade: number;
  readonly participantId: string;
  readonly subject: string;
  readonly score: number;
  readonly mark: number | null;
  readonly journalMark: number | null;
  readonly where: Where;
}

/** A school × year × procedure × grade × subject of an aggregated ФИС ОКО form. */
export interface ImportedResult {
  readonly school: string;
  readonly year: number;
  readonly procedure: string;
  readonly grade: number;
  readonly subject: string;
  readonly participants: number | null;
  readonly mark2: number | null;
  readonly marks45: number | null;
  /** «Сравнение отметок с отметками по журналу»: counts of lowered, confirmed and raised marks. */
  readonly lowered: number | null;
  readonly confirmed: number | null;
  readonly raised: number | null;
  readonly where: Where;
}

/** A school as an export names it. */
export interface SeenSchool {
  readonly code: string;
  readonly kind: SchoolCodeKind;
  readonly name: string | null;
  readonly municipality: string | null;
  readonly where: Where;
}

/** A sheet's declared maximum score («Максимальный первичный балл»). */
export interface DeclaredMax {
  readonly procedure: string;
  readonly grade: number;
  readonly subject: string;
  readonly year: number;
  readonly max: number;
  readonly where: Where;
}
