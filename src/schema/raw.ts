/**
 * A sheet's cell values as read by any adapter (Office or .xlsx file), before parsing.
 * `rows[0]` is the sheet's row 1 and `rows[r][0]` its column A; rows may be ragged.
 */
export type CellValue = string | number | boolean | null | { readonly error: string };

/**
 * The error a reader gives for a formula cell saved without its computed value (a file written
 * by a program that does not calculate): parsing reports it with the cell's address.
 */
export const FORMULA_WITHOUT_VALUE = "#НЕТ_ЗНАЧЕНИЯ";

export interface RawSheet {
  readonly name: string;
  /** Hidden or very hidden in the workbook: never preferred over a visible sheet of the same role. */
  readonly hidden?: boolean;
  readonly rows: readonly (readonly CellValue[])[];
  /**
   * Cells whose number format shows a date or time (a number typed as a date), as
   * {@link dateCellKey}s; absent when there are none or the reader cannot know. Parsing reports
   * such a number in a numeric column instead of reading a date as ~45 000.
   */
  readonly dateCells?: ReadonlySet<number>;
}

export interface RawWorkbook {
  readonly sheets: readonly RawSheet[];
  /** The workbook counts dates from 1904-01-01 (old Mac Excel), not from 1900. */
  readonly date1904?: boolean;
}

/** Excel's columns per sheet: a cell's key in {@link RawSheet.dateCells} is `row × this + column`. */
export const DATE_KEY_COLUMNS = 16_384;

/** Key of a 0-based cell in {@link RawSheet.dateCells}. */
export function dateCellKey(row: number, column: number): number {
  return row * DATE_KEY_COLUMNS + column;
}
