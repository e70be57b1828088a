/**
 * Environment-neutral: the result workbook written straight from the {@link SheetSpec}s as
 * SpreadsheetML, part by part, into a {@link PartZip} — Node's streaming zlib writer for the
 * command line (./resultWriterNode), fflate's for the task pane's worker (./resultBytes). It
 * writes what {@link FileWorkbook.writeResultSheets} writes into a new workbook — the same values,
 * number formats, fills and fonts, wrapped and top-aligned cells with their row heights, column
 * widths, frozen header, Excel tables (or a header filter), print setup, the very hidden registry
 * of the add-in's sheets, and the text made safe by {@link cellText} with the cut cells reported —
 * without exceljs's model of every cell: on a region of 2,000 schools (≈130,000 result rows,
 * ≈2 million cells) exceljs took ~24 s and ~1.5 GB; this takes about a second and a few tens of MB.
 *
 * {@link FileWorkbook} stays for editing an existing workbook; tests/workbook/resultWriterNode.test.ts
 * reads both outputs back and compares them.
 *
 * Text is written as shared strings (type "s"), never as a formula; numbers as numbers; an empty
 * cell that carries a style (a format, a row's fill) as a styled empty cell, like exceljs.
 */
import { cellText } from "./safeText";
import { columnLetters, planResultSheets, REGISTRY_SHEET, registryToRows, type CellStyle, type SheetSpec, type SpecCell, type StyledCell, type WriteReport } from "./port";
import { wrappedHeight } from "./rowHeight";

/**
 * Where the parts go, each made from chunks (never held whole): text, or UTF-8 bytes that the
 * zip then owns; `finish` writes the directory.
 */
export interface PartZip {
  add(name: string, chunks: Iterable<string | Uint8Array>): Promise<void>;
  finish(): Promise<void>;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument";

/** The header row's look, as FileWorkbook's: light blue, bold, wrapped, top-aligned. */
const HEADER_FILL = "#D9E1F2";

/** Escapes the XML specials of text content and attribute values. */
function esc(s: string): string {
  return /[<>&"']/.test(s) ? s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;") : s;
}

/** `<t>` of a text, keeping leading and trailing spaces. */
function tElement(s: string): string {
  return s !== s.trim() ? `<t xml:space="preserve">${esc(s)}</t>` : `<t>${esc(s)}</t>`;
}

/** Excel's built-in number formats (ECMA-376 §18.8.30); any other gets an id from 164. */
const BUILTIN_FORMATS: Readonly<Record<string, number>> = { General: 0, "0": 1, "0.00": 2, "0%": 9, "0.00%": 10, "@": 49 };

/** A cell's look: what {@link CellStyle}s, a column's format and wrapping add up to. */
interface Look {
  numFmt: string;
  fill: string | null;
  font: string | null;
  bold: boolean;
  wrap: boolean;
  top: boolean;
}

/** The workbook's fonts, fills, number formats and cell formats (xf), each written once. */
class StyleTable {
  private readonly numFmts = new Map<string, number>();
  private readonly fonts = new Map<string, number>([["0|", 0]]);
  private readonly fills = new Map<string, number>();
  private readonly xfs = new Map<string, number>();
  private readonly xfXml: string[] = [];

  constructor() {
    this.id({ numFmt: "General", fill: null, font: null, bold: false, wrap: false, top: false });
  }

