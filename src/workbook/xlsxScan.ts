/**
 * Environment-neutral: the .xlsx reader's scanning of part contents into a {@link RawWorkbook},
 * for Node (./xlsxStream: zip directory and node:zlib) and for the browser worker (fflate). No
 * Node modules, no Buffer, no Node globals: it takes the inflated bytes of each part as
 * Uint8Array chunks, of any size and cut anywhere (a tag, a multi-byte character).
 *
 * It gives the same {@link RawWorkbook} as `readXlsx` (exceljs, in memory) for the same file: the
 * scanners follow exceljs's rules for each cell type (see `cellValue`), except formulas (a cached
 * 0, "" or FALSE is the value; no cached value is {@link FORMULA_WITHOUT_VALUE}) and dates: the
 * number stays the Excel serial number as stored (as Office.js gives it), and the cells whose
 * style shows a date are listed in `dateCells`.
 *
 * API — the driver unzips, the scan says which parts it needs, in order:
 *
 * ```ts
 * const scan = new WorkbookScan({ has: (part) => entries.has(part), maxUnpackedBytes, onProgress });
 * for (let part = scan.next(); part !== null; part = scan.next()) {
 *   const sink = scan.part(part, declaredUnpackedSize);   // throws when the size is past the bound
 *   for (const chunk of inflate(part)) sink.push(chunk);   // Uint8Array; throws on bad content
 *   sink.end();
 * }
 * const workbook = scan.result();
 * ```
 *
 * `next()` gives, in turn, `_rels/.rels`, the workbook part, its relationships, the styles, the
 * shared strings and each worksheet in tab order, skipping those `has` says are absent (a
 * missing workbook part is refused). Every bound of ./readLimits is kept here: the unpacked size
 * (counted over every byte pushed, and against each part's declared size), Excel's row and column
 * limits, the filler cells between real ones, tags and texts of bounded length, merged ranges;
 * markup is scanned in linear time whatever its chunks. Errors are {@link WorkbookFileError}s
 * with a Russian message naming the sheet and cell.
 */
import { isBuiltInDateFormat, isDateFormatCode } from "../schema/dateFormats";
import { dateCellKey, FORMULA_WITHOUT_VALUE, type CellValue, type RawSheet, type RawWorkbook } from "../schema/raw";
import { WorkbookFileError } from "./fileKind";
import {
  columnLetters,
  EXCEL_MAX_COLUMNS,
  EXCEL_MAX_ROWS,
  groupDigits,
  MAX_MARKUP_CHARS,
  MAX_MERGE_VISITS,
  MAX_TEXT_CHARS,
  megabytes,
  PADDING_BASE,
  PADDING_PER_CELL,
} from "./readLimits";
import { UNKNOWN_FORMULA_ERROR } from "./xlsxGuard";
import { RESAVE } from "./zipDirectory";

// ---------------------------------------------------------------------------------------------
// Text

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML character and entity references, and line-end normalisation, as an XML parser does. */
export function decodeXmlText(s: string): string {
  if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g, (m, body: string) => {
    if (body.charCodeAt(0) === 35) {
      const code = body.charCodeAt(1) === 120 ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[body] ?? m;
  });
}

/** exceljs's `utils.xmlDecode`, which it applies a second time to `t="str"` values. */
function exceljsXmlDecode(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&([a-z]*);/g, (c, name: string) => (name === "lt" || name === "gt" || name === "amp" || name === "apos" || name === "quot" ? NAMED[name]! : c));
}

/** `_xHHHH_` escapes of shared strings and rich-text runs, decoded as exceljs does (upper-case hex only). */
function decodeEscapes(s: string): string {
  return s.indexOf("_x") < 0 ? s : s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function decodeAttr(s: string): string {
  return decodeXmlText(s.replace(/\r\n|[\t\n\r]/g, " "));
}

// ---------------------------------------------------------------------------------------------
// Scanner

/**
 * Splits XML text, fed in chunks, into tags and text. A tag cut by a chunk's end is carried over
 * to the next chunk; text is handed on in pieces (its references decoded by the handler, once
 * whole). Comments, processing instructions and CDATA sections are understood.
 *
 * Linear in the input: a construct carried over is searched for its end only in the text that
 * is new, and a construct or a captured text past its bound ({@link MAX_MARKUP_CHARS},
 * {@link MAX_TEXT_CHARS}) is refused rather than carried on.
 */
abstract class XmlScanner {
  // Used for the small parts (relationships, workbook, styles, shared strings), fed decoded text;
  // worksheets have their own byte-level scanner (SheetScanner).
  private carry = "";
  /** Where, in `carry`, the search for the carried construct's end resumes. */
  private resume = 0;

  /** What is being read, for messages: «лист «Баллы»», «общие строки». */
  constructor(protected readonly where: string) {}

  /** A tag `s[from, to)` (between `<` and `>`), its local name `s[name, nameEnd)`. */
  /**
   * A tag `s[from, to)` (between `<` and `>`), its local name `s[name, nameEnd)`. May return where
   * the scan resumes in `s` when the handler has read past the tag's end itself (within `s`).
   */
  protected abstract tag(s: string, from: number, to: number, name: number, nameEnd: number, closing: boolean, selfClosing: boolean): number | void;
  /** Raw (undecoded) text between tags, only while the handler is capturing. */
  protected capturing = false;
  protected text = "";
  /** Where the text being captured is, for a message about it («ячейка B7»). */
  protected textPlace(): string {
    return "";
  }

  private append(piece: string): void {
    this.text += piece;
    if (this.text.length > MAX_TEXT_CHARS) this.tooLong();
  }

  protected tooLong(): never {
    const place = this.textPlace();
    throw new WorkbookFileError(
      `${this.where}${place === "" ? "" : `, ${place}`}: текст длиннее ${groupDigits(MAX_TEXT_CHARS)} символов (в ячейке Excel не больше 32 767) — файл повреждён или собран не Excel`,
    );
  }

  private unclosed(what: string): WorkbookFileError {
    return new WorkbookFileError(`${this.where}: ${what} не закрыт (разметка XML повреждена; ${RESAVE})`);
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
      // Only the construct carried over (at 0) may resume its search past its start.
      const from = lt === 0 ? searchFrom : 0;
      let c = s.charCodeAt(lt + 1);
      if (c === 33 /* ! */) {
        if (s.startsWith("<![CDATA[", lt)) {
          const e = s.indexOf("]]>", Math.max(lt + 9, from));
          if (e < 0) {
            this.hold(s, lt, 2);
            return;
          }
          // Kept raw; escaping its ampersands lets the text's later decoding restore them.
          if (this.capturing) this.append(s.slice(lt + 9, e).replace(/&/g, "&amp;"));
          i = e + 3;
          continue;
        }
        if (s.startsWith("<!--", lt)) {
          const e = s.indexOf("-->", Math.max(lt + 4, from));
          if (e < 0) {
            this.hold(s, lt, 2);
            return;
          }
          i = e + 3;
          continue;
        }
        if (n - lt < 9 && "<![CDATA[".startsWith(s.slice(lt))) {
          // A CDATA or comment opener cut by the chunk's end: wait for the rest.
          this.hold(s, lt, n - lt);
          return;
        }
      }
      const gt = lt + 1 >= n ? -1 : s.indexOf(">", Math.max(lt + 1, from));
      if (gt < 0) {
        this.hold(s, lt, 0);
        return;
      }
      if (c === 33 || c === 63 /* ? */) {
        i = gt + 1;
        continue;
      }
      const closing = c === 47;
      let p = closing ? lt + 2 : lt + 1;
      let q = p;
      while (q < gt) {
        c = s.charCodeAt(q);
        if (c === 32 || c === 47 || c === 10 || c === 9 || c === 13) break;
        if (c === 58 /* : */) p = q + 1;
        q++;
      }
      const selfClosing = !closing && s.charCodeAt(gt - 1) === 47;
      const resume = this.tag(s, lt + 1, selfClosing ? gt - 1 : gt, p, q, closing, selfClosing);
      i = typeof resume === "number" ? resume : gt + 1;
    }
  }

  /** Carries `s[lt…]` to the next chunk; its end's search resumes `back` characters before the end. */
  private hold(s: string, lt: number, back: number): void {
    const carry = s.slice(lt);
    if (carry.length > MAX_MARKUP_CHARS) {
      throw this.unclosed(s.startsWith("<!--", lt) ? "комментарий" : s.startsWith("<![CDATA[", lt) ? "раздел CDATA" : `тег длиннее ${groupDigits(MAX_MARKUP_CHARS)} символов`);
    }
    this.carry = carry;
    this.resume = Math.max(0, carry.length - back);
  }

  end(): void {
    const carry = this.carry;
    this.carry = "";
    if (carry.trim().length > 0) throw this.unclosed(`тег «${carry.slice(0, 40)}${carry.length > 40 ? "…" : ""}» в конце части`);
  }
}

