/**
 * The pre-flight of the pane's reader (`readXlsx`, exceljs in memory): before exceljs is given the
 * bytes, the zip is checked and unpacked once, part by part, in bounded memory, so that a small
 * hostile file gets the same Russian message as from the command line's streaming reader
 * (./xlsxStream) instead of a crashed browser tab:
 *
 * - the zip's central directory: every size and offset against the file, the declared unpacked
 *   sizes against the bound of ./readLimits (50 × the file, 256 MB–2 GB);
 * - every part inflated (fflate, streaming; the output is counted, not kept, except sheet XML
 *   being scanned): no part may unpack past what the directory declares, nor the whole past the
 *   bound — exceljs would unpack them all;
 * - each worksheet's XML, scanned in linear time: `<dimension>`, row and cell addresses within
 *   Excel's limits (A1:XFD1048576), tags and texts within their bounds, merged ranges few and
 *   small enough for exceljs (which visits every cell of a merge and compares every merge with
 *   every other), and the formula cells whose cached value exceljs loses (0, "", FALSE, a
 *   non-number) or that have none ({@link FORMULA_WITHOUT_VALUE}), with their values as the
 *   streaming reader gives them.
 *
 * Browser-safe (no Node modules): it runs in the standalone page's worker. The zip directory is
 * read from bytes here: the streaming reader's own code reads it from a file handle (node:fs).
 */
import { Inflate } from "fflate";
import { FORMULA_WITHOUT_VALUE, type CellValue } from "../schema/raw";
import { WorkbookFileError } from "./fileKind";
import {
  columnLetters,
  defaultMaxUnpackedBytes,
  EXCEL_MAX_COLUMNS,
  EXCEL_MAX_ROWS,
  groupDigits,
  MAX_MARKUP_CHARS,
  MAX_TEXT_CHARS,
  megabytes,
  PADDING_BASE,
  PADDING_PER_CELL,
} from "./readLimits";

/**
 * A formula whose cached result is not a number in a number cell (exceljs's streaming reader
 * gave NaN, the error's name lost); the readers give this error for it.
 */
export const UNKNOWN_FORMULA_ERROR = "#ОШИБКА";

/**
 * Merged ranges exceljs can take: it makes a cell object for every cell a merge covers and checks
 * each new merge against all earlier ones, so both are bounded for the in-memory reader.
 */
export const MAX_MERGED_CELLS_IN_MEMORY = 2_000_000;
export const MAX_MERGES_IN_MEMORY = 20_000;

const RESAVE = "пересохраните книгу в Excel";
const DAMAGED = "файл повреждён: оглавление zip-архива .xlsx";

function damaged(what: string): WorkbookFileError {
  return new WorkbookFileError(`${DAMAGED} ${what} (${RESAVE})`);
}

function tooBig(limit: number): WorkbookFileError {
  return new WorkbookFileError(
    `книга распаковывается больше чем в ${megabytes(limit)} — это больше предела (50 × размер файла, от 256 МБ до 2 ГБ); ` +
      "возможно, это «zip-бомба». Если книга настоящая, поднимите предел переменной окружения SHNOR_MAX_UNPACKED_MB=<МБ> (командная строка shnor)",
  );
}

// ---------------------------------------------------------------------------------------------
// Zip directory

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  /** As the directory declares it; 0 when it does not say. */
  readonly uncompressedSize: number;
  readonly localOffset: number;
}

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;

function u64(v: DataView, at: number): number {
  return Number(v.getBigUint64(at, true));
}

/**
 * The zip's central directory read from the bytes, every size and offset checked against the
 * file before anything is allocated (the checks and messages of the streaming reader's).
 */
