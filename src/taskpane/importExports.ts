/**
 * The pane's import of real exports (FORMATS.md): files chosen in the browser are read into cells
 * (exceljs for .xlsx, SheetJS for .xls), a workbook with a «Школы» sheet among them is the base
 * of the join (as `--schools` on the command line), the rest go through the same pure import as
 * `shnor import`. The name key is made here at random and lives only as long as the call.
 */
import { assembleImport, ImportSession, NAME_KEY_BYTES, type Assembled, type SheetReport } from "../import";
import type { SheetDef } from "../schema/columns";
import type { RawSheet, RawWorkbook } from "../schema/raw";
import { sheetNameMatches } from "../schema/shape";
import { SCALES_SHEET, SCHOOLS_SHEET } from "../schema/sheets";
import { isLegacyXls, readXls } from "../workbook/xlsReader";
import { readXlsxBytes } from "../workbook/xlsxBytes";

export interface ChosenFile {
  readonly name: string;
  readonly bytes: ArrayBuffer;
}

export interface BrowserImport {
  readonly reports: readonly SheetReport[];
  readonly assembled: Assembled;
  /** Where the base «Школы» came from: the open workbook's name (see `OpenBase`) or a chosen file's, or null. */
  readonly base: string | null;
  /** Whether the base «Школы» is the open workbook's own. */
  readonly baseIsOpen: boolean;
  /** The open workbook's sheets as read (the writer changes only rows that differ from them). */
  readonly openSheets: readonly RawSheet[];
}

/** The workbook the pane works on (Excel's open workbook, the standalone page's opened file). */
export interface OpenBase {
  readonly name: string;
  readonly sheets: readonly RawSheet[];
}

const hasSheet = (sheets: readonly RawSheet[], def: SheetDef<unknown>): boolean => sheets.some((s) => sheetNameMatches(def, s.name));

async function readAny(file: ChosenFile): Promise<RawWorkbook> {
  const bytes = new Uint8Array(file.bytes);
  return isLegacyXls(bytes) || /\.xls$/i.test(file.name) ? readXls(bytes) : readXlsxBytes(bytes);
}

/** A random key for one import (Web Crypto, in the page and in Node alike). */
export function newNameKey(): Uint8Array {
  const key = new Uint8Array(NAME_KEY_BYTES);
  globalThis.crypto.getRandomValues(key);
  return key;
}

/**
 * Reads the chosen files and assembles the input sheets. The base of the join is the open
 * workbook's «Школы» when it has one (a chosen «Школы» workbook is then not used, with a
 * warning); otherwise a chosen workbook with «Школы» gives «Школы» (and «Шкалы», where the open
 * workbook has none) on top of the open workbook's sheets; with no «Школы» anywhere every school
 * of the exports is added with a warning, as `shnor import` does.
 */
export async function importChosenFiles(files: readonly ChosenFile[], onFile?: (name: string, index: number) => void, open: OpenBase | null = null): Promise<BrowserImport> {
  const session = new ImportSession({ nameKey: newNameKey() });
  const openSheets = open?.sheets ?? [];
  const openHasSchools = hasSheet(openSheets, SCHOOLS_SHEET as SheetDef<unknown>);
  let chosen: { name: string; wb: RawWorkbook } | null = null;
  for (let i = 0; i < files.length; i++) {
    const file = files[i] as ChosenFile;
    onFile?.(file.name, i);
    let wb: RawWorkbook;
    try {
      wb = await readAny(file);
    } catch (e) {
      session.addUnreadable(file.name, e instanceof Error ? e.message : String(e));
      continue;
    }
    if (wb.sheets.some((s) => sheetNameMatches(SCHOOLS_SHEET as SheetDef<unknown>, s.name))) {
      if (open !== null && openHasSchools) {
        session.issue({
          severity: "warning",
          code: "schools-file-unused",
          file: file.name,
          sheet: null,
          cell: null,
          message: `школы сопоставляются по листу «Школы» открытой книги (${open.name}); лист «Школы» этого файла не использован`,
        });
        continue;
      }
      if (chosen === null) {
        chosen = { name: file.name, wb };
        continue;
      }
    }
    session.addWorkbook(file.name, wb);
  }
  let base: RawSheet[] | null = null;
  let baseName: string | null = null;
  if (open !== null && (openHasSchools || chosen === null)) {
    base = [...openSheets];
    baseName = openHasSchools ? open.name : null;
  } else if (chosen !== null) {
    // The chosen «Школы» (and its «Шкалы» where the open workbook has none) over the open workbook's sheets.
    const take = (def: SheetDef<unknown>): RawSheet[] => (hasSheet(openSheets, def) ? [] : chosen.wb.sheets.filter((s) => sheetNameMatches(def, s.name)));
    base =
      open === null
        ? [...chosen.wb.sheets]
        : [...take(SCHOOLS_SHEET as SheetDef<unknown>), ...take(SCALES_SHEET as SheetDef<unknown>), ...openSheets];
    baseName = chosen.name;
  }
  const assembled = assembleImport(session, base, baseName === null ? (open === null ? {} : { baseName: open.name }) : { baseName });
  return { reports: session.reports, assembled, base: baseName, baseIsOpen: open !== null && openHasSchools, openSheets };
}