/** The first `code` in `s[from, to)`, or -1: never looks past the tag. */
function indexIn(s: string, code: number, from: number, to: number): number {
  for (let k = from; k < to; k++) if (s.charCodeAt(k) === code) return k;
  return -1;
}

function isName(s: string, from: number, to: number, name: string): boolean {
  return to - from === name.length && s.startsWith(name, from);
}

/**
 * Calls `fn(localName, rawValue)` for each attribute of the tag `s[from, to)`.
 * `from` may point at the tag name, which is skipped.
 */
function eachAttr(s: string, from: number, to: number, fn: (name: string, value: string) => void): void {
  let i = from;
  while (i < to) {
    const eq = indexIn(s, 61 /* = */, i, to);
    if (eq < 0) return;
    let ns = eq - 1;
    while (ns >= i && s.charCodeAt(ns) <= 32) ns--;
    let nb = ns;
    while (nb >= i && s.charCodeAt(nb) > 32 && s.charCodeAt(nb) !== 58) nb--;
    let qp = eq + 1;
    while (qp < to && s.charCodeAt(qp) <= 32) qp++;
    const quote = s.charCodeAt(qp);
    if (quote !== 34 && quote !== 39) return;
    const ve = indexIn(s, quote, qp + 1, to);
    if (ve < 0) return;
    fn(s.slice(nb + 1, ns + 1), s.slice(qp + 1, ve));
    i = ve + 1;
  }
}

/** Attributes with their prefixed names (`r:id`), for workbook.xml and the relationships. */
function attrsOf(s: string, from: number, to: number): Map<string, string> {
  const out = new Map<string, string>();
  let i = from;
  while (i < to) {
    const eq = indexIn(s, 61 /* = */, i, to);
    if (eq < 0) break;
    let ne = eq;
    while (ne > i && s.charCodeAt(ne - 1) <= 32) ne--;
    let nb = ne;
    while (nb > i && s.charCodeAt(nb - 1) > 32) nb--;
    let qp = eq + 1;
    while (qp < to && s.charCodeAt(qp) <= 32) qp++;
    const quote = s.charCodeAt(qp);
    if (quote !== 34 && quote !== 39) break;
    const ve = indexIn(s, quote, qp + 1, to);
    if (ve < 0) break;
    if (ne > nb) out.set(s.slice(nb, ne), decodeAttr(s.slice(qp + 1, ve)));
    i = ve + 1;
  }
  return out;
}

/** Collects the attributes of every element with one of the given local names. */
class ElementCollector extends XmlScanner {
  readonly found: { name: string; attrs: Map<string, string> }[] = [];
  constructor(private readonly names: readonly string[], where: string) {
    super(where);
  }
  protected tag(s: string, from: number, to: number, name: number, nameEnd: number, closing: boolean): void {
    if (closing) return;
    const local = s.slice(name, nameEnd);
    if (this.names.includes(local)) this.found.push({ name: local, attrs: attrsOf(s, nameEnd, to) });
  }
}

/** sharedStrings.xml → each string's cell value, as exceljs's in-memory reader gives it. */
class SharedStringsScanner extends XmlScanner {
  readonly strings: CellValue[] = [];
  private runsLength = 0;

  constructor() {
    super("общие строки книги (sharedStrings.xml)");
  }

  protected override textPlace(): string {
    return `строка ${groupDigits(this.strings.length + 1)}`;
  }

  private inSi = false;
  private inRun = false;
  private phonetic = 0;
  private plain: string | undefined = undefined;
  private runs: string[] | null = null;
  private runText: string | undefined = undefined;

  protected tag(s: string, _from: number, _to: number, name: number, nameEnd: number, closing: boolean, selfClosing: boolean): void {
    const len = nameEnd - name;
    const c0 = s.charCodeAt(name);
    if (len === 1 && c0 === 116 /* t */) {
      if (!this.inSi || this.phonetic > 0) return;
      if (!closing) {
        this.capturing = true;
        this.text = "";
      }
      if (closing || selfClosing) {
        const t = decodeEscapes(decodeXmlText(this.text));
        this.capturing = false;
        this.text = "";
        if (this.inRun) this.runText = t;
        else this.plain = t;
      }
    } else if (len === 1 && c0 === 114 /* r */) {
      if (!this.inSi || this.phonetic > 0) return;
      if (!closing) {
        this.inRun = true;
        this.runText = undefined;
      }
      if (closing || selfClosing) {
        const t = this.runText ?? "";
        (this.runs ??= []).push(t);
        this.runsLength += t.length;
        if (this.runsLength > MAX_TEXT_CHARS) this.tooLong();
        this.inRun = false;
      }
    } else if (len === 2 && c0 === 115 /* si */ && s.charCodeAt(name + 1) === 105) {
      if (!closing) {
        this.inSi = true;
        this.plain = undefined;
        this.runs = null;
        this.runsLength = 0;
      }
      if (closing || selfClosing) {
        this.strings.push(this.runs !== null ? this.runs.join("") : (this.plain ?? null));
        this.inSi = false;
        this.phonetic = 0;
      }
    } else if (len === 3 && isName(s, name, nameEnd, "rPh")) {
      if (!closing && !selfClosing) this.phonetic++;
      else if (closing) this.phonetic = Math.max(0, this.phonetic - 1);
    }
  }
}

/**
 * styles.xml → which cell formats (the `s` index of a cell) show numbers as dates or times: the
 * `numFmtId` of each `<xf>` of `<cellXfs>`, a built-in date id or a custom `<numFmt>` whose code
 * has date or time placeholders.
 */
class StylesScanner extends XmlScanner {
  private readonly custom = new Map<number, string>();
  private readonly xfFormats: number[] = [];
  private inCellXfs = false;

  constructor() {
    super("стили книги (styles.xml)");
  }

  protected tag(s: string, _from: number, to: number, name: number, nameEnd: number, closing: boolean, selfClosing: boolean): void {
    const len = nameEnd - name;
    if (len === 7 && isName(s, name, nameEnd, "cellXfs")) {
      this.inCellXfs = !closing && !selfClosing;
    } else if (len === 2 && !closing && this.inCellXfs && isName(s, name, nameEnd, "xf")) {
      let id = 0;
      eachAttr(s, nameEnd, to, (n, v) => {
        if (n === "numFmtId") id = parseInt(v, 10);
      });
      if (this.xfFormats.length < MAX_STYLES) this.xfFormats.push(Number.isFinite(id) ? id : 0);
    } else if (len === 6 && !closing && isName(s, name, nameEnd, "numFmt")) {
      let id = -1;
      let code = "";
      eachAttr(s, nameEnd, to, (n, v) => {
        if (n === "numFmtId") id = parseInt(v, 10);
        else if (n === "formatCode") code = decodeAttr(v);
      });
      if (id >= 0 && this.custom.size < MAX_STYLES) this.custom.set(id, code);
    }
  }

  /** For each cell format index: does it show a date or time? */
  dateStyles(): Uint8Array {
    const out = new Uint8Array(this.xfFormats.length);
    this.xfFormats.forEach((id, i) => {
      const code = this.custom.get(id);
      out[i] = (code !== undefined ? isDateFormatCode(code) : isBuiltInDateFormat(id)) ? 1 : 0;
    });
    return out;
  }
}

/** Cell formats read from styles.xml at most (Excel allows 64 000). */
const MAX_STYLES = 65_536;

// Cell types (the `t` attribute).
const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;