  /** The index of the cell format (the `s` attribute) of a look. */
  id(look: Look): number {
    const key = `${look.numFmt}\u0000${look.fill ?? ""}\u0000${look.font ?? ""}\u0000${look.bold ? 1 : 0}${look.wrap ? 1 : 0}${look.top ? 1 : 0}`;
    const known = this.xfs.get(key);
    if (known !== undefined) return known;
    let numFmtId = BUILTIN_FORMATS[look.numFmt];
    if (numFmtId === undefined) {
      numFmtId = this.numFmts.get(look.numFmt) ?? 164 + this.numFmts.size;
      this.numFmts.set(look.numFmt, numFmtId);
    }
    const fontKey = `${look.bold ? 1 : 0}|${look.font ?? ""}`;
    let fontId = this.fonts.get(fontKey);
    if (fontId === undefined) this.fonts.set(fontKey, (fontId = this.fonts.size));
    let fillId = 0;
    if (look.fill !== null) {
      fillId = this.fills.get(look.fill) ?? 2 + this.fills.size;
      this.fills.set(look.fill, fillId);
    }
    const aligned = look.wrap || look.top;
    const alignment = aligned ? `<alignment${look.top ? ' vertical="top"' : ""}${look.wrap ? ' wrapText="1"' : ""}/>` : "";
    const apply = `${numFmtId !== 0 ? ' applyNumberFormat="1"' : ""}${fontId !== 0 ? ' applyFont="1"' : ""}${fillId !== 0 ? ' applyFill="1"' : ""}${aligned ? ' applyAlignment="1"' : ""}`;
    this.xfXml.push(`<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${apply}${alignment ? `>${alignment}</xf>` : "/>"}`);
    const id = this.xfs.size;
    this.xfs.set(key, id);
    return id;
  }

  xml(): string {
    const numFmts = [...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`);
    const fonts = [...this.fonts.keys()].map((key) => {
      const [bold, colour] = key.split("|");
      return `<font>${bold === "1" ? "<b/>" : ""}<sz val="11"/>${colour ? `<color rgb="${argb(colour)}"/>` : '<color theme="1"/>'}<name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`;
    });
    const fills = [...this.fills.keys()].map((c) => `<fill><patternFill patternType="solid"><fgColor rgb="${argb(c)}"/><bgColor indexed="64"/></patternFill></fill>`);
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
      (numFmts.length > 0 ? `<numFmts count="${numFmts.length}">${numFmts.join("")}</numFmts>` : "") +
      `<fonts count="${fonts.length}">${fonts.join("")}</fonts>` +
      `<fills count="${fills.length + 2}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${fills.join("")}</fills>` +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfXml.length}">${this.xfXml.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>'
    );
  }
}

/** "#C00000" → "FFC00000". */
function argb(colour: string): string {
  return `FF${colour.replace(/^#/, "").toUpperCase()}`;
}

function withStyle(look: Look, style: CellStyle): Look {
  return {
    numFmt: style.numberFormat ?? look.numFmt,
    fill: style.fill ?? look.fill,
    font: style.font ?? look.font,
    bold: style.bold ?? look.bold,
    wrap: look.wrap,
    top: look.top,
  };
}

/** The shared strings: each distinct (safe) text once, in order of first use. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  /** Texts as given → their index, for those that need no cut (no report is due on a repeat). */
  private readonly given = new Map<string, number>();
  private readonly texts: string[] = [];
  count = 0;

  /** The index of a safe text. */
  id(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.texts.length;
      this.index.set(text, i);
      this.texts.push(text);
    }
    return i;
  }

  /** Whether the text of the last {@link idOf} had to be cut. */
  cut = false;

  /** The index of a text as given, made safe by {@link cellText}; {@link cut} says whether it had to be cut. */
  idOf(v: string): number {
    const known = this.given.get(v);
    if (known !== undefined) {
      this.count++;
      this.cut = false;
      return known;
    }
    const { text, cut } = cellText(v);
    const i = this.id(text);
    this.cut = cut;
    if (!cut) this.given.set(v, i);
    return i;
  }

  /** {@link cellText}'s text of a text as given (known ones from the table, without scanning them again). */
  safeText(v: string): string {
    const known = this.given.get(v);
    return known !== undefined ? (this.texts[known] as string) : cellText(v).text;
  }

  *xml(): Iterable<string> {
    yield `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.texts.length}">`;
    let chunk = "";
    for (const t of this.texts) {
      chunk += `<si>${tElement(t)}</si>`;
      if (chunk.length > 1 << 16) {
        yield chunk;
        chunk = "";
      }
    }
    yield `${chunk}</sst>`;
  }
}

/** Bytes one cell's (or one row tag's) XML can take at most: its reference, style, a number of up to 24 characters. */
const CELL_ROOM = 128;

/** Bytes of sheet XML handed to the zip at a time. */
const XML_CHUNK_BYTES = 1 << 20;

/** ASCII text as bytes. */
function asciiBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Copies `piece` into `b` at `at`; the position after it. */
function put(b: Uint8Array, at: number, piece: Uint8Array): number {
  for (let i = 0; i < piece.length; i++) b[at++] = piece[i] as number;
  return at;
}

