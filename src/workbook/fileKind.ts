/**
 * What a file is, from its first bytes, so that a wrong file gets advice instead of a zip
 * library's complaint. Pure (no fs): the command line passes the file's head, the task pane the
 * bytes it was given.
 *
 * - `PK\x03\x04` (or an empty zip's `PK\x05\x06`): a zip archive, a candidate .xlsx;
 * - `D0 CF 11 E0 A1 B1 1A E1`: an OLE2 compound file — an Excel 97–2003 .xls, or an .xlsx
 *   encrypted with a password (Excel wraps encrypted workbooks in OLE2);
 * - text (no NUL byte, valid UTF-8 or single-byte text): a .csv or another text export;
 * - anything else.
 */

export type WorkbookBytesCheck = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** The kinds told apart; `checkWorkbookBytes` turns them into advice. */
export type FileKind = "zip" | "ole2" | "text" | "html" | "empty" | "other";

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

/** How many leading bytes {@link fileKind} looks at (pass at least this many when you can). */
export const FILE_KIND_HEAD = 4096;

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

/** True when the bytes (a file's head, possibly cut mid-character) read as text. */
function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, FILE_KIND_HEAD);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return false;
    // C0 controls other than tab, line feed, form feed and carriage return are not text.
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13) control++;
  }
  // A few stray control bytes are tolerated (a broken export); binary formats have many.
  return control <= n / 100;
}

/** The head of the file, after a UTF-8 byte order mark, as Latin-1 text (enough for ASCII markers). */
function asciiHead(bytes: Uint8Array, count: number): string {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  let s = "";
  for (let i = start; i < Math.min(bytes.length, start + count); i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/** The kind of file the first bytes belong to. */
export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return "zip";
  if (startsWith(bytes, OLE2)) return "ole2";
  if (looksLikeText(bytes)) {
    // Some systems export «Excel» files that are HTML tables or SpreadsheetML 2003 (XML).
    const head = asciiHead(bytes, 512).trimStart().toLowerCase();
    if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<?xml") || head.startsWith("<table")) return "html";
    return "text";
  }
  return "other";
}

const SAVE_AS = "откройте его в Excel и сохраните как «Книга Excel (*.xlsx)»";

/**
 * Whether the bytes can be an .xlsx workbook, and if not, a Russian message saying what the file
 * seems to be and what to do. Only the first {@link FILE_KIND_HEAD} bytes are looked at.
 *
 * @example
 * checkWorkbookBytes(new Uint8Array([0x50, 0x4b, 3, 4])) // { ok: true }
 * checkWorkbookBytes(new TextEncoder().encode("Код ОО;Название\n")) // { ok: false, message: "Файл похож на текст (.csv): …" }
 */
export function checkWorkbookBytes(bytes: Uint8Array): WorkbookBytesCheck {
  switch (fileKind(bytes)) {
    case "zip":
      return { ok: true };
    case "empty":
      return { ok: false, message: "Файл пуст (0 байт): это не книга Excel" };
    case "ole2":
      return {
        ok: false,
        message:
          "Файл — книга Excel 97–2003 (.xls) или книга, защищённая паролем: такие файлы не читаются. " +
          "Откройте файл в Excel и сохраните как «Книга Excel (*.xlsx)» без пароля (у зашифрованной книги: Файл → Сведения → Защитить книгу → Зашифровать с использованием пароля → пустой пароль). " +
          "Выгрузку ФИС ОКО или РБД можно прочитать командой «shnor import».",
      };
    case "text":
      return { ok: false, message: `Файл похож на текст (.csv или .txt), а не на книгу Excel: ${SAVE_AS}` };
    case "html":
      return { ok: false, message: `Файл — веб-страница или XML (так выгружают «Excel» некоторые системы), а не книга .xlsx: ${SAVE_AS}` };
    case "other":
      return { ok: false, message: "Файл не книга Excel (.xlsx): его начало не похоже ни на .xlsx, ни на .xls, ни на текст" };
  }
}

/** A file that is not a readable .xlsx workbook; its message is Russian advice for the user. */
export class WorkbookFileError extends Error {
  override readonly name = "WorkbookFileError";
}

/** Throws a {@link WorkbookFileError} unless the bytes can be an .xlsx workbook. */
export function assertWorkbookBytes(bytes: Uint8Array): void {
  const check = checkWorkbookBytes(bytes);
  if (!check.ok) throw new WorkbookFileError(check.message);
}