/** A one-letter `t`: s, b, e; anything else (n, d) reads as a number, as in {@link cellType}. */
function cellTypeChar(c: number): number {
  return c === 115 ? T_SHARED : c === 98 ? T_BOOL : c === 101 ? T_ERROR : T_NUMBER;
}

function cellType(t: string): number {
  switch (t) {
    case "s":
      return T_SHARED;
    case "str":
      return T_STR;
    case "inlineStr":
      return T_INLINE;
    case "b":
      return T_BOOL;
    case "e":
      return T_ERROR;
    default:
      return T_NUMBER;
  }
}

function numberValue(v: number): CellValue {
  return Number.isNaN(v) ? { error: UNKNOWN_FORMULA_ERROR } : v;
}

/** Column number (1-based) of a cell reference like `AB12`, or 0 if it has no letters. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return col;
}

/** Filler cells and rows the reader has put in between real cells, shared by a workbook's sheets. */
interface PaddingBudget {
  cells: number;
  filler: number;
  mergeVisits: number;
}


const UTF8 = new TextDecoder("utf-8", { ignoreBOM: true });
const AMP = new Uint8Array([38, 97, 109, 112, 59]); // "&amp;"
// Local copies: the hot paths read them per cell (an imported binding may be a getter).
const MAX_ROWS = EXCEL_MAX_ROWS;
const MAX_COLUMNS = EXCEL_MAX_COLUMNS;
const MAX_TEXT = MAX_TEXT_CHARS;
const MAX_MARKUP = MAX_MARKUP_CHARS;
/** The longest cell start tag read by the one-pass path (longer ones go tag by tag). */
const FAST_TAG_BYTES = 256;
/** Exact powers of ten, for {@link plainNumber}. */
const POW10 = Array.from({ length: 16 }, (_v, k) => 10 ** k);

/** Does `b` hold the ASCII string `s` at `at`? */
function startsWithAscii(b: Uint8Array, at: number, s: string): boolean {
  if (at + s.length > b.length) return false;
  for (let k = 0; k < s.length; k++) if (b[at + k] !== s.charCodeAt(k)) return false;
  return true;
}

/** Is `b[from, to)` a beginning of the ASCII string `s`? */
function isPrefixOf(b: Uint8Array, from: number, to: number, s: string): boolean {
  if (to - from > s.length) return false;
  for (let k = from; k < to; k++) if (b[k] !== s.charCodeAt(k - from)) return false;
  return true;
}

/** The first place at or after `from` where `b` holds the ASCII string `s` (its first character unique in it), or -1. */
function indexOfAscii(b: Uint8Array, s: string, from: number): number {
  const first = s.charCodeAt(0);
  for (let k = b.indexOf(first, from); k >= 0; k = b.indexOf(first, k + 1)) if (startsWithAscii(b, k, s)) return k;
  return -1;
}

/** `b[from, to)` as a string of one character per byte (for ASCII markup). */
function latin1(b: Uint8Array, from: number, to: number): string {
  let s = "";
  for (let k = from; k < to; k++) s += String.fromCharCode(b[k]!);
  return s;
}