export function readZipDirectoryBytes(bytes: Uint8Array): ZipEntry[] {
  const size = bytes.length;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = size - 22;
  const stop = Math.max(0, size - 22 - 0xffff);
  while (eocd >= stop && v.getUint32(eocd, true) !== EOCD_SIG) eocd--;
  if (eocd < stop || eocd < 0) throw new WorkbookFileError(`файл повреждён или обрезан: у zip-архива .xlsx нет оглавления (${RESAVE})`);
  let count = v.getUint16(eocd + 10, true);
  let cdSize = v.getUint32(eocd + 12, true);
  let cdOffset = v.getUint32(eocd + 16, true);
  let cdEnd = eocd;
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && v.getUint32(loc, true) === ZIP64_LOCATOR_SIG) {
      const recAt = u64(v, loc + 8);
      if (recAt + 56 > size) throw damaged("указывает за конец файла");
      if (v.getUint32(recAt, true) !== ZIP64_EOCD_SIG) throw damaged("испорчено (zip64)");
      count = u64(v, recAt + 32);
      cdSize = u64(v, recAt + 40);
      cdOffset = u64(v, recAt + 48);
      cdEnd = recAt;
    }
  }
  if (!Number.isSafeInteger(cdSize) || !Number.isSafeInteger(cdOffset) || cdOffset + cdSize > cdEnd) throw damaged("указывает за конец файла");
  if (count > cdSize / 46) throw damaged(`называет ${groupDigits(count)} частей, которые в нём не помещаются`);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder("utf-8");
  const end = cdOffset + cdSize;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || v.getUint32(p, true) !== CEN_SIG) throw damaged("испорчено");
    const method = v.getUint16(p + 10, true);
    let compressedSize = v.getUint32(p + 20, true);
    let uncompressedSize = v.getUint32(p + 24, true);
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    let localOffset = v.getUint32(p + 42, true);
    if (p + 46 + nameLen + extraLen + commentLen > end) throw damaged("испорчено");
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = v.getUint16(x, true);
      const len = v.getUint16(x + 2, true);
      if (id === 1) {
        let q = x + 4;
        const qEnd = Math.min(xEnd, q + len);
        const next = (): number => {
          if (q + 8 > qEnd) throw damaged("испорчено (zip64)");
          const n = u64(v, q);
          q += 8;
          return n;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localOffset === 0xffffffff) localOffset = next();
      }
      x += 4 + len;
    }
    if (!Number.isSafeInteger(localOffset) || !Number.isSafeInteger(compressedSize) || localOffset + 30 + compressedSize > size) {
      throw damaged(`называет часть «${name}» размером больше самого файла`);
    }
    entries.push({ name: name.replace(/\\/g, "/"), method, compressedSize, uncompressedSize: Number.isSafeInteger(uncompressedSize) ? uncompressedSize : Number.MAX_SAFE_INTEGER, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Where an entry's compressed data starts, checked against the file. */
function dataStart(bytes: Uint8Array, e: ZipEntry): number {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (e.localOffset + 30 > bytes.length || v.getUint32(e.localOffset, true) !== LOC_SIG) {
    throw new WorkbookFileError(`файл повреждён: часть «${e.name}» zip-архива не найдена на своём месте (${RESAVE})`);
  }
  const start = e.localOffset + 30 + v.getUint16(e.localOffset + 26, true) + v.getUint16(e.localOffset + 28, true);
  if (start + e.compressedSize > bytes.length) throw new WorkbookFileError(`файл повреждён или обрезан: часть «${e.name}» выходит за конец файла (${RESAVE})`);
  return start;
}

interface Budget {
  readonly limit: number;
  used: number;
}

/** fflate's error, in Russian (as the streaming reader names zlib's). */
function inflateReason(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  return code === 0 ? "сжатые данные обрываются" : "сжатые данные испорчены";
}

const COMPRESSED_STEP = 16 * 1024;

/** Inflates one entry piece by piece into `sink` (or only counts it), within its declared size and the budget. */
function unpack(bytes: Uint8Array, e: ZipEntry, budget: Budget, sink: ((piece: Uint8Array) => void) | null): void {
  if (e.method !== 0 && e.method !== 8) throw new WorkbookFileError(`часть «${e.name}» сжата неизвестным способом ${e.method} (${RESAVE})`);
  if (e.uncompressedSize > budget.limit - budget.used) throw tooBig(budget.limit);
  const start = dataStart(bytes, e);
  const declared = e.uncompressedSize > 0 ? e.uncompressedSize : Number.MAX_SAFE_INTEGER;
  let inflated = 0;
  const take = (piece: Uint8Array): void => {
    inflated += piece.length;
    budget.used += piece.length;
    if (budget.used > budget.limit) throw tooBig(budget.limit);
    if (inflated > declared) throw new WorkbookFileError(`файл повреждён: часть «${e.name}» распаковывается больше, чем записано в оглавлении zip-архива (${RESAVE})`);
    sink?.(piece);
  };
  const data = bytes.subarray(start, start + e.compressedSize);
  if (e.method === 0) {
    for (let i = 0; i < data.length; i += COMPRESSED_STEP) take(data.subarray(i, Math.min(data.length, i + COMPRESSED_STEP)));
    return;
  }
  const inflate = new Inflate((piece) => take(piece));
  try {
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
    for (let i = 0; i < data.length; i += COMPRESSED_STEP) inflate.push(data.subarray(i, Math.min(data.length, i + COMPRESSED_STEP)), i + COMPRESSED_STEP >= data.length);
  } catch (err) {
    throw err instanceof WorkbookFileError ? err : new WorkbookFileError(`файл повреждён: часть «${e.name}» не распаковывается (${inflateReason(err)}; ${RESAVE})`);
  }
}

function unpackText(bytes: Uint8Array, e: ZipEntry, budget: Budget, feed: (text: string) => void): void {
  const decoder = new TextDecoder("utf-8");
  unpack(bytes, e, budget, (piece) => feed(decoder.decode(piece, { stream: true })));
  feed(decoder.decode());
}

// ---------------------------------------------------------------------------------------------
// XML

const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML character and entity references decoded. */
export function decodeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, ref: string) => {
    if (ref.startsWith("#x")) return String.fromCodePoint(Math.min(0x10ffff, parseInt(ref.slice(2), 16)));
    if (ref.startsWith("#")) return String.fromCodePoint(Math.min(0x10ffff, parseInt(ref.slice(1), 10)));
    return NAMED[ref] ?? m;
  });
}