/** Writes ASCII text into `b` at `at`; the position after it. */
function putAscii(b: Uint8Array, at: number, s: string): number {
  for (let i = 0; i < s.length; i++) b[at++] = s.charCodeAt(i);
  return at;
}

/** Writes a finite number as `${v}` writes it into `b` at `at`; the position after it. */
function putNumber(b: Uint8Array, at: number, v: number): number {
  // A non-negative 32-bit integer (or -0, which `${v}` writes as "0"): its digits, no string.
  if ((v | 0) !== v || v < 0) return putAscii(b, at, `${v}`);
  let digits = 1;
  for (let x = v; x >= 10; x = (x / 10) | 0) digits++;
  let end = at + digits;
  for (let x = v; end > at; x = (x / 10) | 0) b[--end] = 48 + (x % 10);
  return at + digits;
}

const ROW_OPEN = asciiBytes('<row r="');
const ROW_HEIGHT = asciiBytes('" ht="');
const ROW_CUSTOM_HEIGHT = asciiBytes('" customHeight="1">');
const ROW_END_TAG = asciiBytes('">');
const ROW_CLOSE = asciiBytes("</row>");
const NUMBER_OPEN = asciiBytes("><v>");
const TEXT_OPEN = asciiBytes(' t="s"><v>');
const VALUE_CLOSE = asciiBytes("</v></c>");
const EMPTY_CLOSE = asciiBytes("/>");

/**
 * ASCII XML written straight into byte chunks: the cells of the result sheets without a string
 * per cell or per row (measured: those strings, their concatenation and their UTF-8 encoding
 * were most of the sheets' time and garbage). The writer of a row takes {@link bytes} and
 * {@link at} after {@link room}, writes, and sets {@link at}.
 */
class XmlBytes {
  bytes = spareChunks.pop() ?? new Uint8Array(XML_CHUNK_BYTES);
  at = 0;

  /** Makes sure `n` more bytes fit (a new chunk is started past the end only when one is taken). */
  room(n: number): this {
    if (this.at + n > this.bytes.length) {
      const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.at + n));
      bigger.set(this.bytes.subarray(0, this.at));
      this.bytes = bigger;
    }
    return this;
  }

  /** Whether the chunk is worth handing to the zip (a row seldom fills the 64 KB left). */
  full(): boolean {
    return this.at >= XML_CHUNK_BYTES - (1 << 16);
  }

  empty(): boolean {
    return this.at === 0;
  }

  /** The bytes written so far (the zip owns them); the next are written into a new chunk. */
  take(): Uint8Array {
    const out = this.bytes.subarray(0, this.at);
    this.bytes = spareChunks.pop() ?? new Uint8Array(XML_CHUNK_BYTES);
    this.at = 0;
    return out;
  }
}

/** Chunks the zip is done with, written into again (fewer fresh megabytes, fewer collections). */
const spareChunks: Uint8Array[] = [];
const MAX_SPARE_CHUNKS = 8;

/**
 * Gives back a chunk of sheet XML the zip no longer reads (deflated): a later chunk is written
 * into it. Only a zip that knows when it is done with a chunk calls this (the command line's).
 */
export function spareXmlChunk(chunk: Uint8Array): void {
  if (chunk.byteOffset !== 0 || chunk.buffer.byteLength !== XML_CHUNK_BYTES || spareChunks.length >= MAX_SPARE_CHUNKS) return;
  spareChunks.push(new Uint8Array(chunk.buffer, 0, XML_CHUNK_BYTES));
}

/** A sheet to write: its spec (or the registry's rows), the name it gets, its table. */
interface PlannedSheet {
  readonly spec: SheetSpec;
  readonly name: string;
  readonly table: string | null;
  readonly registry: boolean;
}

/** Makes the cell XML of the sheets, sharing strings and styles across the workbook. */
class SheetWriter {
  readonly strings = new SharedStrings();
  readonly styles = new StyleTable();
  readonly cut: string[] = [];
  private letters: string[] = [];

  private letter(c: number): string {
    while (this.letters.length <= c) this.letters.push(columnLetters(this.letters.length));
    return this.letters[c] as string;
  }

