/**
 * WorkbookPort: everything the task pane and the CLI need from a workbook, whatever holds it
 * (Excel through Office.js, or an .xlsx file through exceljs). The shapes are chosen for
 * Excel.run batching: reads come back as whole 2-D blocks of rows, a result sheet is written as
 * one 2-D block of values plus a few styled ranges, so an Office adapter needs one
 * `context.sync()` per block, never one per cell.
 *
 * Policy that must be the same in every adapter (which sheets a run may replace, what a new
 * sheet is called when the user already has one of that name, how highlights are remembered) is
 * here as pure functions; adapters only carry it out.
 */
import type { CellValue, RawSheet } from "../schema/raw";

/**
 * A number format as Excel spells it: "0.0%", "0.0", "0", "@" (text), "General", or
 * {@link POINTS_FORMAT} for a change of an index in percentage points.
 */
export type NumberFormat = "General" | "@" | "0" | "0.0" | "0.00" | "0.000" | "0.0%" | "0%" | typeof POINTS_FORMAT;

/**
 * A change of an index in percentage points with its sign: a cell holding −4 reads «−4,0 п.п.».
 * The cell holds points (the JSON's difference of fractions × 100), since Excel's only scaling
 * format is "%", which would read as a relative change.
 */
export const POINTS_FORMAT = '+0.0" п.п.";-0.0" п.п.";0.0" п.п."';

/** A colour as "#RRGGBB". */
export type Colour = `#${string}`;

/** Fill and font of a cell or a whole row. */
export interface CellStyle {
  readonly fill?: Colour;
  readonly font?: Colour;
  readonly bold?: boolean;
  /** A format of this cell over its column's (a column mixing shares, points and scores). */
  readonly numberFormat?: NumberFormat;
}

export interface ColumnSpec {
  readonly header: string;
  /** Column width in characters (Excel's unit). */
  readonly width: number;
  readonly format: NumberFormat;
  /** Wrap long text (reasons) instead of spilling over. */
  readonly wrap?: boolean;
}

/** A value a result sheet may hold. Text is always written as text, never as a formula. */
export type SpecCell = string | number | null;

/** A style on a data row (`column` omitted: the whole row). Rows are 0-based data rows, header excluded. */
export interface StyledCell {
  readonly row: number;
  readonly column?: number;
  readonly style: CellStyle;
}

/** One series of a chart: its name and its values, an A1 range of the chart's own sheet ("B2:B4"). */
export interface ChartSeriesSpec {
  readonly name: string;
  readonly values: string;
}

/**
 * A chart over a block of its sheet's cells. Ranges are A1 ranges without a sheet name
 * ("A2:A4"): they refer to the sheet the spec belongs to, under whatever name it is written
 * ("Динамика (2)" when the user owns "Динамика"). An adapter that cannot draw charts (the file
 * adapter: exceljs cannot) ignores them; the data is on the sheet either way.
 */
export interface ChartSpec {
  /** `stackedBar`: horizontal bars stacked to 100 % (a distribution per category). */
  readonly type: "line" | "bar" | "scatter" | "stackedBar";
  readonly title: string;
  /** Category labels (x values of a scatter chart), e.g. the years "A2:A4". */
  readonly categories: string;
  readonly series: readonly ChartSeriesSpec[];
  /** Where the chart's top-left corner goes, e.g. "R2". */
  readonly anchor: string;
}

/**
 * A result sheet, format-neutral: header row 1, data from row 2. `table` makes the block an
 * Excel table with filter buttons (its name must be a valid, workbook-unique table name).
 */
export interface SheetSpec {
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
  readonly rows: readonly (readonly SpecCell[])[];
  readonly styles: readonly StyledCell[];
  readonly table: { readonly name: string } | null;
  readonly freezeHeader: boolean;
  /** Charts to draw over the sheet's data (see {@link ChartSpec}); absent when there are none. */
  readonly charts?: readonly ChartSpec[];
}

/** A sheet as listed by an adapter. */
export interface SheetInfo {
  readonly name: string;
  /** Rows in the used range (0 for an empty sheet). */
  readonly rowCount: number;
  /** Hidden or very hidden (the add-in's own bookkeeping sheet is very hidden). */
  readonly hidden: boolean;
}

/** A cell to highlight, e.g. the cell of an input issue. `cell` is an A1 address ("F12"). */
export interface CellHighlight {
  readonly sheet: string;
  readonly cell: string;
  readonly colour: Colour;
}

/** What a write did: requested name → the name actually used (they differ when the user owns the name). */
export interface WriteReport {
  readonly written: readonly { readonly requested: string; readonly actual: string }[];
  readonly replaced: readonly string[];
  /** Cells whose text was cut to Excel's 32,767 characters ("Лист!B7"); absent when none. */
  readonly cut?: readonly string[];
}

/** How a write treats the result sheets of earlier runs. */
export interface WriteOptions {
  /**
   * Replace only the earlier result sheets of the same names (e.g. a comparison of methodologies
   * next to an identification's sheets) instead of every sheet the add-in made.
   */
  readonly onlySameNames?: boolean;
}

/**
 * The add-in's sheets a write with {@link WriteOptions.onlySameNames} replaces: those whose name,
 * without a " (2)" suffix, is one of the requested names.
 */
export function sameNameSheets(addinSheets: readonly string[], requested: readonly string[]): string[] {
  const wanted = new Set(requested.map((n) => n.toLowerCase()));
  return addinSheets.filter((n) => wanted.has(n.toLowerCase()) || wanted.has(n.replace(/ \(\d+\)$/, "").toLowerCase()));
}

