/** The workbook contract (SPEC.md §1): sheet definitions, parsing, issues, the template. */
export type { CellValue, RawSheet, RawWorkbook } from "./raw";
export { parseWorkbook, type ParseResult } from "./parseWorkbook";
export {
  ISSUE_CODES,
  ISSUE_HINTS,
  ISSUE_SEVERITY,
  ISSUE_TITLES,
  cellAddress,
  columnLetters,
  formatCellRef,
  toIssue,
  type Expectation,
  type IssueCode,
  type IssueDraft,
  type SchemaIssue,
} from "./issues";
export { columnList, type ColumnDef, type ColumnType, type ColumnsOf, type FieldColumn, type SheetDef, type SheetId } from "./columns";
export { INPUT_SHEETS, RESULTS_SHEET, SCALES_SHEET, SCHOOLS_SHEET, SCORES_SHEET, SILENT_HEADERS } from "./sheets";
export { headerKey, looseKey } from "./text";
export { CANONICAL_PROCEDURES } from "./values";

export {
  EGE_HIGH_SCORE,
  EXAMPLE_NOTE,
  EXAMPLE_NOTE_HEADER,
  EXAMPLE_SCALES,
  TEMPLATE_LISTS,
  TEMPLATE_SHEETS,
  scaleToRow,
  type ExampleScale,
  type TemplateColumn,
  type TemplateSheet,
} from "./template";
export { MUNICIPAL_INDICATORS_SHEET, SCHOOL_MONITORING_COLUMNS, SCHOOL_MONITORING_FIELDS, SCHOOL_MONITORING_PARTS } from "./monitoringSheets";