/**
 * Attributes of a tag's text after its name: `r="A1" t='s'` → Map by local name (prefixes
 * dropped; a prefixed `…:id` also as ":id", the relation id of workbook.xml). Linear: no regular
 * expression that could backtrack over a long, broken tag.
 */
function attrs(s: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  for (;;) {
    const eq = s.indexOf("=", i);
    if (eq < 0) break;
    let k = eq + 1;
    while (k < s.length && s.charCodeAt(k) <= 32) k++;
    const quote = s.charAt(k);
    if (quote !== '"' && quote !== "'") {
      i = eq + 1;
      continue;
    }
    const end = s.indexOf(quote, k + 1);
    if (end < 0) break;
    let ne = eq;
    while (ne > i && s.charCodeAt(ne - 1) <= 32) ne--;
    let ns = ne;
    while (ns > i && s.charCodeAt(ns - 1) > 32) ns--;
    const name = s.slice(ns, ne);
    const value = decodeXml(s.slice(k + 1, end));
    const colon = name.indexOf(":");
    out.set(colon >= 0 && !name.startsWith("xmlns") ? name.slice(colon + 1) : name, value);
    if (colon >= 0 && name.endsWith(":id")) out.set(":id", value);
    i = end + 1;
  }
  return out;
}

/** A tag's local name, and its attribute text as `s[from, to)` (read with {@link attrOf} or {@link attrs}). */
type TagHandler = (name: string, s: string, from: number, to: number, closing: boolean, selfClosing: boolean) => void;

