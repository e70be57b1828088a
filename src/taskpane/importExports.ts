/**
 * The pane's import of real exports (FORMATS.md): files chosen in the browser are read into cells
 * (exceljs for .xlsx, SheetJS for .xls), a workbook with a «Школы» sheet among them is the base
 * of the join (as `--schools` on the command line), the rest go through the same pure import as
 * `shnor import`. The name key is made here at random and lives only as long as the call.
 */
import { assembleImport, ImportSession, NAME_KEY_BYTES, type Assembled, type SheetReport } from "../import";
import type { SheetDef } from "../schema/columns";
import type { RawWorkbook } from "../schema/raw";
import { sheetNameMatches } from "../schema/shape";
import { SCHOOLS_SHEET } from "../schema/sheets";
import { isLegacyXls, readXls } from "../workbook/xlsReader";
import { readXlsx } from "../workbook/xlsxReader";

export interface ChosenFile {
  readonly name: string;
  readonly bytes: ArrayBuffer;
}

export interface BrowserImport {
  readonly reports: readonly SheetReport[];
  readonly assembled: Assembled;
  /** The file used as the base «Школы», if one was chosen. */
  readonly base: string | null;
}

async function readAny(file: ChosenFile): Promise<RawWorkbook> {
  const bytes = new Uint8Array(file.bytes);
  return isLegacyXls(bytes) || /\.xls$/i.test(file.name) ? readXls(bytes) : readXlsx(bytes);
}

/** A random key for one import (Web Crypto, in the page and in Node alike). */
export function newNameKey(): Uint8Array {
  const key = new Uint8Array(NAME_KEY_BYTES);
  globalThis.crypto.getRandomValues(key);
  return key;
}

export async function importChosenFiles(files: readonly ChosenFile[], onFile?: (name: string, index: number) => void): Promise<BrowserImport> {
  const session = new ImportSession({ nameKey: newNameKey() });
  let base: { name: string; wb: RawWorkbook } | null = null;
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
    if (base === null && wb.sheets.some((s) => sheetNameMatches(SCHOOLS_SHEET as SheetDef<unknown>, s.name))) {
      base = { name: file.name, wb };
      continue;
    }
    session.addWorkbook(file.name, wb);
  }
  const assembled = assembleImport(session, base === null ? null : [...base.wb.sheets], base === null ? {} : { baseName: base.name });
  return { reports: session.reports, assembled, base: base?.name ?? null };
}
