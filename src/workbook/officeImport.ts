/**
 * «Импорт выгрузок» into the open workbook in Excel (issue 11): the workbook's own «Школы»,
 * «Шкалы», «Результаты» and «Баллы» (with «Баллы 2», …) are read through the Office adapter in
 * blocks and become the import's base, as the output's own «Школы» is for `shnor import -o`; the
 * assembled sheets are then written back:
 * - a sheet the workbook lacks is added (values in blocks, header style, frozen header — the
 *   adapter's `insertInputSheets`);
 * - a sheet it has gets only the rows that differ from what was read: schools not on «Школы»
 *   appended, inferred «Шкалы» rows appended, replaced units of «Результаты»/«Баллы» rewritten
 *   from the first changed row on, rows left over below cleared. Unchanged rows are not touched,
 *   so their formats and formulas stay.
 * Every write is a block of at most `writeBlockRows` rows, one `context.sync()` each, text columns
 * formatted "@" before their values (OFFICE.md: the 5 MB request cap, text never a formula).
 */
import type { SheetDef } from "../schema/columns";
import { continuationNumber } from "../schema/continuation";
import type { CellValue, RawSheet } from "../schema/raw";
import { sheetNameMatches } from "../schema/shape";
import { RESULTS_SHEET, SCALES_SHEET, SCHOOLS_SHEET, SCORES_SHEET } from "../schema/sheets";
import type { InputSheet } from "./inputWriter";
import type { ExcelRunner, OfficeWorkbook } from "./officeAdapter";
import { DEFAULT_BLOCK_ROWS } from "./port";

const TARGETS = [SCHOOLS_SHEET, SCALES_SHEET, RESULTS_SHEET, SCORES_SHEET] as readonly SheetDef<unknown>[];

/** Whether the import writes a sheet of this name (and so reads it as its base). */
export function isImportTarget(name: string): boolean {
  return TARGETS.some((def) => sheetNameMatches(def, name)) || continuationNumber(SCORES_SHEET as SheetDef<unknown>, name) !== null;
}

/**
 * The open workbook's sheets the import joins through and writes into, read in blocks of rows.
 * `onRows` hears each block (for the progress bar); `signal` stops between blocks.
 */
export async function readImportBase(
  book: Pick<OfficeWorkbook, "listSheets" | "readRows">,
  onRows?: (sheet: string, rows: number) => void,
  signal?: AbortSignal,
  blockRows = DEFAULT_BLOCK_ROWS,
): Promise<RawSheet[]> {
  const out: RawSheet[] = [];
  for (const info of await book.listSheets()) {
    if (!isImportTarget(info.name)) continue;
    const rows: (readonly CellValue[])[] = [];
    onRows?.(info.name, 0);
    while (rows.length < info.rowCount) {
      signal?.throwIfAborted();
      const block = await book.readRows(info.name, rows.length, Math.min(blockRows, info.rowCount - rows.length));
      if (block.length === 0) break;
      for (const r of block) rows.push(r);
      onRows?.(info.name, rows.length);
    }
    out.push({ name: info.name, rows });
  }
  return out;
}

export interface ImportWriteReport {
  /** Sheets the workbook did not have. */
  readonly added: readonly string[];
  /** Sheets it had, with rows appended or rewritten. */
  readonly updated: readonly string[];
  /** Sheets it had that the import left as they were (nothing to change). */
  readonly unchanged: readonly string[];
}

export interface ImportWriteOptions {
  /** Rows of values per sync (default 5,000: 5,000 × a dozen columns stays far under 5 MB). */
  readonly writeBlockRows?: number;
  /** Called before each sheet is written. */
  readonly onSheet?: (name: string) => void;
}

type Out = string | number | boolean;

function same(a: CellValue | undefined, b: CellValue | undefined): boolean {
  // Excel reads an empty cell as null; the writers' header cells say "".
  const x = a === undefined || a === "" ? null : a;
  const y = b === undefined || b === "" ? null : b;
  if (x === y) return true;
  if (x !== null && y !== null && typeof x === "object" && typeof y === "object") return x.error === y.error;
  return false;
}