/** One attribute's value in `s[from, to)` (local name, prefix dropped), or undefined; no allocation but the value. */
function attrOf(whole: string, from: number, to: number, want: string): string | undefined {
  // Searched within the tag's own text only: a search past it would make many small tags quadratic.
  if (to - from < want.length + 3) return undefined;
  const s = whole.slice(from, to);
  to = s.length;
  let i = 0;
  for (;;) {
    const eq = s.indexOf("=", i);
    if (eq < 0 || eq >= to) return undefined;
    let k = eq + 1;
    while (k < to && s.charCodeAt(k) <= 32) k++;
    const quote = s.charCodeAt(k);
    if (quote !== 34 && quote !== 39) {
      i = eq + 1;
      continue;
    }
    const end = s.indexOf(quote === 34 ? '"' : "'", k + 1);
    if (end < 0 || end >= to) return undefined;
    let ne = eq;
    while (ne > i && s.charCodeAt(ne - 1) <= 32) ne--;
    const ns = ne - want.length;
    if (ns >= i && s.startsWith(want, ns)) {
      const before = ns === i ? 32 : s.charCodeAt(ns - 1);
      if (before <= 32 || before === 58 /* : */) {
        const v = s.slice(k + 1, end);
        return v.includes("&") ? decodeXml(v) : v;
      }
    }
    i = end + 1;
  }
}

/**
 * Splits XML fed in chunks into tags and text, in linear time: a construct cut by a chunk's end
 * is carried over and searched for its end only in the new text; a construct or a captured text
 * past its bound is refused (the bounds and messages of the streaming reader's scanner).
 */
class Scanner {
  private carry = "";
  private resume = 0;
  capturing = false;
  text = "";

  constructor(
    private readonly where: string,
    private readonly onTag: TagHandler,
    private readonly place: () => string = () => "",
  ) {}

  private append(piece: string): void {
    this.text += piece;
    if (this.text.length > MAX_TEXT_CHARS) {
      const place = this.place();
      throw new WorkbookFileError(
        `${this.where}${place === "" ? "" : `, ${place}`}: текст длиннее ${groupDigits(MAX_TEXT_CHARS)} символов (в ячейке Excel не больше 32 767) — файл повреждён или собран не Excel`,
      );
    }
  }

  private unclosed(what: string): WorkbookFileError {
    return new WorkbookFileError(`${this.where}: ${what} не закрыт (разметка XML повреждена; ${RESAVE})`);
  }

  private hold(s: string, lt: number, back: number): void {
    const carry = s.slice(lt);
    if (carry.length > MAX_MARKUP_CHARS) {
      throw this.unclosed(s.startsWith("<!--", lt) ? "комментарий" : s.startsWith("<![CDATA[", lt) ? "раздел CDATA" : `тег длиннее ${groupDigits(MAX_MARKUP_CHARS)} символов`);
    }
    this.carry = carry;
    this.resume = Math.max(0, carry.length - back);
  }