/** `b[from, to)` as a number when it is 1 to 9 digits without a leading zero (or "0"); else -1. */
function smallInteger(b: Uint8Array, from: number, to: number): number {
  const len = to - from;
  if (len < 1 || len > 9) return -1;
  const c0 = b[from]!;
  if (c0 < 48 || c0 > 57 || (c0 === 48 && len > 1)) return -1;
  let n = c0 - 48;
  for (let k = from + 1; k < to; k++) {
    const c = b[k]!;
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** `b[from, to)` as an integer when it is 1 to 15 digits (as `parseInt` reads it); else -1. */
function plainInteger(b: Uint8Array, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = b[k]!;
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/**
 * `b[from, to)` as `parseFloat` reads it, when it is `-?digits(.digits)?` with at most 15 digits
 * in all; else NaN (the caller then decodes it). Exact: the digits make an integer below 2^53 and
 * 10^k is exact, so the one division rounds as `parseFloat` does.
 */
function plainNumber(b: Uint8Array, from: number, to: number): number {
  let k = from;
  const negative = b[k] === 45; /* - */
  if (negative) k++;
  let m = 0;
  let digits = 0;
  let fraction = -1;
  for (; k < to; k++) {
    const c = b[k]!;
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === 46 /* . */ && fraction < 0) fraction = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15 || fraction === 0) return NaN;
  const v = fraction > 0 ? m / POW10[fraction]! : m;
  return negative ? -v : v;
}

/** The `r` attribute of a `<row>` tag `b[from, to)` as a number, 0 when absent or not a number. */
function rowAttr(b: Uint8Array, from: number, to: number): number {
  let i = from;
  while (i < to) {
    let eq = i;
    while (eq < to && b[eq] !== 61 /* = */) eq++;
    if (eq === to) return 0;
    let ns = eq - 1;
    while (ns > i && b[ns]! <= 32) ns--;
    let qp = eq + 1;
    while (qp < to && b[qp]! <= 32) qp++;
    const quote = b[qp];
    if (quote !== 34 && quote !== 39) return 0;
    let ve = qp + 1;
    while (ve < to && b[ve] !== quote) ve++;
    if (ve === to) return 0;
    const before = b[ns - 1]!;
    if (b[ns] === 114 /* r */ && (before <= 32 || before === 58)) {
      const d = plainInteger(b, qp + 1, ve);
      if (d >= 0) return d;
      const v = parseInt(latin1(b, qp + 1, ve), 10);
      return Number.isFinite(v) ? v : 0;
    }
    i = ve + 1;
  }
  return 0;
}

/** `cells[i] = v` where `i` ≤ `cells.length`: appends at the end, so the array never has holes. */
function setCell(cells: CellValue[], i: number, v: CellValue): void {
  if (i < cells.length) cells[i] = v;
  else cells.push(v);
}

/**
 * `c[0, width)` as an array of its own, exactly as long. Up to 16 cells, an array literal: each
 * width's literal is an allocation site, which V8 learns to allocate in the old generation once
 * it sees that its arrays live on (every kept row does), so a million rows are not copied by the
 * young generation's collections (measured: a third less collection time than `slice`).
 */
function keptRow(c: readonly CellValue[], width: number): CellValue[] {
  switch (width) {
    case 1:
      return [c[0]!];
    case 2:
      return [c[0]!, c[1]!];
    case 3:
      return [c[0]!, c[1]!, c[2]!];
    case 4:
      return [c[0]!, c[1]!, c[2]!, c[3]!];
    case 5:
      return [c[0]!, c[1]!, c[2]!, c[3]!, c[4]!];
    case 6:
      return [c[0]!, c[1]!, c[2]!, c[3]!, c[4]!, c[5]!];
    case 7:
      return [c[0]!, c[1]!, c[2]!, c[3]!, c[4]!, c[5]!, c[6]!];
    case 8:
      return [c[0]!, c[1]!, c[2]!, c[3]!, c[4]!, c[5]!, c[6]!, c[7]!];
    case 9:
      return [c[0]!, c[1]!, c[2]!, c[3]!, c[4]!, c[5]!, c[6]!, c[7]!, c[8]!];
    case 10:
      return [c[0]!, c[1]!, c[2]!, c[3]!, c[4]!, c[5]!, c[6]!, c[7]!, c[8]!, c[9]!];
    case 11:
      return [c[0]!, c[1]!, c[2]!, c[3]!, c[4]!, c[5]!, c[6]!, c[7]!, c[8]!, c[9]!, c[10]!];
    case 12:
      return [c[0]!, c[1]!, c[2]!, c[3]!, c[4]!, c[5]!, c[6]!, c[7]!, c[8]!, c[9]!, c[10]!, c[11]!];
    case 13:
      return [c[0]!, c[1]!, c[2]!, c[3]!, c[4]!, c[5]!, c[6]!, c[7]!, c[8]!, c[9]!, c[10]!, c[11]!, c[12]!];
    case 14:
      return [c[0]!, c[1]!, c[2]!, c[3]!, c[4]!, c[5]!, c[6]!, c[7]!, c[8]!, c[9]!, c[10]!, c[11]!, c[12]!, c[13]!];
    case 15:
      return [c[0]!, c[1]!, c[2]!, c[3]!, c[4]!, c[5]!, c[6]!, c[7]!, c[8]!, c[9]!, c[10]!, c[11]!, c[12]!, c[13]!, c[14]!];
    case 16:
      return [c[0]!, c[1]!, c[2]!, c[3]!, c[4]!, c[5]!, c[6]!, c[7]!, c[8]!, c[9]!, c[10]!, c[11]!, c[12]!, c[13]!, c[14]!, c[15]!];
    default:
      return c.slice(0, width);
  }
}

/** A gap between real rows: one shared, frozen empty row, so a gap costs a pointer per row. */
const EMPTY_ROW: CellValue[] = Object.freeze([]) as unknown as CellValue[];

/**
 * A worksheet's XML → its rows, cell by cell with exceljs's in-memory reader's rules, except
 * formulas: a formula's cached value is its value (0, "" and FALSE included), and a formula
 * without one is {@link FORMULA_WITHOUT_VALUE}.
 *
 * It scans bytes, not decoded text: the markup is ASCII, so tags, attributes, numbers and
 * shared-string indices are read straight from the inflated bytes, and only the text that is
 * kept (an inline string, a `t="str"` value, a rare tag's attributes) is decoded, whole, so a
 * character cut by a chunk's end is never seen in halves. The usual cell,
 * `<c r="B7" s="3" t="s"><v>12</v></c>` whole in the chunk, is read in one step with no string
 * made; anything else goes tag by tag, and a construct cut by the chunk's end is carried over
 * (its end searched for only in what is new, so malformed markup stays linear).
 */
class SheetScanner {
  readonly rows: CellValue[][] = [];
  readonly merges: string[] = [];
  /** Numbers shown as dates or times ({@link dateCellKey}s), created at the first. */
  dates: Set<number> | null = null;
  rowsRead = 0;
  /** What is being read, for messages: «лист «Баллы»». */
  private readonly where: string;

  /** The bytes of a construct cut by the last chunk's end, or null. */
  private carry: Uint8Array | null = null;
  /** Where, in `carry`, the search for the carried construct's end resumes. */
  private resume = 0;
  private capturing = false;
  /** The raw bytes captured (`text[0, textLength)`). */
  private text = new Uint8Array(256);
  private textLength = 0;

  /** Inside a `<row>`. */
  private inRow = false;
  /**
   * The open row's cells, `cells[0, width)`; reused from row to row (what lies past `width` is
   * stale) and copied at its exact width when the row ends, so a kept row has no spare capacity.
   */
  private readonly cells: CellValue[] = [];
  private width = 0;
  private rowNumber = 0;
  private col = 0;
  private inCell = false;
  private type = T_NUMBER;
  /** The cell's format shows a date or time. */
  private dated = false;
  private hasFormula = false;
  /** The cell's `<v>` / `<t>` text (raw), undefined while there was none. */
  private value: string | undefined = undefined;
  /** Instead of `value`: the cell's `<v>` as a small integer (1–9 digits, no leading zero), -1 when not. */
  private intValue = -1;
  private runs: string[] | null = null;
  private inRun = false;
  private runText: string | undefined = undefined;
  /** What the captured text is: 1 value, 2 formula, 3 run text. */
  private target = 0;

  constructor(
    private readonly shared: readonly CellValue[],
    private readonly onRow: (read: number) => void,
    sheet: string,
    private readonly budget: PaddingBudget,
    /** For each cell format index (`s`): 1 when it shows a date or time. */
    private readonly dateStyles: Uint8Array,
  ) {
    this.where = `лист «${sheet}»`;
  }

  private place(): string {
    return `ячейка ${columnLetters(this.col)}${this.rowNumber}`;
  }

  private refuse(what: string): never {
    throw new WorkbookFileError(`${this.where}, ${what} — файл повреждён или собран не Excel`);
  }

  private tooLong(): never {
    throw new WorkbookFileError(
      `${this.where}, ${this.place()}: текст длиннее ${groupDigits(MAX_TEXT)} символов (в ячейке Excel не больше 32 767) — файл повреждён или собран не Excel`,
    );
  }

  private unclosed(what: string): WorkbookFileError {
    return new WorkbookFileError(`${this.where}: ${what} не закрыт (разметка XML повреждена; ${RESAVE})`);
  }

  // -- Tokens ---------------------------------------------------------------------------------

  push(chunk: Uint8Array): void {
    const carry = this.carry;
    let start = 0;
    if (carry !== null) {
      this.carry = null;
      // The construct carried over is joined with only as much of the chunk as it needs: a tag
      // (or processing instruction) ends at the chunk's first `>`. A comment, a CDATA section or
      // a cut `<` (rare) takes the whole chunk, as the general case.
      let end = chunk.length;
      if (carry.length > 1 && carry[1] !== 33 /* ! */) {
        const gt = chunk.indexOf(62 /* > */);
        if (gt >= 0) end = gt + 1;
      }
      const joined = new Uint8Array(carry.length + end);
      joined.set(carry, 0);
      joined.set(end === chunk.length ? chunk : chunk.subarray(0, end), carry.length);
      this.scan(joined, 0, this.resume);
      if (end === chunk.length) return;
      start = end;
    }
    this.scan(chunk, start, 0);
  }

  /**
   * Scans `b` from `i`; a construct cut by its end is carried over. `searchFrom`: where, in the
   * construct that starts at 0 (one carried over), the search for its end resumes.
   */
  private scan(b: Uint8Array, i: number, searchFrom: number): void {
    const n = b.length;
    while (i < n) {
      let lt = i;
      while (lt < n && b[lt] !== 60 /* < */) lt++;
      if (lt === n) {
        if (this.capturing) this.append(b, i, n);
        return;
      }
      if (this.capturing && lt > i) this.append(b, i, lt);
      // Only the construct carried over (at 0) may resume its search past its start.
      const from = lt === 0 ? searchFrom : 0;
      let c = lt + 1 < n ? b[lt + 1]! : -1;
      if (c === 33 /* ! */) {
        if (startsWithAscii(b, lt, "<![CDATA[")) {
          const e = indexOfAscii(b, "]]>", Math.max(lt + 9, from));
          if (e < 0) {
            this.hold(b, lt, 2);
            return;
          }
          // Kept raw; escaping its ampersands lets the text's later decoding restore them.
          if (this.capturing) this.appendCdata(b, lt + 9, e);
          i = e + 3;
          continue;
        }
        if (startsWithAscii(b, lt, "<!--")) {
          const e = indexOfAscii(b, "-->", Math.max(lt + 4, from));
          if (e < 0) {
            this.hold(b, lt, 2);
            return;
          }
          i = e + 3;
          continue;
        }
        if (n - lt < 9 && isPrefixOf(b, lt, n, "<![CDATA[")) {
          // A CDATA or comment opener cut by the chunk's end: wait for the rest.
          this.hold(b, lt, n - lt);
          return;
        }
      }
      if (c === 99 /* c */ && this.inRow && lt + 2 < n && b[lt + 2] === 32) {
        // The usual cell's start tag, read in one pass; -1 leaves it to the general path.
        const next = this.fastCell(b, lt + 3);
        if (next >= 0) {
          i = next;
          continue;
        }
      } else if (c === 47 /* / */ && lt + 5 < n && b[lt + 2] === 114 && b[lt + 3] === 111 && b[lt + 4] === 119 && b[lt + 5] === 62) {
        // `</row>`, as the general path reads it.
        this.endRow();
        i = lt + 6;
        continue;
      } else if (c === 114 /* r */ && from === 0 && lt + 4 < n && b[lt + 2] === 111 && b[lt + 3] === 119 && b[lt + 4] === 32) {
        // `<row …>`: its end found by the native search, then read as the general path reads it.
        const gt = b.indexOf(62 /* > */, lt + 4);
        if (gt >= 0) {
          const selfClosing = b[gt - 1] === 47;
          this.tag(b, selfClosing ? gt - 1 : gt, lt + 1, lt + 4, false, selfClosing);
          i = gt + 1;
          continue;
        }
      }
      let gt = lt + 1 >= n ? n : Math.max(lt + 1, from);
      while (gt < n && b[gt] !== 62 /* > */) gt++;
      if (gt === n) {
        this.hold(b, lt, 0);
        return;
      }
      if (c === 33 || c === 63 /* ? */) {
        i = gt + 1;
        continue;
      }
      const closing = c === 47;
      let p = closing ? lt + 2 : lt + 1;
      let q = p;
      while (q < gt) {
        c = b[q]!;
        if (c === 32 || c === 47 || c === 10 || c === 9 || c === 13) break;
        if (c === 58 /* : */) p = q + 1;
        q++;
      }
      const selfClosing = !closing && b[gt - 1] === 47;
      const resume = this.tag(b, selfClosing ? gt - 1 : gt, p, q, closing, selfClosing);
      i = resume >= 0 ? resume : gt + 1;
    }
  }

  /** Carries `b[lt…]` to the next chunk; its end's search resumes `back` bytes before the end. */
  private hold(b: Uint8Array, lt: number, back: number): void {
    const length = b.length - lt;
    if (length > MAX_MARKUP) {
      throw this.unclosed(startsWithAscii(b, lt, "<!--") ? "комментарий" : startsWithAscii(b, lt, "<![CDATA[") ? "раздел CDATA" : `тег длиннее ${groupDigits(MAX_MARKUP)} символов`);
    }
    this.carry = b.slice(lt);
    this.resume = Math.max(0, length - back);
  }

  end(): void {
    const carry = this.carry;
    this.carry = null;
    if (carry === null) return;
    const text = UTF8.decode(carry);
    if (text.trim().length > 0) throw this.unclosed(`тег «${text.slice(0, 40)}${text.length > 40 ? "…" : ""}» в конце части`);
  }

  private room(extra: number): void {
    const need = this.textLength + extra;
    // Bytes, up to 3 per character: the decoded text is checked against the bound when whole.
    if (need > 3 * MAX_TEXT) this.tooLong();
    if (need > this.text.length) {
      const grown = new Uint8Array(Math.max(need, this.text.length * 2));
      grown.set(this.text.subarray(0, this.textLength), 0);
      this.text = grown;
    }
  }

  private append(b: Uint8Array, from: number, to: number): void {
    this.room(to - from);
    this.text.set(b.subarray(from, to), this.textLength);
    this.textLength += to - from;
  }

  private appendCdata(b: Uint8Array, from: number, to: number): void {
    for (let k = from; k < to; k++) {
      if (b[k] === 38 /* & */) {
        this.append(b, from, k);
        this.append(AMP, 0, AMP.length);
        from = k + 1;
      }
    }
    this.append(b, from, to);
  }

  /** The captured text, decoded; refused past the bound. */
  private capturedText(): string {
    if (this.textLength === 0) return "";
    const s = UTF8.decode(this.text.subarray(0, this.textLength));
    if (s.length > MAX_TEXT) this.tooLong();
    return s;
  }

  // -- Elements -------------------------------------------------------------------------------

  /**
   * A tag ending at `to` (its `>`, or its `/` when self-closing), its local name `b[name, nameEnd)`.
   * Returns where the scan resumes when the handler has read past the tag's end itself, else -1.
   */
  private tag(b: Uint8Array, to: number, name: number, nameEnd: number, closing: boolean, selfClosing: boolean): number {
    const len = nameEnd - name;
    const c0 = b[name];
    if (len === 1) {
      switch (c0) {
        case 99 /* c */:
          if (closing) this.endCell();
          else if (this.inRow) return this.startCell(b, nameEnd, to, selfClosing);
          return -1;
        case 118 /* v */:
          if (this.inCell && !this.inRun) this.capture(1, closing, selfClosing);
          return -1;
        case 116 /* t */:
          if (this.inCell) this.capture(this.inRun ? 3 : 1, closing, selfClosing);
          return -1;
        case 102 /* f */:
          if (!this.inCell) return -1;
          if (!closing) {
            // exceljs: a formula cell has formula text or a `t` (shared/array) on its <f>.
            if (nameEnd < to) eachAttr(UTF8.decode(b.subarray(nameEnd, to)), 0, to - nameEnd, (n) => n === "t" && (this.hasFormula = true));
          }
          this.capture(2, closing, selfClosing);
          return -1;
        case 114 /* r */:
          if (!this.inCell) return -1;
          if (!closing) {
            this.inRun = true;
            this.runText = undefined;
          }
          if (closing || selfClosing) {
            (this.runs ??= []).push(this.runText ?? "");
            this.inRun = false;
          }
          return -1;
        default:
          return -1;
      }
    }
    if (len === 3 && c0 === 114 && b[name + 1] === 111 && b[name + 2] === 119 /* row */) {
      if (closing) this.endRow();
      else {
        const r = rowAttr(b, nameEnd, to);
        this.rowNumber = r > 0 ? r : this.rowNumber + 1;
        if (this.rowNumber > MAX_ROWS) this.refuse(`строка ${groupDigits(this.rowNumber)}: номер строки больше ${groupDigits(MAX_ROWS)} — предела Excel`);
        this.inRow = true;
        this.width = 0;
        this.col = 0;
        if (selfClosing) this.endRow();
      }
    } else if (len === 9 && !closing && startsWithAscii(b, name, "mergeCell")) {
      eachAttr(UTF8.decode(b.subarray(nameEnd, to)), 0, to - nameEnd, (n, v) => {
        if (n === "ref") this.merges.push(v);
      });
    }
    return -1;
  }

  private capture(target: number, closing: boolean, selfClosing: boolean): void {
    if (!closing) {
      this.capturing = true;
      this.target = target;
      this.textLength = 0;
    }
    if (closing || selfClosing) {
      this.capturing = false;
      if (target !== this.target) {
        this.textLength = 0;
        return;
      }
      this.target = 0;
      if (target === 1) {
        const d = this.type === T_NUMBER || this.type === T_SHARED ? smallInteger(this.text, 0, this.textLength) : -1;
        if (d >= 0 && this.value === undefined && this.intValue < 0) {
          this.intValue = d;
        } else {
          if (this.intValue >= 0) {
            this.value = String(this.intValue);
            this.intValue = -1;
          }
          const text = this.capturedText();
          // exceljs concatenates the texts of the cell's <v> and <t> elements (there is one).
          if (text.length > 0) this.value = this.value === undefined ? text : this.value + text;
        }
      } else if (target === 2) {
        if (this.textLength > 0) this.hasFormula = true;
      } else {
        this.runText = decodeEscapes(decodeXmlText(this.capturedText()));
      }
      this.textLength = 0;
    }
  }

  /** The start tag of a cell, its attributes `b[from, to)`: r="B7" t="s" s="3", usually in that order. */
  private startCell(b: Uint8Array, from: number, to: number, selfClosing: boolean): number {
    let col = 0;
    let type = T_NUMBER;
    let style = 0;
    let i = from;
    while (i < to) {
      let eq = i;
      while (eq < to && b[eq] !== 61 /* = */) eq++;
      if (eq === to) break;
      const quote = b[eq + 1];
      if (quote !== 34 && quote !== 39) return this.startCellSlow(b, from, to, selfClosing);
      let ve = eq + 2;
      while (ve < to && b[ve] !== quote) ve++;
      if (ve === to) break;
      let ns = eq - 1;
      while (ns > i && b[ns]! <= 32) ns--;
      const before = b[ns - 1]!;
      if (before <= 32 || before === 58) {
        const a = b[ns];
        if (a === 114 /* r */) {
          for (let k = eq + 2; k < ve; k++) {
            const c = b[k]!;
            if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
            else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
            else break;
          }
        } else if (a === 116 /* t */) type = ve - eq === 3 ? cellTypeChar(b[eq + 2]!) : cellType(latin1(b, eq + 2, ve));
        else if (a === 115 /* s */) {
          for (let k = eq + 2; k < ve; k++) {
            const c = b[k]!;
            if (c < 48 || c > 57 || style > MAX_STYLES) break;
            style = style * 10 + (c - 48);
          }
        }
      }
      i = ve + 1;
    }
    this.begin(col, type, style, selfClosing);
    if (!selfClosing && (type === T_NUMBER || type === T_SHARED || type === T_STR)) return this.quickValue(b, to + 1, type);
    return -1;
  }

  /**
   * A cell's start tag from `b[p]` (after `<c `) in one forward pass, when it is whole in `b`, not
   * long, and its attributes plain (`name="value"`, no `>` in a value): then the cell is begun
   * and, with {@link quickValue}, usually read whole. Returns where the scan resumes, or -1 with
   * nothing changed (the general path then reads the tag).
   */
  private fastCell(b: Uint8Array, p: number): number {
    const n = b.length;
    const stop = n < p + FAST_TAG_BYTES ? n : p + FAST_TAG_BYTES;
    let col = 0;
    let type = T_NUMBER;
    let style = 0;
    let k = p;
    let c = 0;
    if (b[p] === 114 /* r */ && b[p + 1] === 61 && b[p + 2] === 34) {
      // The usual tag exactly — r="B7", then s="3" and t="s" (one letter) if there, one space
      // apart, then `>` — read straight; anything else is left to the attribute loop below.
      let j = p + 3;
      let d = 0;
      while (j < stop && (d = b[j]!) >= 65 && d <= 90) {
        col = col * 26 + (d - 64);
        j++;
      }
      while (j < stop && (d = b[j]!) >= 48 && d <= 57) j++;
      if (d === 34 && ++j + 6 < stop) {
        d = b[j]!;
        if (d === 32 && b[j + 1] === 115 /* s */ && b[j + 2] === 61 && b[j + 3] === 34) {
          j += 4;
          while (j < stop && (d = b[j]!) >= 48 && d <= 57 && style <= MAX_STYLES) {
            style = style * 10 + (d - 48);
            j++;
          }
          d = d === 34 && ++j + 6 < stop ? b[j]! : 0;
        }
        const t = b[j + 4]!;
        if (d === 32 && b[j + 1] === 116 /* t */ && b[j + 2] === 61 && b[j + 3] === 34 && b[j + 5] === 34 && t !== 34 && t !== 62) {
          type = cellTypeChar(t);
          j += 6;
          d = j < stop ? b[j]! : 0;
        }
        if (d === 62 /* > */) return this.cellContent(b, j, col, type, style);
      }
      col = 0;
      type = T_NUMBER;
      style = 0;
    }
    for (;;) {
      while (k < stop && b[k] === 32) k++;
      if (k >= stop) return -1;
      c = b[k]!;
      if (c === 62 /* > */) break;
      if (c === 47 /* / */) {
        if (k + 1 >= stop || b[k + 1] !== 62) return -1;
        this.begin(col, type, style, true);
        return k + 2;
      }
      if ((c === 114 /* r */ || c === 115 /* s */ || c === 116 /* t */) && k + 2 < stop && b[k + 1] === 61 /* = */ && b[k + 2] === 34 /* " */) {
        // The usual attributes: r="B7", s="3", t="s".
        let j = k + 3;
        if (c === 114) {
          for (; j < stop; j++) {
            const d = b[j]!;
            if (d >= 65 && d <= 90) col = col * 26 + (d - 64);
            else if (d >= 97 && d <= 122) col = col * 26 + (d - 96);
            else break;
          }
        } else if (c === 115) {
          for (; j < stop; j++) {
            const d = b[j]!;
            if (d < 48 || d > 57 || style > MAX_STYLES) break;
            style = style * 10 + (d - 48);
          }
        }
        let ve = j;
        while (ve < stop && (c = b[ve]!) !== 34) {
          if (c === 62) return -1;
          ve++;
        }
        if (ve >= stop) return -1;
        if (b[k] === 116) type = ve - (k + 3) === 1 ? cellTypeChar(b[k + 3]!) : cellType(latin1(b, k + 3, ve));
        k = ve + 1;
      } else {
        // Any other attribute: its name's local part (after the last ':'), then its value.
        let local = k;
        while (k < stop && (c = b[k]!) !== 61 /* = */) {
          if (c === 58 /* : */) local = k + 1;
          else if (c <= 32 || c === 62 || c === 47 || c === 34 || c === 39) return -1;
          k++;
        }
        if (k + 1 >= stop) return -1;
        const quote = b[k + 1];
        if (quote !== 34 && quote !== 39) return -1;
        const v = k + 2;
        let ve = v;
        while (ve < stop && (c = b[ve]!) !== quote) {
          if (c === 62) return -1;
          ve++;
        }
        if (ve >= stop) return -1;
        if (k - local === 1) {
          const a = b[local];
          if (a === 114 /* r */) {
            for (let j = v; j < ve; j++) {
              c = b[j]!;
              if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
              else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
              else break;
            }
          } else if (a === 116 /* t */) type = ve - v === 1 ? cellTypeChar(b[v]!) : cellType(latin1(b, v, ve));
          else if (a === 115 /* s */) {
            for (let j = v; j < ve; j++) {
              c = b[j]!;
              if (c < 48 || c > 57 || style > MAX_STYLES) break;
              style = style * 10 + (c - 48);
            }
          }
        }
        k = ve + 1;
      }
      // Attributes are separated by white space.
      if (k < stop && (c = b[k]!) !== 32 && c !== 62 && c !== 47) return -1;
    }
    return this.cellContent(b, k, col, type, style);
  }

  /** After a cell's start tag, its `>` at `b[k]`: the value read in one step where it can be. */
  private cellContent(b: Uint8Array, k: number, col: number, type: number, style: number): number {
    if (type === T_NUMBER || type === T_SHARED) {
      // The usual value, `<v>…</v></c>` whole in `b`: stored without beginning the cell's state.
      const next = this.quickStore(b, k + 1, col, type, style);
      if (next >= 0) return next;
    }
    this.begin(col, type, style, false);
    if (type === T_NUMBER || type === T_SHARED || type === T_STR) {
      const next = this.quickValue(b, k + 1, type);
      if (next >= 0) return next;
    }
    return k + 1;
  }

  /**
   * A number or shared-string cell's `<v>…</v></c>` at `b[p]`, whole in `b`, with a plain number
   * or index: the cell is stored (as {@link begin} then {@link quickValue} would) and the scan
   * resumes at the returned place; -1, with nothing changed, for anything else.
   */
  private quickStore(b: Uint8Array, p: number, col: number, type: number, style: number): number {
    const n = b.length;
    if (p + 3 > n || b[p] !== 60 || b[p + 1] !== 118 || b[p + 2] !== 62) return -1;
    const start = p + 3;
    // Digits only (the usual case) are read as they are scanned.
    let e = start;
    let m = 0;
    let c = 0;
    while (e < n && (c = b[e]!) >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      e++;
    }
    let digits = e - start;
    if (c !== 60 || e >= n) {
      digits = -1;
      while (e < n && b[e] !== 60) e++;
    }
    if (e + 8 > n || e - start > MAX_TEXT) return -1;
    if (b[e + 1] !== 47 || b[e + 2] !== 118 || b[e + 3] !== 62 || b[e + 4] !== 60 || b[e + 5] !== 47 || b[e + 6] !== 99 || b[e + 7] !== 62) return -1;
    let v: CellValue;
    if (type === T_NUMBER) {
      const x = digits > 0 && digits <= 15 ? m : plainNumber(b, start, e);
      if (x !== x) return -1;
      v = x;
    } else {
      const d = digits > 0 && digits <= 15 ? m : -1;
      if (d < 0) return -1;
      v = this.shared[d] ?? null;
    }
    // begin(): the column and its bound, the date style.
    const column = col > 0 ? col : this.col + 1;
    this.col = column;
    if (column > MAX_COLUMNS) {
      this.refuse(`строка ${groupDigits(this.rowNumber)}: столбец номер ${groupDigits(column)} за пределом Excel (${groupDigits(MAX_COLUMNS)}, XFD)`);
    }
    this.dated = style > 0 && this.dateStyles[style] === 1;
    this.inCell = false;
    if (v !== null) this.store(v);
    return e + 8;
  }

  /** Attributes with spaces around `=`: the general path. */
  private startCellSlow(b: Uint8Array, from: number, to: number, selfClosing: boolean): number {
    let col = 0;
    let type = T_NUMBER;
    let style = 0;
    eachAttr(UTF8.decode(b.subarray(from, to)), 0, to - from, (n, v) => {
      if (n === "r") col = columnOf(v);
      else if (n === "t") type = cellType(v);
      else if (n === "s") style = parseInt(v, 10);
    });
    this.begin(col, type, style, selfClosing);
    return -1;
  }

  /**
   * The usual cell, `<v>text</v></c>` right after its start tag and whole in this chunk, read in
   * one step: returns where the scan resumes (after `</c>`), or -1 to leave it to the tags.
   */
  private quickValue(b: Uint8Array, p: number, type: number): number {
    const n = b.length;
    if (p + 3 > n || b[p] !== 60 || b[p + 1] !== 118 || b[p + 2] !== 62) return -1;
    const start = p + 3;
    let e = start;
    while (e < n && b[e] !== 60) e++;
    if (e + 8 > n || e - start > MAX_TEXT || !startsWithAscii(b, e, "</v></c>")) return -1;
    this.inCell = false;
    if (type === T_NUMBER) {
      const v = plainNumber(b, start, e);
      if (v === v) {
        this.store(v);
        return e + 8;
      }
    } else if (type === T_SHARED) {
      const d = plainInteger(b, start, e);
      if (d >= 0) {
        const v = this.shared[d] ?? null;
        if (v !== null) this.store(v);
        return e + 8;
      }
    }
    this.inCell = true;
    for (let k = start; k < e; k++) {
      const c = b[k];
      if (c === 38 /* & */ || c === 13 /* CR */) return -1;
    }
    if (e > start) this.value = UTF8.decode(b.subarray(start, e));
    this.endCell();
    return e + 8;
  }

  private begin(col: number, type: number, style: number, selfClosing: boolean): void {
    this.col = col > 0 ? col : this.col + 1;
    if (this.col > MAX_COLUMNS) {
      this.refuse(`строка ${groupDigits(this.rowNumber)}: столбец номер ${groupDigits(this.col)} за пределом Excel (${groupDigits(MAX_COLUMNS)}, XFD)`);
    }
    this.type = type;
    this.dated = style > 0 && this.dateStyles[style] === 1;
    this.inCell = true;
    this.hasFormula = false;
    this.value = undefined;
    this.intValue = -1;
    this.runs = null;
    this.inRun = false;
    if (selfClosing) this.endCell();
  }

  private endCell(): void {
    if (!this.inCell) return;
    this.inCell = false;
    this.capturing = false;
    const v = this.cellValue();
    if (v !== null) this.store(v);
  }

  /** Puts the current cell's value in its row. */
  private store(v: CellValue): void {
    // A cell whose end comes after its row's (`</row>` before `</c>`) has no row to go in.
    if (!this.inRow) this.refuse(`${this.place()}: ячейка закрыта после конца своей строки`);
    const cells = this.cells;
    const col = this.col;
    this.budget.cells++;
    let w = this.width;
    if (w < col) {
      if (w < col - 1) {
        this.pad(col - 1 - w);
        for (; w < col - 1; w++) setCell(cells, w, null);
      }
      this.width = col;
    }
    setCell(cells, col - 1, v);
    if (this.dated && typeof v === "number") (this.dates ??= new Set()).add(dateCellKey(this.rowNumber - 1, col - 1));
  }

  /** Counts `n` filler slots; refuses a sheet whose real cells are too far apart. */
  private pad(n: number): void {
    const b = this.budget;
    b.filler += n;
    if (b.filler > PADDING_BASE + PADDING_PER_CELL * b.cells) {
      this.refuse(
        `строка ${groupDigits(this.rowNumber)}: заполненные ячейки разбросаны слишком далеко друг от друга ` +
          `(${groupDigits(b.filler)} пустых на ${groupDigits(b.cells)} заполненных); удалите лишнее за пределами таблиц`,
      );
    }
  }

  /**
   * exceljs's CellXform.parseClose('c') followed by toCellValue, except for formulas: their
   * cached value is the value, as Office.js gives it (exceljs drops a cached 0, "" or FALSE).
   */
  private cellValue(): CellValue {
    if (this.intValue >= 0) {
      // Only numbers and shared strings capture digits; a formula's number is the number.
      return this.type === T_SHARED && !this.hasFormula ? (this.shared[this.intValue] ?? null) : this.intValue;
    }
    const raw = this.value;
    if (this.hasFormula) {
      if (raw === undefined && this.runs === null && this.type !== T_STR) return { error: FORMULA_WITHOUT_VALUE };
      const text = raw === undefined ? "" : decodeXmlText(raw);
      switch (this.type) {
        case T_STR:
        case T_INLINE:
          return exceljsXmlDecode(text);
        case T_BOOL:
          return parseInt(text, 10) !== 0;
        case T_ERROR:
          return { error: text };
        default:
          return text.trim() === "" ? { error: FORMULA_WITHOUT_VALUE } : numberValue(parseFloat(text));
      }
    }
    if (this.runs !== null && this.type === T_INLINE) return this.runs.join("");
    if (raw === undefined) return null;
    switch (this.type) {
      case T_NUMBER:
        return numberValue(parseFloat(raw));
      case T_SHARED: {
        const idx = parseInt(raw, 10);
        return this.shared[idx] ?? null;
      }
      case T_STR:
        return exceljsXmlDecode(decodeXmlText(raw));
      case T_INLINE:
        return decodeXmlText(raw);
      case T_BOOL:
        return parseInt(raw, 10) !== 0;
      default:
        return { error: decodeXmlText(raw) };
    }
  }

  private endRow(): void {
    if (!this.inRow) return;
    this.inRow = false;
    this.rowsRead++;
    // A row with no value (formatting only) is not kept: it would only be a gap.
    const width = this.width;
    if (width > 0) {
      const cells = keptRow(this.cells, width);
      const rows = this.rows;
      const index = this.rowNumber - 1;
      if (rows.length < index) {
        this.pad(index - rows.length);
        while (rows.length < index) rows.push(EMPTY_ROW);
      }
      rows[index] = cells;
    }
    this.onRow(this.rowsRead);
  }

  /** Empties the cells a merged range covers (all but its top-left), as exceljs does. */
  applyMerges(): void {
    for (const ref of this.merges) {
      const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(ref);
      if (m === null || m[3] === undefined) continue;
      const c1 = columnOf(m[1]!);
      const r1 = parseInt(m[2]!, 10);
      const c2 = columnOf(m[3]);
      const r2 = parseInt(m[4]!, 10);
      const top = Math.min(r1, r2);
      const left = Math.min(c1, c2);
      for (let r = top; r <= Math.max(r1, r2) && r <= this.rows.length; r++) {
        const cells = this.rows[r - 1]!;
        this.budget.mergeVisits += Math.max(1, Math.min(cells.length, Math.max(c1, c2)) - left + 1);
        if (this.budget.mergeVisits > MAX_MERGE_VISITS) {
          this.refuse(`объединённые ячейки (${groupDigits(this.merges.length)} диапазонов) покрывают больше ${groupDigits(MAX_MERGE_VISITS)} ячеек`);
        }
        for (let c = left; c <= Math.max(c1, c2) && c <= cells.length; c++) {
          if (r !== top || c !== left) cells[c - 1] = null;
        }
        while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
      }
    }
  }
}

/** Drops the empty rows at the end (rows of formatting only). */
function trimTrailingEmptyRows(rows: CellValue[][]): CellValue[][] {
  while (rows.length > 0 && (rows[rows.length - 1]?.length ?? 0) === 0) rows.pop();
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Workbook

export interface WorkbookScanOptions {
  /** Is this part (a name inside the zip, `/`-separated, no leading `/`) in the archive? */
  readonly has: (part: string) => boolean;
  /** Refuse a workbook whose parts unpack to more than this many bytes (see ./readLimits). */
  readonly maxUnpackedBytes: number;
  readonly onProgress?: (sheet: string, rowsRead: number) => void;
  /** Rows between two progress calls (default 10 000); the last count of a sheet is always reported. */
  readonly progressEvery?: number;
}

/** Takes a part's inflated bytes, chunk by chunk; `end()` once after the last. */
export interface PartSink {
  push(chunk: Uint8Array): void;
  end(): void;
}

function tooBig(limit: number): WorkbookFileError {
  return new WorkbookFileError(
    `книга распаковывается больше чем в ${megabytes(limit)} — это больше предела (50 × размер файла, от 256 МБ до 2 ГБ); ` +
      "возможно, это «zip-бомба». Если книга настоящая, поднимите предел переменной окружения SHNOR_MAX_UNPACKED_MB=<МБ> (командная строка shnor)",
  );
}

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
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

type Found = ElementCollector["found"];

/** A text scanner fed bytes: decoded as UTF-8 across chunk boundaries. */
function decoded(scanner: XmlScanner): PartSink {
  const decoder = new TextDecoder("utf-8");
  return {
    push: (chunk) => scanner.feed(decoder.decode(chunk, { stream: true })),
    end: () => {
      scanner.feed(decoder.decode());
      scanner.end();
    },
  };
}

/** What the scan reads next. */
type Step =
  | { readonly kind: "rootRels" | "workbook" | "workbookRels" | "styles" | "shared"; readonly part: string }
  | { readonly kind: "sheet"; readonly part: string; readonly name: string; readonly hidden: boolean };

/** Scans a workbook's parts, in the order {@link WorkbookScan.next} asks for them (see the module's header). */
export class WorkbookScan {
  private readonly options: WorkbookScanOptions;
  private readonly every: number;
  private used = 0;
  private readonly padding: PaddingBudget = { cells: 0, filler: 0, mergeVisits: 0 };
  /** The steps still to take, the next first: each is added once the part it depends on is read. */
  private readonly steps: Step[] = [];
  private current: Step | null = null;
  private reading = false;

  private rootRels: Found = [];
  private workbookPart = "xl/workbook.xml";
  private workbookXml: Found | null = null;
  private readonly rels = new Map<string, { type: string; target: string }>();
  private dateStyles: Uint8Array = new Uint8Array(0);
  private shared: CellValue[] = [];
  private readonly sheets: RawSheet[] = [];
  private date1904 = false;

  constructor(options: WorkbookScanOptions) {
    this.options = options;
    this.every = Math.max(1, options.progressEvery ?? 10_000);
    this.steps.push({ kind: "rootRels", part: "_rels/.rels" });
  }

  /** The next part to read (call {@link part} for it), or null when the workbook is read. */
  next(): string | null {
    if (this.reading) throw new Error("WorkbookScan.next: the previous part's sink was not ended");
    for (;;) {
      const step = this.steps.shift();
      if (step === undefined) return null;
      if (this.options.has(step.part)) {
        this.current = step;
        return step.part;
      }
      if (step.kind === "workbook") throw new WorkbookFileError(`в zip-архиве нет «${step.part}»: это не книга Excel`);
      this.absent(step);
    }
  }

  /**
   * A sink for the part {@link next} gave. `declaredBytes` is the unpacked size the zip's directory
   * declares (0 or omitted when it does not say): a part may not unpack past it, nor the whole
   * workbook past `maxUnpackedBytes`.
   */
  part(part: string, declaredBytes = 0): PartSink {
    const step = this.current;
    if (step === null || step.part !== part) throw new Error(`WorkbookScan.part: «${part}» is not the part next() gave`);
    this.current = null;
    const limit = this.options.maxUnpackedBytes;
    if (declaredBytes > limit - this.used) throw tooBig(limit);
    const declared = declaredBytes > 0 ? declaredBytes : Number.MAX_SAFE_INTEGER;
    const scanner = this.scannerFor(step);
    const sink = scanner instanceof SheetScanner ? scanner : decoded(scanner);
    let inflated = 0;
    this.reading = true;
    return {
      push: (chunk) => {
        inflated += chunk.length;
        this.used += chunk.length;
        if (this.used > limit) throw tooBig(limit);
        if (inflated > declared) throw new WorkbookFileError(`файл повреждён: часть «${part}» распаковывается больше, чем записано в оглавлении zip-архива (${RESAVE})`);
        sink.push(chunk);
      },
      end: () => {
        sink.end();
        this.reading = false;
        this.done(step, scanner);
      },
    };
  }

  /** The workbook, once {@link next} has given null. */
  result(): RawWorkbook {
    if (this.reading || this.current !== null || this.steps.length > 0) throw new Error("WorkbookScan.result: parts are still to be read");
    return this.date1904 ? { sheets: this.sheets, date1904: true } : { sheets: this.sheets };
  }

  private scannerFor(step: Step): XmlScanner | SheetScanner {
    switch (step.kind) {
      case "rootRels":
      case "workbookRels":
        return new ElementCollector(["Relationship"], `часть «${step.part}»`);
      case "workbook":
        return new ElementCollector(["sheet", "workbookPr"], `часть «${step.part}»`);
      case "styles":
        return new StylesScanner();
      case "shared":
        return new SharedStringsScanner();
      case "sheet": {
        const onProgress = this.options.onProgress;
        const every = this.every;
        const name = step.name;
        return new SheetScanner(
          this.shared,
          (read) => {
            if (onProgress !== undefined && read % every === 0) onProgress(name, read);
          },
          name,
          this.padding,
          this.dateStyles,
        );
      }
    }
  }

  private absent(step: Step): void {
    this.after(step);
  }

  private done(step: Step, scanner: XmlScanner | SheetScanner): void {
    switch (step.kind) {
      case "rootRels":
        this.rootRels = (scanner as ElementCollector).found;
        break;
      case "workbook":
        this.workbookXml = (scanner as ElementCollector).found;
        break;
      case "workbookRels":
        for (const r of (scanner as ElementCollector).found) {
          this.rels.set(r.attrs.get("Id") ?? "", { type: r.attrs.get("Type") ?? "", target: resolvePart(this.workbookPart, r.attrs.get("Target") ?? "") });
        }
        break;
      case "styles":
        this.dateStyles = (scanner as StylesScanner).dateStyles();
        break;
      case "shared":
        this.shared = (scanner as SharedStringsScanner).strings;
        break;
      case "sheet": {
        const sc = scanner as SheetScanner;
        sc.applyMerges();
        const rows = trimTrailingEmptyRows(sc.rows);
        this.options.onProgress?.(step.name, sc.rowsRead);
        const dates = sc.dates === null ? {} : { dateCells: sc.dates };
        this.sheets.push(step.hidden ? { name: step.name, hidden: true, rows, ...dates } : { name: step.name, rows, ...dates });
        break;
      }
    }
    this.after(step);
  }

  /** Queues the step that follows `step`. */
  private after(step: Step): void {
    switch (step.kind) {
      case "rootRels": {
        const officeDoc = this.rootRels.find((r) => /\/officeDocument$/.test(r.attrs.get("Type") ?? ""));
        this.workbookPart = officeDoc ? resolvePart("", officeDoc.attrs.get("Target") ?? "") : "xl/workbook.xml";
        this.steps.push({ kind: "workbook", part: this.workbookPart });
        break;
      }
      case "workbook": {
        const pr = this.workbookXml?.find((el) => el.name === "workbookPr")?.attrs.get("date1904");
        this.date1904 = pr === "1" || pr === "true";
        this.steps.push({ kind: "workbookRels", part: relsPath(this.workbookPart) });
        break;
      }
      case "workbookRels": {
        const stylesRel = [...this.rels.values()].find((r) => /\/styles$/.test(r.type));
        this.steps.push({ kind: "styles", part: stylesRel?.target ?? "xl/styles.xml" });
        break;
      }
      case "styles": {
        const sharedRel = [...this.rels.values()].find((r) => /\/sharedStrings$/.test(r.type));
        this.steps.push({ kind: "shared", part: sharedRel?.target ?? "xl/sharedStrings.xml" });
        break;
      }
      case "shared":
        for (const el of this.workbookXml ?? []) {
          if (el.name !== "sheet") continue;
          const name = el.attrs.get("name") ?? "";
          let rid = "";
          for (const [k, v] of el.attrs) if (k.endsWith(":id")) rid = v;
          const rel = this.rels.get(rid);
          if (rel === undefined || !/\/worksheet$/.test(rel.type)) continue;
          const state = el.attrs.get("state");
          this.steps.push({ kind: "sheet", part: rel.target, name, hidden: state === "hidden" || state === "veryHidden" });
        }
        break;
      case "sheet":
        break;
    }
  }
}
