/**
 * Node-only: a fast streaming reader of .xlsx files. The zip's central directory gives each part's
 * place in the file; a part is inflated by Node's zlib chunk by chunk, decoded as UTF-8 across chunk
 * boundaries and scanned by a small hand-written scanner of the SpreadsheetML subset that carries
 * cell values. The sheet XML (hundreds of MB for a million rows) is never held whole.
 *
 * It gives the same {@link RawWorkbook} as `readXlsx` (exceljs, in memory) for the same file: the
 * scanner follows exceljs's rules for each cell type (see `cellValue`), except that styles are
 * not read, so dates stay Excel serial numbers exactly as stored (as Office.js gives them).
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createInflateRaw } from "node:zlib";
import type { CellValue, RawSheet, RawWorkbook } from "../schema/raw";
import { assertWorkbookBytes, FILE_KIND_HEAD, WorkbookFileError } from "./fileKind";
import { trimTrailingEmptyRows, UNKNOWN_FORMULA_ERROR } from "./xlsxReader";

export interface ReadXlsxStreamOptions {
  readonly onProgress?: (sheet: string, rowsRead: number) => void;
  /** Rows between two progress calls (default 10 000); the last count of a sheet is always reported. */
  readonly progressEvery?: number;
  /** Internal, for tests: split the inflated bytes into pieces of at most this many bytes. */
  readonly chunkSize?: number;
}

// ---------------------------------------------------------------------------------------------
// Zip

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;

async function readZipDirectory(path: string): Promise<{ entries: Map<string, ZipEntry>; dataStart: (e: ZipEntry) => Promise<number> }> {
  const fh = await open(path, "r");
  try {
    const size = (await fh.stat()).size;
    const head = Buffer.alloc(Math.min(size, FILE_KIND_HEAD));
    await fh.read(head, 0, head.length, 0);
    assertWorkbookBytes(head);
    const tailLen = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, size - tailLen);
    let eocd = tailLen - 22;
    while (eocd >= 0 && tail.readUInt32LE(eocd) !== EOCD_SIG) eocd--;
    if (eocd < 0) throw new WorkbookFileError("файл повреждён или обрезан: у zip-архива .xlsx нет оглавления (пересохраните книгу в Excel)");
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      // Zip64: the locator sits just before the classic end record.
      const loc = eocd - 20;
      if (loc >= 0 && tail.readUInt32LE(loc) === 0x07064b50) {
        const rec = Buffer.alloc(56);
        await fh.read(rec, 0, 56, Number(tail.readBigUInt64LE(loc + 8)));
        count = Number(rec.readBigUInt64LE(32));
        cdSize = Number(rec.readBigUInt64LE(40));
        cdOffset = Number(rec.readBigUInt64LE(48));
      }
    }
    const cd = Buffer.alloc(cdSize);
    await fh.read(cd, 0, cdSize, cdOffset);
    const entries = new Map<string, ZipEntry>();
    let p = 0;
    for (let i = 0; i < count && p + 46 <= cd.length; i++) {
      if (cd.readUInt32LE(p) !== CEN_SIG) throw new WorkbookFileError("повреждено оглавление zip-архива .xlsx (пересохраните книгу в Excel)");
      const method = cd.readUInt16LE(p + 10);
      let compressedSize = cd.readUInt32LE(p + 20);
      const uncompressed = cd.readUInt32LE(p + 24);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      let localOffset = cd.readUInt32LE(p + 42);
      const name = cd.toString("utf8", p + 46, p + 46 + nameLen);
      // Zip64 extended information: the 64-bit fields present are those whose 32-bit ones are full.
      let x = p + 46 + nameLen;
      const xEnd = x + extraLen;
      while (x + 4 <= xEnd) {
        const id = cd.readUInt16LE(x);
        const len = cd.readUInt16LE(x + 2);
        if (id === 1) {
          let q = x + 4;
          if (uncompressed === 0xffffffff) q += 8;
          if (compressedSize === 0xffffffff) (compressedSize = Number(cd.readBigUInt64LE(q))), (q += 8);
          if (localOffset === 0xffffffff) localOffset = Number(cd.readBigUInt64LE(q));
        }
        x += 4 + len;
      }
      entries.set(name.replace(/\\/g, "/"), { name, method, compressedSize, localOffset });
      p += 46 + nameLen + extraLen + commentLen;
    }
    return {
      entries,
      dataStart: async (e) => {
        const h = await open(path, "r");
        try {
          const loc = Buffer.alloc(30);
          await h.read(loc, 0, 30, e.localOffset);
          if (loc.readUInt32LE(0) !== LOC_SIG) throw new WorkbookFileError(`повреждён zip-архив .xlsx: часть «${e.name}» (пересохраните книгу в Excel)`);
          return e.localOffset + 30 + loc.readUInt16LE(26) + loc.readUInt16LE(28);
        } finally {
          await h.close();
        }
      },
    };
  } finally {
    await fh.close();
  }
}