  feed(chunk: string): void {
    let s = chunk;
    let searchFrom = 0;
    if (this.carry.length > 0) {
      s = this.carry + chunk;
      searchFrom = this.resume;
      this.carry = "";
    }
    const n = s.length;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf("<", i);
      if (lt < 0) {
        if (this.capturing) this.append(s.slice(i));
        return;
      }
      if (this.capturing && lt > i) this.append(s.slice(i, lt));
      const from = lt === 0 ? searchFrom : 0;
      const c = s.charCodeAt(lt + 1);
      if (c === 33 /* ! */) {
        if (s.startsWith("<![CDATA[", lt)) {
          const e = s.indexOf("]]>", Math.max(lt + 9, from));
          if (e < 0) return this.hold(s, lt, 2);
          if (this.capturing) this.append(s.slice(lt + 9, e).replace(/&/g, "&amp;"));
          i = e + 3;
          continue;
        }
        if (s.startsWith("<!--", lt)) {
          const e = s.indexOf("-->", Math.max(lt + 4, from));
          if (e < 0) return this.hold(s, lt, 2);
          i = e + 3;
          continue;
        }
        if (n - lt < 9 && "<![CDATA[".startsWith(s.slice(lt))) return this.hold(s, lt, n - lt);
      }
      const gt = lt + 1 >= n ? -1 : s.indexOf(">", Math.max(lt + 1, from));
      if (gt < 0) return this.hold(s, lt, 0);
      if (c === 33 || c === 63 /* ? */) {
        i = gt + 1;
        continue;
      }
      const closing = c === 47;
      const selfClosing = !closing && s.charCodeAt(gt - 1) === 47;
      const end = selfClosing ? gt - 1 : gt;
      let p = closing ? lt + 2 : lt + 1;
      let q = p;
      while (q < end) {
        const ch = s.charCodeAt(q);
        if (ch <= 32 || ch === 47) break;
        if (ch === 58 /* : */) p = q + 1;
        q++;
      }
      this.onTag(s.slice(p, q), s, q, end, closing, selfClosing);
      i = gt + 1;
    }
  }

  end(): void {
    const carry = this.carry;
    this.carry = "";
    if (carry.trim().length > 0) throw this.unclosed(`тег «${carry.slice(0, 40)}${carry.length > 40 ? "…" : ""}» в конце части`);
  }
}

/** The elements named `names` of a small part, with their attributes. */
function elementsOf(text: string, names: readonly string[], where: string): { name: string; attrs: Map<string, string> }[] {
  const out: { name: string; attrs: Map<string, string> }[] = [];
  const sc = new Scanner(where, (name, s, from, to, closing) => {
    if (!closing && names.includes(name)) out.push({ name, attrs: attrs(s.slice(from, to)) });
  });
  sc.feed(text);
  sc.end();
  return out;
}

// ---------------------------------------------------------------------------------------------
// Worksheets

const A1 = /^\$?([A-Za-z]+)\$?(\d+)$/;

function columnOf(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col;
}

/** Formula cells of one sheet that exceljs would leave empty, by 1-based row then column. */
export type FormulaValues = Map<number, Map<number, CellValue>>;

/** Filler cells a reader puts in between real ones, shared by a workbook's sheets. */
interface PaddingBudget {
  cells: number;
  filler: number;
}

/** Scans one worksheet part: addresses, sparse cells, merges and formula cells. */
class SheetGuard {
  readonly formulas: FormulaValues = new Map();
  private rowNumber = 0;
  private col = 0;
  private inCell = false;
  private type = "";
  private hasFormula = false;
  private value: string | undefined = undefined;
  private runs = false;
  private inRun = false;
  private target = "";
  private merges = 0;
  private mergedCells = 0;
  /** Cells with a value in the current row, and the last column among them. */
  private rowCells = 0;
  private lastColumn = 0;
  /** The last row with a value. */
  private lastRow = 0;
  readonly scanner: Scanner;

  constructor(
    private readonly sheet: string,
    private readonly padding: PaddingBudget,
  ) {
    this.scanner = new Scanner(`лист «${sheet}»`, (n, s, from, to, c, sc) => this.tag(n, s, from, to, c, sc), () => `ячейка ${columnLetters(this.col)}${this.rowNumber}`);
  }

  private refuse(what: string): never {
    throw new WorkbookFileError(`лист «${this.sheet}», ${what} — файл повреждён или собран не Excel`);
  }

  /** Counts `n` filler cells; refuses a sheet whose real cells are too far apart (as the streaming reader does). */
  private pad(n: number): void {
    const b = this.padding;
    b.filler += n;
    if (b.filler > PADDING_BASE + PADDING_PER_CELL * b.cells) {
      this.refuse(
        `строка ${groupDigits(this.rowNumber)}: заполненные ячейки разбросаны слишком далеко друг от друга ` +
          `(${groupDigits(b.filler)} пустых на ${groupDigits(b.cells)} заполненных); удалите лишнее за пределами таблиц`,
      );
    }
  }

