/**
 * The bounds the .xlsx reader keeps, so that no small file can make it use unbounded time or
 * memory. Each is refused with a Russian message (a {@link WorkbookFileError}: exit 1 in the CLI).
 *
 * - Excel's own limits: 1,048,576 rows × 16,384 columns (A1:XFD1048576).
 * - Unpacked size: the sheet XML inflated from the zip may not exceed `maxUnpackedBytes`;
 *   by default 50 × the file's size, at least 256 MiB and at most 2 GiB (a real workbook
 *   unpacks to 5–15 × its size: the 2,000-school benchmark is 40 MB → 378 MB).
 * - Markup: a tag, comment or CDATA section longer than {@link MAX_MARKUP_CHARS} (a cut or
 *   unclosed one), or a text longer than {@link MAX_TEXT_CHARS} (Excel's cell limit is 32,767).
 * - Sparse sheets: the empty cells the reader must fill in between real ones may not exceed
 *   {@link PADDING_BASE} + {@link PADDING_PER_CELL} × the real cells.
 */

export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

export const MIB = 1024 * 1024;
export const MIN_UNPACKED_BYTES = 256 * MIB;
export const MAX_UNPACKED_BYTES = 2048 * MIB;
export const UNPACKED_RATIO = 50;

/** Longest tag, comment, CDATA section or processing instruction, in characters. */
export const MAX_MARKUP_CHARS = 1 * MIB;
/** Longest text of one element (a cell's value, a shared string), in characters. */
export const MAX_TEXT_CHARS = 1 * MIB;
/** Filler cells allowed for free, then per real cell. */
export const PADDING_BASE = 8_000_000;
export const PADDING_PER_CELL = 64;
/** Cells a workbook's merged ranges may visit in all. */
export const MAX_MERGE_VISITS = 50_000_000;

/** The default bound on the unpacked size of a file of `fileBytes` bytes. */
export function defaultMaxUnpackedBytes(fileBytes: number): number {
  return Math.min(MAX_UNPACKED_BYTES, Math.max(MIN_UNPACKED_BYTES, UNPACKED_RATIO * fileBytes));
}

/** 1048576 → "1 048 576" (narrow no-break spaces). */
export function groupDigits(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
}

/** Bytes in MiB, for messages: "512 МБ". */
export function megabytes(bytes: number): string {
  return `${groupDigits(Math.ceil(bytes / MIB))} МБ`;
}

/** Column letters of a 1-based column number (1 → A, 16384 → XFD). */
export function columnLetters(col: number): string {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}