type Zip = Awaited<ReturnType<typeof readZipDirectory>>;

/** Feeds a zip entry's text to `sink` chunk by chunk (UTF-8 decoded across chunk boundaries). */
async function scanEntry(path: string, zip: Zip, entry: ZipEntry, sink: { feed(s: string): void; end(): void }, chunkSize?: number): Promise<void> {
  if (entry.method !== 0 && entry.method !== 8) throw new WorkbookFileError(`часть «${entry.name}» сжата неизвестным способом ${entry.method} (пересохраните книгу в Excel)`);
  const start = await zip.dataStart(entry);
  const decoder = new TextDecoder("utf-8");
  if (entry.compressedSize > 0) {
    const file = createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 20 });
    let source: AsyncIterable<Buffer> = file;
    if (entry.method === 8) {
      const inflate = createInflateRaw({ chunkSize: 1 << 18 });
      file.on("error", (e) => inflate.destroy(e));
      source = file.pipe(inflate);
    }
    try {
      for await (const buf of source) {
        if (chunkSize === undefined) sink.feed(decoder.decode(buf, { stream: true }));
        else for (let i = 0; i < buf.length; i += chunkSize) sink.feed(decoder.decode(buf.subarray(i, i + chunkSize), { stream: true }));
      }
    } finally {
      file.destroy();
    }
  }
  sink.feed(decoder.decode());
  sink.end();
}

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
 */
abstract class XmlScanner {
  private carry = "";

  /** A tag `s[from, to)` (between `<` and `>`), its local name `s[name, nameEnd)`. */
  protected abstract tag(s: string, from: number, to: number, name: number, nameEnd: number, closing: boolean, selfClosing: boolean): void;
  /** Raw (undecoded) text between tags, only while the handler is capturing. */
  protected capturing = false;
  protected text = "";

  feed(chunk: string): void {
    const s = this.carry.length > 0 ? this.carry + chunk : chunk;
    this.carry = "";
    const n = s.length;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf("<", i);
      if (lt < 0) {
        if (this.capturing) this.text += s.slice(i);
        return;
      }
      if (this.capturing && lt > i) this.text += s.slice(i, lt);
      let c = s.charCodeAt(lt + 1);
      if (c === 33 /* ! */) {
        if (s.startsWith("<![CDATA[", lt)) {
          const e = s.indexOf("]]>", lt + 9);
          if (e < 0) {
            i = lt;
            break;
          }
          // Kept raw; escaping its ampersands lets the text's later decoding restore them.
          if (this.capturing) this.text += s.slice(lt + 9, e).replace(/&/g, "&amp;");
          i = e + 3;
          continue;
        }
        if (s.startsWith("<!--", lt)) {
          const e = s.indexOf("-->", lt + 4);
          if (e < 0) {
            i = lt;
            break;
          }
          i = e + 3;
          continue;
        }
      }
      const gt = s.indexOf(">", lt + 1);
      if (gt < 0 || lt + 1 >= n) {
        i = lt;
        break;
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
      this.tag(s, lt + 1, selfClosing ? gt - 1 : gt, p, q, closing, selfClosing);
      i = gt + 1;
    }
    if (i < n) this.carry = s.slice(i);
  }