  /** A cell's XML; `text` cells of the registry and headers are not reported when cut. */
  private cell(ref: string, v: SpecCell | undefined, s: number, sheet: string | null): string {
    const style = s === 0 ? "" : ` s="${s}"`;
    if (typeof v === "number") return Number.isFinite(v) ? `<c r="${ref}"${style}><v>${v}</v></c>` : style === "" ? "" : `<c r="${ref}"${style}/>`;
    if (typeof v === "string") {
      const id = this.strings.idOf(v);
      if (this.strings.cut && sheet !== null) this.cut.push(`${sheet}!${ref}`);
      return `<c r="${ref}"${style} t="s"><v>${id}</v></c>`;
    }
    return style === "" ? "" : `<c r="${ref}"${style}/>`;
  }

  /** `"` or `" s="7"`: the end of a cell's reference and its style, by the style's index. */
  private readonly styleTails: Uint8Array[] = [];
  private styleTail(s: number): Uint8Array {
    let t = this.styleTails[s];
    if (t === undefined) this.styleTails[s] = t = s === 0 ? asciiBytes('"') : asciiBytes(`" s="${s}"`);
    return t;
  }

  /**
   * A data row's XML ({@link cell}'s for each cell, in a `<row>`), as bytes into `out`: the XML
   * of the cells is ASCII (their text is in the shared strings), so no string is made per cell,
   * the bulk of a region's ~2 million. `starts[c]` is `<c r="B` of column c.
   */
  private rowBytes(out: XmlBytes, starts: readonly Uint8Array[], values: readonly SpecCell[], rowNumber: number, height: number, ids: readonly number[], sheet: string | null): void {
    out.room(64 + starts.length * CELL_ROOM);
    const b = out.bytes;
    let at = put(b, out.at, ROW_OPEN);
    const numberAt = at;
    at = putNumber(b, at, rowNumber);
    // The row's number, written once here, is copied into each cell's reference.
    const numberEnd = at;
    if (height > 0) at = put(b, putNumber(b, put(b, at, ROW_HEIGHT), height), ROW_CUSTOM_HEIGHT);
    else at = put(b, at, ROW_END_TAG);
    for (let c = 0; c < starts.length; c++) {
      const v = values[c];
      const s = ids[c] as number;
      const isNumber = typeof v === "number" && Number.isFinite(v);
      const isText = typeof v === "string";
      if (!isNumber && !isText && s === 0) continue;
      at = put(b, at, starts[c] as Uint8Array);
      for (let i = numberAt; i < numberEnd; i++) b[at++] = b[i] as number;
      at = put(b, at, this.styleTail(s));
      if (isNumber) {
        at = put(b, putNumber(b, put(b, at, NUMBER_OPEN), v), VALUE_CLOSE);
      } else if (isText) {
        const id = this.strings.idOf(v);
        if (this.strings.cut && sheet !== null) this.cut.push(`${sheet}!${this.letter(c)}${rowNumber}`);
        at = put(b, putNumber(b, put(b, at, TEXT_OPEN), id), VALUE_CLOSE);
      } else {
        at = put(b, at, EMPTY_CLOSE);
      }
    }
    out.at = put(b, at, ROW_CLOSE);
  }

