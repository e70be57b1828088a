/**
 * A sheet's cell values as read by any adapter (Office or .xlsx file), before parsing.
 * `rows[0]` is the sheet's row 1 and `rows[r][0]` its column A; rows may be ragged.
 */
export type CellValue = string | number | boolean | null | { readonly error: string };

export interface RawSheet {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
}

export interface RawWorkbook {
  readonly sheets: readonly RawSheet[];
}