function sameRow(a: readonly CellValue[] | undefined, b: readonly CellValue[] | undefined): boolean {
  if (a === b) return true;
  const n = Math.max(a?.length ?? 0, b?.length ?? 0);
  for (let c = 0; c < n; c++) if (!same(a?.[c], b?.[c])) return false;
  return true;
}

/** A cell as Office.js takes it: empty is "", an error value is written as its text. */
function toOffice(v: CellValue | undefined): Out {
  if (v === null || v === undefined) return "";
  return typeof v === "object" ? v.error : v;
}

/**
 * Writes the import's sheets into the open workbook: new sheets added, existing ones changed
 * only where their rows differ from `base` (the rows read by {@link readImportBase}).
 */
export async function writeImportSheets(
  excel: ExcelRunner,
  book: Pick<OfficeWorkbook, "insertInputSheets">,
  sheets: readonly InputSheet[],
  base: readonly RawSheet[],
  options: ImportWriteOptions = {},
): Promise<ImportWriteReport> {
  const blockRows = Math.max(1, options.writeBlockRows ?? 5_000);
  const existing = await excel.run(async (context) => {
    const collection = context.workbook.worksheets;
    collection.load("items/name");
    await context.sync();
    return new Map(collection.items.map((ws) => [ws.name.toLowerCase(), ws.name]));
  });
  const fresh = sheets.filter((s) => !existing.has(s.name.toLowerCase()));
  const updated: string[] = [];
  const unchanged: string[] = [];
  for (const sheet of sheets) {
    const actual = existing.get(sheet.name.toLowerCase());
    if (actual === undefined) continue;
    options.onSheet?.(actual);
    const old = base.find((b) => b.name.toLowerCase() === actual.toLowerCase())?.rows ?? [];
    const changed = await rewriteChanged(excel, actual, [sheet.header, ...sheet.rows()], old, new Set(sheet.textColumns), blockRows);
    (changed > 0 ? updated : unchanged).push(actual);
  }
  let added: readonly string[] = [];
  if (fresh.length > 0) {
    for (const s of fresh) options.onSheet?.(s.name);
    added = (await book.insertInputSheets(fresh)).added;
  }
  return { added, updated, unchanged };
}

/**
 * Writes the rows of `rows` that differ from `old` (and clears rows of `old` past the end), in
 * runs of consecutive rows cut into blocks; returns how many rows were written.
 */
async function rewriteChanged(
  excel: ExcelRunner,
  name: string,
  rows: readonly (readonly CellValue[])[],
  old: readonly (readonly CellValue[])[],
  text: ReadonlySet<number>,
  blockRows: number,
): Promise<number> {
  const total = Math.max(rows.length, old.length);
  let written = 0;
  await excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(name);
    let start = -1;
    let block: Out[][] = [];
    let width = 0;
    const flush = async (): Promise<void> => {
      if (block.length === 0) return;
      if (width > 0) {
        const values = block.map((r) => {
          const row = r.slice(0, width);
          while (row.length < width) row.push("");
          return row;
        });
        // Codes and names as text first, so "0701" keeps its zero and "=1+1" stays text.
        for (const c of text) if (c < width) ws.getRangeByIndexes(start, c, block.length, 1).numberFormat = block.map(() => ["@"]);
        context.workbook.application.suspendApiCalculationUntilNextSync();
        ws.getRangeByIndexes(start, 0, block.length, width).values = values;
        await context.sync();
        written += block.length;
      }
      block = [];
      width = 0;
      start = -1;
    };
    for (let r = 0; r < total; r++) {
      const next = rows[r];
      const prev = old[r];
      if (sameRow(next, prev)) {
        await flush();
        continue;
      }
      if (start === -1) start = r;
      const cells = (next ?? []).map(toOffice);
      block.push(cells);
      width = Math.max(width, cells.length, prev?.length ?? 0);
      if (block.length >= blockRows) await flush();
    }
    await flush();
  });
  return written;
}