  *sheetXml(p: PlannedSheet): Iterable<string | Uint8Array> {
    const { spec } = p;
    const width = Math.max(spec.columns.length, 1);
    const rows = spec.rows.length;
    const last = this.letter(width - 1);
    const freeze = spec.freezeHeader && !p.registry;
    yield `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`;
    yield p.registry ? "" : '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
    yield `<dimension ref="A1:${last}${rows + 1}"/>`;
    yield freeze
      ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
      : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
    yield '<sheetFormatPr defaultRowHeight="15"/>';
    if (!p.registry && spec.columns.length > 0) {
      yield `<cols>${spec.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join("")}</cols>`;
    }
    yield "<sheetData>";

    // Header: FileWorkbook's header look on a result sheet; the registry's rows are all text ("@").
    const registryLook: Look = { numFmt: "@", fill: null, font: null, bold: false, wrap: false, top: false };
    const headerStyle = p.registry ? this.styles.id(registryLook) : this.styles.id({ numFmt: "General", fill: HEADER_FILL, font: null, bold: true, wrap: true, top: true });
    let header = '<row r="1">';
    spec.columns.forEach((c, i) => (header += this.cell(`${this.letter(i)}1`, c.header, headerStyle, null)));
    yield `${header}</row>`;

    const anyWrap = spec.columns.some((c) => c.wrap === true);
    const base: Look[] = spec.columns.map((c) =>
      p.registry ? registryLook : { numFmt: c.format, fill: null, font: null, bold: false, wrap: c.wrap === true, top: c.wrap === true || anyWrap },
    );
    const baseIds = base.map((l) => this.styles.id(l));
    const wrapped = spec.columns.flatMap((c, i) => (c.wrap === true ? [i] : []));

    // Styles by data row, in the order given (a later one overrides an earlier one, as in FileWorkbook).
    const byRow = new Map<number, StyledCell[]>();
    for (const s of spec.styles) {
      if (s.row < 0 || s.row >= rows) continue;
      const list = byRow.get(s.row);
      if (list) list.push(s);
      else byRow.set(s.row, [s]);
    }
    // The cell formats of a styled row, by the row's styles (many rows share one combination).
    const styledRows = new Map<string, number[]>();
    const styleKeys = new Map<CellStyle, string>();
    const styleKey = (s: CellStyle): string => {
      let k = styleKeys.get(s);
      if (k === undefined) styleKeys.set(s, (k = JSON.stringify([s.fill, s.font, s.bold, s.numberFormat])));
      return k;
    };
    const rowIds = (styles: readonly StyledCell[]): number[] => {
      let key = "";
      for (const st of styles) key += `${st.column ?? "*"}:${styleKey(st.style)}|`;
      let ids = styledRows.get(key);
      if (ids === undefined) {
        ids = base.map((b, c) => {
          let look = b;
          for (const st of styles) if (st.column === undefined || st.column === c) look = withStyle(look, st.style);
          return look === b ? (baseIds[c] as number) : this.styles.id(look);
        });
        styledRows.set(key, ids);
      }
      return ids;
    };

    const cutSheet = p.registry ? null : p.name;
    const out = new XmlBytes();
    const starts = spec.columns.map((_, c) => asciiBytes(`<c r="${this.letter(c)}`));
    for (let r = 0; r < rows; r++) {
      const values = spec.rows[r] ?? [];
      const rowNumber = r + 2;
      let height = 0;
      for (const c of wrapped) {
        const v = values[c];
        if (typeof v === "string" && v !== "") height = Math.max(height, wrappedHeight(this.strings.safeText(v), spec.columns[c]?.width ?? 10));
      }
      const styles = byRow.get(r);
      this.rowBytes(out, starts, values, rowNumber, height, styles === undefined ? baseIds : rowIds(styles), cutSheet);
      if (out.full()) yield out.take();
    }
    if (!out.empty()) yield out.take();
    yield "</sheetData>";
    if (spec.table !== null && p.table === null) yield `<autoFilter ref="A1:${last}1"/>`;
    yield '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
    if (!p.registry) yield '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>';
    if (p.table !== null) yield '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>';
    yield "</worksheet>";
  }
}

/** `Лист` → `'Лист'` for a formula or a defined name. */
function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function tableXml(id: number, name: string, spec: SheetSpec): string {
  const ref = `A1:${columnLetters(spec.columns.length - 1)}${spec.rows.length + 1}`;
  const columns = spec.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${esc(cellText(c.header).text)}"/>`).join("");
  return (
    `${XML_HEAD}<table xmlns="${MAIN_NS}" id="${id}" name="${esc(name)}" displayName="${esc(name)}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${spec.columns.length}">${columns}</tableColumns>` +
    '<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="0" showColumnStripes="0"/></table>'
  );
}

/** zlib's level for the result workbook: level 1 is several times faster than 6 for ~20 % more bytes. */
export const RESULT_DEFLATE_LEVEL = 1;

/**
 * Writes a new .xlsx holding the result sheets (and the registry that lets the add-in replace them
 * later) into `zip`, and says what {@link FileWorkbook.writeResultSheets} would report.
 *
 * @example
 * const report = await writeResultWorkbook(resultSheets(result, context), zip);
 */