  private endRow(): void {
    if (this.rowCells > 0) {
      if (this.rowNumber - 1 > this.lastRow) this.pad(this.rowNumber - 1 - this.lastRow);
      this.lastRow = Math.max(this.lastRow, this.rowNumber);
    }
    this.rowCells = 0;
    this.lastColumn = 0;
  }

  private checkRow(n: number): void {
    if (n > EXCEL_MAX_ROWS) this.refuse(`строка ${groupDigits(n)}: номер строки больше ${groupDigits(EXCEL_MAX_ROWS)} — предела Excel`);
  }

  private checkColumn(): void {
    if (this.col > EXCEL_MAX_COLUMNS) {
      this.refuse(`строка ${groupDigits(this.rowNumber)}: столбец номер ${groupDigits(this.col)} за пределом Excel (${groupDigits(EXCEL_MAX_COLUMNS)}, XFD)`);
    }
  }

  /** A range reference «A1:B2» within Excel's limits, as 1-based corners. */
  private range(ref: string, what: string): { r1: number; c1: number; r2: number; c2: number } | null {
    const [a, b = a] = ref.split(":");
    const p = A1.exec(a ?? "");
    const q = A1.exec(b ?? "");
    if (p === null || q === null) return null;
    const r1 = Number(p[2]);
    const r2 = Number(q[2]);
    const c1 = columnOf(p[1]!);
    const c2 = columnOf(q[1]!);
    if (Math.max(r1, r2) > EXCEL_MAX_ROWS || Math.max(c1, c2) > EXCEL_MAX_COLUMNS) {
      throw new WorkbookFileError(`лист «${this.sheet}»: ${what} «${ref.slice(0, 40)}» за пределами листа Excel (A1:XFD${EXCEL_MAX_ROWS}) — файл повреждён или собран не Excel`);
    }
    return { r1, c1, r2, c2 };
  }

  private tag(name: string, s: string, from: number, to: number, closing: boolean, selfClosing: boolean): void {
    switch (name) {
      case "row":
        if (closing) return this.endRow();
        {
          const r = parseInt(attrOf(s, from, to, "r") ?? "", 10);
          this.rowNumber = r > 0 ? r : this.rowNumber + 1;
          this.checkRow(this.rowNumber);
          this.col = 0;
          this.rowCells = 0;
          this.lastColumn = 0;
          if (selfClosing) this.endRow();
        }
        return;
      case "c":
        if (closing) return this.endCell();
        {
          const ref = attrOf(s, from, to, "r");
          let col = 0;
          if (ref !== undefined) {
            for (let k = ref.charCodeAt(0) === 36 /* $ */ ? 1 : 0; k < ref.length; k++) {
              const ch = ref.charCodeAt(k);
              if (ch >= 65 && ch <= 90) col = col * 26 + (ch - 64);
              else if (ch >= 97 && ch <= 122) col = col * 26 + (ch - 96);
              else break;
            }
          }
          this.col = col > 0 ? col : this.col + 1;
          this.checkColumn();
          this.type = attrOf(s, from, to, "t") ?? "";
          this.inCell = true;
          this.hasFormula = false;
          this.value = undefined;
          this.runs = false;
          this.inRun = false;
          if (selfClosing) this.endCell();
        }
        return;
      case "f":
        if (!this.inCell) return;
        if (!closing && attrOf(s, from, to, "t") !== undefined) this.hasFormula = true;
        return this.capture("f", closing, selfClosing);
      case "v":
        if (this.inCell && !this.inRun) this.capture("v", closing, selfClosing);
        return;
      case "t":
        if (this.inCell && !this.inRun) this.capture("v", closing, selfClosing);
        return;
      case "r":
        if (!this.inCell) return;
        if (!closing) {
          this.runs = true;
          this.inRun = !selfClosing;
        } else this.inRun = false;
        return;
      case "dimension":
        if (!closing) this.range(attrOf(s, from, to, "ref") ?? "", "размер листа");
        return;
      case "mergeCell":
        if (closing) return;
        {
          const ref = attrOf(s, from, to, "ref") ?? "";
          const box = this.range(ref, "объединённые ячейки");
          this.merges++;
          if (box !== null) this.mergedCells += (Math.abs(box.r2 - box.r1) + 1) * (Math.abs(box.c2 - box.c1) + 1);
          if (this.mergedCells > MAX_MERGED_CELLS_IN_MEMORY) {
            throw new WorkbookFileError(
              `лист «${this.sheet}»: объединённые ячейки покрывают больше ${groupDigits(MAX_MERGED_CELLS_IN_MEMORY)} ячеек (диапазонов: ${groupDigits(this.merges)}) — файл повреждён или собран не Excel`,
            );
          }
          if (this.merges > MAX_MERGES_IN_MEMORY) {
            throw new WorkbookFileError(`лист «${this.sheet}»: объединённых диапазонов больше ${groupDigits(MAX_MERGES_IN_MEMORY)} — файл повреждён или собран не Excel`);
          }
        }
        return;
      default:
        return;
    }
  }