export interface WorkbookPort {
  listSheets(): Promise<readonly SheetInfo[]>;
  /**
   * Rows `startRow … startRow + rowCount − 1` (0-based; row 0 is Excel's row 1) of a sheet's
   * used range, fewer at its end. Empty cells are `null`. Use {@link readSheet} for a whole sheet.
   */
  readRows(sheet: string, startRow: number, rowCount: number): Promise<readonly (readonly CellValue[])[]>;
  /**
   * Write the result sheets as one unit: the sheets an earlier run made are deleted and
   * replaced, the user's sheets are never touched, a user sheet with a result sheet's name
   * keeps it and the result goes to "Итоги (2)".
   */
  writeResultSheets(specs: readonly SheetSpec[], options?: WriteOptions): Promise<WriteReport>;
  /** Fill input cells (bad values); remembered so that {@link clearHighlights} restores them. */
  highlightCells(cells: readonly CellHighlight[]): Promise<void>;
  clearHighlights(): Promise<void>;
}

/** Default rows per read block (OFFICE.md: start at 5,000–20,000, halve on a payload error). */
export const DEFAULT_BLOCK_ROWS = 10_000;

/**
 * A whole sheet read through {@link WorkbookPort.readRows} in blocks. Stops at the first short
 * block. `onProgress` gets the rows read so far.
 */
export async function readSheet(
  port: Pick<WorkbookPort, "readRows">,
  sheet: string,
  options: { readonly blockRows?: number; readonly onProgress?: (rowsRead: number) => void } = {},
): Promise<RawSheet> {
  const blockRows = options.blockRows ?? DEFAULT_BLOCK_ROWS;
  if (!(blockRows > 0)) throw new RangeError(`blockRows must be positive, got ${blockRows}`);
  const rows: (readonly CellValue[])[] = [];
  for (;;) {
    const block = await port.readRows(sheet, rows.length, blockRows);
    for (const row of block) rows.push(row);
    options.onProgress?.(rows.length);
    if (block.length < blockRows) break;
  }
  return { name: sheet, rows };
}

/**
 * The very hidden sheet in which the add-in keeps its bookkeeping: which sheets it made and
 * which input cells it highlighted (with their previous fill, to restore it). A sheet, rather
 * than a custom property, because both Excel and every .xlsx library keep sheets faithfully.
 */
export const REGISTRY_SHEET = "ШНОР_служебный";

/** One line of the registry sheet: [kind, sheet, cell, previous fill]. */
export interface RegistryEntry {
  readonly kind: "sheet" | "highlight";
  readonly sheet: string;
  /** A1 address for a highlight; empty for a sheet. */
  readonly cell: string;
  /** The cell's fill before the highlight ("#RRGGBB"), empty when it had none. */
  readonly previousFill: string;
}

export const REGISTRY_HEADER: readonly string[] = ["Вид", "Лист", "Ячейка", "Прежняя заливка"];

export function registryToRows(entries: readonly RegistryEntry[]): string[][] {
  return [
    [...REGISTRY_HEADER],
    ...entries.map((e) => [e.kind === "sheet" ? "лист" : "подсветка", e.sheet, e.cell, e.previousFill]),
  ];
}

export function registryFromRows(rows: readonly (readonly CellValue[])[]): RegistryEntry[] {
  const entries: RegistryEntry[] = [];
  for (const row of rows.slice(1)) {
    const kind = row[0] === "лист" ? "sheet" : row[0] === "подсветка" ? "highlight" : null;
    const sheet = row[1];
    if (kind === null || typeof sheet !== "string" || sheet === "") continue;
    entries.push({ kind, sheet, cell: asText(row[2]), previousFill: asText(row[3]) });
  }
  return entries;
}

function asText(value: CellValue | undefined): string {
  return typeof value === "string" ? value : "";
}

/** Excel's sheet-name limit. */
const MAX_SHEET_NAME = 31;

/**
 * Which sheets to delete and what to call the new ones. A sheet is replaced only when the
 * registry says the add-in made it; a name held by a user's sheet (or already taken in this
 * plan) gets " (2)", " (3)", … (Excel compares sheet names case-insensitively).
 *
 * @example
 * planResultSheets(["Итоги", "Данные"], [], ["Итоги"]).names // Map { "Итоги" => "Итоги (2)" }
 */
export function planResultSheets(
  existing: readonly string[],
  addinSheets: readonly string[],
  requested: readonly string[],
): { readonly remove: readonly string[]; readonly names: ReadonlyMap<string, string> } {
  const ours = new Set(addinSheets.map((n) => n.toLowerCase()));
  const remove = existing.filter((n) => ours.has(n.toLowerCase()) && n !== REGISTRY_SHEET);
  const taken = new Set(existing.filter((n) => !ours.has(n.toLowerCase())).map((n) => n.toLowerCase()));
  taken.add(REGISTRY_SHEET.toLowerCase());
  const names = new Map<string, string>();
  for (const name of requested) {
    let actual = name.slice(0, MAX_SHEET_NAME);
    for (let i = 2; taken.has(actual.toLowerCase()); i++) {
      const suffix = ` (${i})`;
      actual = name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    }
    taken.add(actual.toLowerCase());
    names.set(name, actual);
  }
  return { remove, names };
}

/** A1 column letters live with the cell addresses of the issues; re-exported for the adapters. */
export { columnLetters } from "../schema/issues";

/** Parse "F12" into 0-based { row, column }; null when it is not an A1 address. */
export function parseA1(address: string): { row: number; column: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address);
  if (!m) return null;
  const letters = (m[1] ?? "").toUpperCase();
  let column = 0;
  for (const ch of letters) column = column * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1) return null;
  return { row: row - 1, column: column - 1 };
}