  end(): void {
    this.carry = "";
  }
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
    const eq = s.indexOf("=", i);
    if (eq < 0 || eq >= to) return;
    let ns = eq - 1;
    while (ns >= i && s.charCodeAt(ns) <= 32) ns--;
    let nb = ns;
    while (nb >= i && s.charCodeAt(nb) > 32 && s.charCodeAt(nb) !== 58) nb--;
    let qp = eq + 1;
    while (qp < to && s.charCodeAt(qp) <= 32) qp++;
    const quote = s[qp];
    if (quote !== '"' && quote !== "'") return;
    const ve = s.indexOf(quote, qp + 1);
    if (ve < 0 || ve > to) return;
    fn(s.slice(nb + 1, ns + 1), s.slice(qp + 1, ve));
    i = ve + 1;
  }
}

/** Attributes with their prefixed names (`r:id`), for workbook.xml and the relationships. */
function attrsOf(s: string, from: number, to: number): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  const body = s.slice(from, to);
  for (let m = re.exec(body); m !== null; m = re.exec(body)) out.set(m[1]!, decodeAttr(m[3] ?? m[4] ?? ""));
  return out;
}

/** Collects the attributes of every element with one of the given local names. */
class ElementCollector extends XmlScanner {
  readonly found: { name: string; attrs: Map<string, string> }[] = [];
  constructor(private readonly names: readonly string[]) {
    super();
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
        (this.runs ??= []).push(this.runText ?? "");
        this.inRun = false;
      }
    } else if (len === 2 && c0 === 115 /* si */ && s.charCodeAt(name + 1) === 105) {
      if (!closing) {
        this.inSi = true;
        this.plain = undefined;
        this.runs = null;
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

// Cell types (the `t` attribute).
const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;

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

/** A worksheet's XML → its rows, cell by cell with exceljs's in-memory reader's rules. */
class SheetScanner extends XmlScanner {
  readonly rows: CellValue[][] = [];
  readonly merges: string[] = [];
  rowsRead = 0;

  private row: CellValue[] | null = null;
  private rowNumber = 0;
  private col = 0;
  private inCell = false;
  private type = T_NUMBER;
  private hasFormula = false;
  /** The cell's `<v>` / `<t>` text (raw), undefined while there was none. */
  private value: string | undefined = undefined;
  private runs: string[] | null = null;
  private inRun = false;
  private runText: string | undefined = undefined;
  /** What the captured text is: 1 value, 2 formula, 3 run text. */
  private target = 0;

  constructor(private readonly shared: readonly CellValue[], private readonly onRow: (read: number) => void) {
    super();
  }

  protected tag(s: string, from: number, to: number, name: number, nameEnd: number, closing: boolean, selfClosing: boolean): void {
    const len = nameEnd - name;
    const c0 = s.charCodeAt(name);
    if (len === 1) {
      switch (c0) {
        case 99 /* c */:
          if (closing) this.endCell();
          else if (this.row !== null) this.startCell(s, nameEnd, to, selfClosing);
          return;
        case 118 /* v */:
          if (this.inCell && !this.inRun) this.capture(1, closing, selfClosing);
          return;
        case 116 /* t */:
          if (this.inCell) this.capture(this.inRun ? 3 : 1, closing, selfClosing);
          return;
        case 102 /* f */:
          if (!this.inCell) return;
          if (!closing) {
            // exceljs: a formula cell has formula text or a `t` (shared/array) on its <f>.
            if (nameEnd < to) eachAttr(s, nameEnd, to, (n) => n === "t" && (this.hasFormula = true));
          }
          this.capture(2, closing, selfClosing);
          return;
        case 114 /* r */:
          if (!this.inCell) return;
          if (!closing) {
            this.inRun = true;
            this.runText = undefined;
          }
          if (closing || selfClosing) {
            (this.runs ??= []).push(this.runText ?? "");
            this.inRun = false;
          }
          return;
        default:
          return;
      }
    }
    if (len === 3 && c0 === 114 && isName(s, name, nameEnd, "row")) {
      if (closing) this.endRow();
      else {
        let r = 0;
        eachAttr(s, nameEnd, to, (n, v) => {
          if (n === "r") r = parseInt(v, 10);
        });
        this.rowNumber = r > 0 ? r : this.rowNumber + 1;
        this.row = [];
        this.col = 0;
        if (selfClosing) this.endRow();
      }
    } else if (len === 9 && !closing && isName(s, name, nameEnd, "mergeCell")) {
      eachAttr(s, nameEnd, to, (n, v) => {
        if (n === "ref") this.merges.push(v);
      });
    }
  }

  private capture(target: number, closing: boolean, selfClosing: boolean): void {
    if (!closing) {
      this.capturing = true;
      this.target = target;
      this.text = "";
    }
    if (closing || selfClosing) {
      const raw = this.text;
      this.capturing = false;
      this.text = "";
      if (target !== this.target) return;
      this.target = 0;
      if (target === 1) {
        // exceljs concatenates the texts of the cell's <v> and <t> elements (there is one).
        if (raw.length > 0) this.value = this.value === undefined ? raw : this.value + raw;
      } else if (target === 2) {
        if (raw.length > 0) this.hasFormula = true;
      } else {
        this.runText = decodeEscapes(decodeXmlText(raw));
      }
    }
  }

  private startCell(s: string, from: number, to: number, selfClosing: boolean): void {
    let col = 0;
    let type = T_NUMBER;
    // Attributes: r="B7" t="s" s="3", usually in that order.
    let i = from;
    while (i < to) {
      const eq = s.indexOf("=", i);
      if (eq < 0 || eq >= to) break;
      const quote = s.charCodeAt(eq + 1);
      if (quote !== 34 && quote !== 39) return this.startCellSlow(s, from, to, selfClosing);
      const ve = s.indexOf(quote === 39 ? "'" : '"', eq + 2);
      if (ve < 0 || ve > to) break;
      let ns = eq - 1;
      while (ns > i && s.charCodeAt(ns) <= 32) ns--;
      if (s.charCodeAt(ns - 1) <= 32 || s.charCodeAt(ns - 1) === 58) {
        const a = s.charCodeAt(ns);
        if (a === 114 /* r */) {
          for (let k = eq + 2; k < ve; k++) {
            const c = s.charCodeAt(k);
            if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
            else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
            else break;
          }
        } else if (a === 116 /* t */) type = cellType(s.slice(eq + 2, ve));
      }
      i = ve + 1;
    }
    this.begin(col, type, selfClosing);
  }

  /** Attributes with spaces around `=`: the general path. */
  private startCellSlow(s: string, from: number, to: number, selfClosing: boolean): void {
    let col = 0;
    let type = T_NUMBER;
    eachAttr(s, from, to, (n, v) => {
      if (n === "r") col = columnOf(v);
      else if (n === "t") type = cellType(v);
    });
    this.begin(col, type, selfClosing);
  }

  private begin(col: number, type: number, selfClosing: boolean): void {
    this.col = col > 0 ? col : this.col + 1;
    this.type = type;
    this.inCell = true;
    this.hasFormula = false;
    this.value = undefined;
    this.runs = null;
    this.inRun = false;
    if (selfClosing) this.endCell();
  }

  private endCell(): void {
    if (!this.inCell) return;
    this.inCell = false;
    this.capturing = false;
    const v = this.cellValue();
    if (v === null) return;
    const cells = this.row!;
    const col = this.col;
    while (cells.length < col - 1) cells.push(null);
    cells[col - 1] = v;
  }

  /** exceljs's CellXform.parseClose('c') followed by toCellValue. */
  private cellValue(): CellValue {
    const raw = this.value;
    if (this.hasFormula) {
      if (raw === undefined && this.runs === null) return null;
      const text = raw === undefined ? "" : decodeXmlText(raw);
      // exceljs's formula value keeps only a truthy result: 0, false, "" and NaN come out empty.
      switch (this.type) {
        case T_STR:
          return exceljsXmlDecode(text) || null;
        case T_BOOL:
          return parseInt(text, 10) !== 0 || null;
        case T_ERROR:
          return { error: text };
        default:
          return parseFloat(text) || null;
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
    const cells = this.row;
    if (cells === null) return;
    this.row = null;
    const rows = this.rows;
    const index = this.rowNumber - 1;
    while (rows.length < index) rows.push([]);
    rows[index] = cells;
    this.rowsRead++;
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
        for (let c = left; c <= Math.max(c1, c2) && c <= cells.length; c++) {
          if (r !== top || c !== left) cells[c - 1] = null;
        }
        while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
      }
    }
  }
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
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

async function collect(path: string, zip: Zip, part: string, names: readonly string[]): Promise<ElementCollector["found"] | null> {
  const entry = zip.entries.get(part);
  if (entry === undefined) return null;
  const c = new ElementCollector(names);
  await scanEntry(path, zip, entry, c);
  return c.found;
}

/** Reads an .xlsx file by streaming; sheets in workbook (tab) order. */
export async function readXlsxStream(path: string, options: ReadXlsxStreamOptions = {}): Promise<RawWorkbook> {
  const every = Math.max(1, options.progressEvery ?? 10_000);
  const zip = await readZipDirectory(path);

  const rootRels = (await collect(path, zip, "_rels/.rels", ["Relationship"])) ?? [];
  const officeDoc = rootRels.find((r) => /\/officeDocument$/.test(r.attrs.get("Type") ?? ""));
  const workbookPart = officeDoc ? resolvePart("", officeDoc.attrs.get("Target") ?? "") : "xl/workbook.xml";
  const sheetsXml = await collect(path, zip, workbookPart, ["sheet", "workbookPr"]);
  if (sheetsXml === null) throw new WorkbookFileError(`в zip-архиве нет «${workbookPart}»: это не книга Excel`);
  const rels = new Map<string, { type: string; target: string }>();
  for (const r of (await collect(path, zip, relsPath(workbookPart), ["Relationship"])) ?? []) {
    rels.set(r.attrs.get("Id") ?? "", { type: r.attrs.get("Type") ?? "", target: resolvePart(workbookPart, r.attrs.get("Target") ?? "") });
  }

  let shared: CellValue[] = [];
  const sharedRel = [...rels.values()].find((r) => /\/sharedStrings$/.test(r.type));
  const sharedEntry = zip.entries.get(sharedRel?.target ?? "xl/sharedStrings.xml");
  if (sharedEntry !== undefined) {
    const sc = new SharedStringsScanner();
    await scanEntry(path, zip, sharedEntry, sc, options.chunkSize);
    shared = sc.strings;
  }

  const sheets: RawSheet[] = [];
  for (const el of sheetsXml) {
    if (el.name !== "sheet") continue;
    const name = el.attrs.get("name") ?? "";
    let rid = "";
    for (const [k, v] of el.attrs) if (k.endsWith(":id")) rid = v;
    const rel = rels.get(rid);
    if (rel === undefined || !/\/worksheet$/.test(rel.type)) continue;
    const entry = zip.entries.get(rel.target);
    if (entry === undefined) continue;
    const onProgress = options.onProgress;
    const scanner = new SheetScanner(shared, (read) => {
      if (onProgress !== undefined && read % every === 0) onProgress(name, read);
    });
    await scanEntry(path, zip, entry, scanner, options.chunkSize);
    scanner.applyMerges();
    const rows = trimTrailingEmptyRows(scanner.rows);
    onProgress?.(name, scanner.rowsRead);
    sheets.push({ name, rows });
  }
  return { sheets };
}