  private capture(target: string, closing: boolean, selfClosing: boolean): void {
    const sc = this.scanner;
    if (!closing) {
      sc.capturing = true;
      sc.text = "";
      this.target = target;
    }
    if (closing || selfClosing) {
      const raw = sc.text;
      sc.capturing = false;
      sc.text = "";
      if (target !== this.target) return;
      this.target = "";
      if (target === "v") {
        if (raw.length > 0) this.value = this.value === undefined ? raw : this.value + raw;
      } else if (raw.length > 0) this.hasFormula = true;
    }
  }

  private endCell(): void {
    if (!this.inCell) return;
    this.inCell = false;
    this.scanner.capturing = false;
    if (this.hasFormula || this.value !== undefined || this.runs) {
      // A cell with a value: the cells before it in its row are filler.
      this.padding.cells++;
      if (this.col - 1 > this.lastColumn) this.pad(this.col - 1 - this.lastColumn);
      this.lastColumn = Math.max(this.lastColumn, this.col);
      this.rowCells++;
    }
    if (!this.hasFormula) return;
    let row = this.formulas.get(this.rowNumber);
    if (row === undefined) {
      row = new Map();
      this.formulas.set(this.rowNumber, row);
    }
    row.set(this.col, this.formulaValue());
  }

  /** A formula's cached value as the streaming reader gives it. */
  private formulaValue(): CellValue {
    const raw = this.value;
    if (raw === undefined && !this.runs && this.type !== "str") return { error: FORMULA_WITHOUT_VALUE };
    const text = decodeXml(raw ?? "");
    switch (this.type) {
      case "str":
      case "inlineStr":
        return text;
      case "b":
        return parseInt(text, 10) !== 0;
      case "e":
        return { error: text };
      default: {
        if (text.trim() === "") return { error: FORMULA_WITHOUT_VALUE };
        const n = parseFloat(text);
        return Number.isNaN(n) ? { error: UNKNOWN_FORMULA_ERROR } : n;
      }
    }
  }
}

/** The shared strings: one string's text (its runs together) within {@link MAX_TEXT_CHARS}. */
function sharedStringsGuard(): Scanner {
  let index = 0;
  let inSi = false;
  let length = 0;
  let capturing = false;
  const sc: Scanner = new Scanner(
    "общие строки книги (sharedStrings.xml)",
    (name, _s, _from, _to, closing, selfClosing) => {
      if (name === "si") {
        if (!closing) {
          inSi = true;
          length = 0;
          index++;
        }
        if (closing || selfClosing) inSi = false;
      } else if (name === "t" && inSi) {
        if (!closing) {
          sc.capturing = true;
          sc.text = "";
          capturing = true;
        }
        if ((closing || selfClosing) && capturing) {
          length += sc.text.length;
          sc.capturing = false;
          sc.text = "";
          capturing = false;
          if (length > MAX_TEXT_CHARS) {
            throw new WorkbookFileError(
              `общие строки книги (sharedStrings.xml), строка ${groupDigits(index)}: текст длиннее ${groupDigits(MAX_TEXT_CHARS)} символов (в ячейке Excel не больше 32 767) — файл повреждён или собран не Excel`,
            );
          }
        }
      }
    },
    () => `строка ${groupDigits(index)}`,
  );
  return sc;
}