export async function writeResultWorkbook(requested: readonly SheetSpec[], zip: PartZip): Promise<WriteReport> {
  const specs = requested.map((s) => ({ ...s, name: cellText(s.name).text }));
  const plan = planResultSheets([], [], specs.map((s) => s.name));
  const tableNames = new Set<string>();
  const sheets: PlannedSheet[] = specs.map((spec) => {
    let table: string | null = null;
    if (spec.table !== null && spec.rows.length > 0) {
      table = spec.table.name;
      for (let i = 2; tableNames.has(table.toLowerCase()); i++) table = `${spec.table.name}_${i}`;
      tableNames.add(table.toLowerCase());
    }
    return { spec, name: plan.names.get(spec.name) ?? spec.name, table, registry: false };
  });
  const written = specs.map((s) => ({ requested: s.name, actual: plan.names.get(s.name) ?? s.name }));
  const registryRows = registryToRows(written.map((w) => ({ kind: "sheet" as const, sheet: w.actual, cell: "", previousFill: "" })));
  const registry: SheetSpec = {
    name: REGISTRY_SHEET,
    columns: (registryRows[0] ?? []).map((h) => ({ header: h, width: 10, format: "@" as const })),
    rows: registryRows.slice(1),
    styles: [],
    table: null,
    freezeHeader: false,
  };
  sheets.push({ spec: registry, name: REGISTRY_SHEET, table: null, registry: true });

  const writer = new SheetWriter();
  const n = sheets.length;
  const tables = sheets.flatMap((s, i) => (s.table === null ? [] : [{ sheet: i, name: s.table, spec: s.spec }]));

  await zip.add("[Content_Types].xml", [
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`,
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>`,
    ...sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>`),
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/>`,
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.spreadsheetml.sharedStrings+xml"/>`,
    ...tables.map((_, i) => `<Override PartName="/xl/tables/table${i + 1}.xml" ContentType="${CT}.spreadsheetml.table+xml"/>`),
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
    `<Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/>`,
    "</Types>",
  ]);
  await zip.add("_rels/.rels", [
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>`,
    `<Relationship Id="rId2" Type="${PKG_REL_NS}/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
  ]);
  // A fixed date keeps the output independent of the clock, as FileWorkbook's.
  await zip.add("docProps/core.xml", [
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`,
    '<dc:creator>ШНОР</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>',
  ]);
  await zip.add("docProps/app.xml", [
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>`,
  ]);
  await zip.add("xl/workbook.xml", [
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="20000" windowHeight="12000" firstSheet="0" activeTab="0"/></bookViews><sheets>`,
    ...sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.registry ? ' state="veryHidden"' : ""} r:id="rId${i + 1}"/>`),
    "</sheets>",
    sheets.some((s) => s.spec.freezeHeader && !s.registry)
      ? `<definedNames>${sheets
          .map((s, i) => (s.spec.freezeHeader && !s.registry ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${esc(quotedSheet(s.name))}!$1:$1</definedName>` : ""))
          .join("")}</definedNames>`
      : "",
    '<calcPr calcId="171027"/></workbook>',
  ]);
  await zip.add("xl/_rels/workbook.xml.rels", [
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">`,
    ...sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`),
    `<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  ]);
  for (let i = 0; i < n; i++) await zip.add(`xl/worksheets/sheet${i + 1}.xml`, writer.sheetXml(sheets[i] as PlannedSheet));
  for (let t = 0; t < tables.length; t++) {
    const table = tables[t] as (typeof tables)[number];
    await zip.add(`xl/worksheets/_rels/sheet${table.sheet + 1}.xml.rels`, [
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/table" Target="../tables/table${t + 1}.xml"/></Relationships>`,
    ]);
    await zip.add(`xl/tables/table${t + 1}.xml`, [tableXml(t + 1, table.name, table.spec)]);
  }
  await zip.add("xl/styles.xml", [writer.styles.xml()]);
  await zip.add("xl/sharedStrings.xml", writer.strings.xml());
  await zip.finish();

  return { written, replaced: [], ...(writer.cut.length > 0 ? { cut: writer.cut } : {}) };
}
