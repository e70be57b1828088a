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
}

export interface RawWorkbook {
  readonly sheets: readonly RawSheet[];
}