// ---------------------------------------------------------------------------------------------
// Workbook

function resolvePart(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

function relsPath(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

export interface GuardOptions {
  /** Refuse a workbook whose parts unpack to more than this (default: {@link defaultMaxUnpackedBytes}). */
  readonly maxUnpackedBytes?: number;
}

/** What the guard learnt: per sheet name, the formula cells exceljs may leave empty. */
export interface GuardReport {
  readonly formulas: ReadonlyMap<string, FormulaValues>;
}

/**
 * Checks an .xlsx's bytes before exceljs loads them (see the module's comment). Throws a
 * {@link WorkbookFileError} with the streaming reader's Russian message on a hostile file.
 */
export function guardXlsx(bytes: Uint8Array, options: GuardOptions = {}): GuardReport {
  const entries = readZipDirectoryBytes(bytes);
  const budget: Budget = { limit: options.maxUnpackedBytes ?? defaultMaxUnpackedBytes(bytes.length), used: 0 };
  const declared = entries.reduce((n, e) => n + e.uncompressedSize, 0);
  if (declared > budget.limit) throw tooBig(budget.limit);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const done = new Set<string>();
  const small = (part: string, names: readonly string[]): { name: string; attrs: Map<string, string> }[] | null => {
    const e = byName.get(part);
    if (e === undefined) return null;
    done.add(part);
    let text = "";
    unpackText(bytes, e, budget, (t) => {
      text += t;
      if (text.length > 64 * MAX_MARKUP_CHARS) throw new WorkbookFileError(`часть «${part}» книги слишком велика (${RESAVE})`);
    });
    return elementsOf(text, names, `часть «${part}»`);
  };

  const rootRels = small("_rels/.rels", ["Relationship"]) ?? [];
  const officeDoc = rootRels.find((r) => /\/officeDocument$/.test(r.attrs.get("Type") ?? ""));
  const workbookPart = officeDoc ? resolvePart("", officeDoc.attrs.get("Target") ?? "") : "xl/workbook.xml";
  const sheetEls = small(workbookPart, ["sheet"]) ?? [];
  const rels = new Map<string, string>();
  for (const r of small(relsPath(workbookPart), ["Relationship"]) ?? []) rels.set(r.attrs.get("Id") ?? "", resolvePart(workbookPart, r.attrs.get("Target") ?? ""));
  const sharedPart = [...rels.values()].find((t) => /sharedStrings\d*\.xml$/i.test(t)) ?? "xl/sharedStrings.xml";
  const sheetOf = new Map<string, string>();
  for (const el of sheetEls) {
    const part = rels.get(el.attrs.get(":id") ?? "");
    if (part !== undefined) sheetOf.set(part, el.attrs.get("name") ?? part);
  }

  const formulas = new Map<string, FormulaValues>();
  const padding: PaddingBudget = { cells: 0, filler: 0 };
  for (const e of entries) {
    if (done.has(e.name)) continue;
    const sheet = sheetOf.get(e.name);
    if (e.name === sharedPart) {
      const sc = sharedStringsGuard();
      unpackText(bytes, e, budget, (t) => sc.feed(t));
      sc.end();
      continue;
    }
    if (sheet === undefined) {
      // Not a sheet: only unpacked and counted (exceljs unpacks it too).
      unpack(bytes, e, budget, null);
      continue;
    }
    const guard = new SheetGuard(sheet, padding);
    unpackText(bytes, e, budget, (t) => guard.scanner.feed(t));
    guard.scanner.end();
    if (guard.formulas.size > 0) formulas.set(sheet, guard.formulas);
  }
  return { formulas };
}
