/**
 * The environment-neutral scan (src/workbook/xlsxScan.ts) on its own, fed parts' bytes the way a
 * browser worker would (no zip, no Node streams): hand-written parts with hand-computed values,
 * cut at every byte (tags, entities, multi-byte characters split across chunks), numbers read
 * from bytes against what `parseFloat` gives, the bounds, and the zip directory read from bytes
 * (src/workbook/zipDirectory.ts) with fflate as the pane's worker would.
 */
import { inflateSync } from "fflate";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { dateCellKey, FORMULA_WITHOUT_VALUE, type RawWorkbook } from "../../src/schema/raw";
import { WorkbookScan, type WorkbookScanOptions } from "../../src/workbook/xlsxScan";
import { readXlsxStream } from "../../src/workbook/xlsxStream";
import { zipDirectoryOf } from "../../src/workbook/zipDirectory";
import { NS, pkg, R_NS, REL } from "./handZip";

const enc = new TextEncoder();
type Parts = Record<string, string>;

/** Feeds each part to a WorkbookScan, cut by `cut(bytes)` into chunks. */
function scan(parts: Parts, cut: (b: Uint8Array) => Uint8Array[] = (b) => [b], options: Partial<WorkbookScanOptions> = {}): RawWorkbook {
  const bytes = new Map(Object.entries(parts).map(([k, v]) => [k, enc.encode(v)]));
  const s = new WorkbookScan({ has: (p) => bytes.has(p), maxUnpackedBytes: 1 << 30, ...options });
  for (let p = s.next(); p !== null; p = s.next()) {
    const b = bytes.get(p)!;
    const sink = s.part(p, b.length);
    for (const chunk of cut(b)) sink.push(chunk);
    sink.end();
  }
  return s.result();
}

const at = (i: number) => (b: Uint8Array) => [b.subarray(0, Math.min(i, b.length)), b.subarray(Math.min(i, b.length))];
const every = (n: number) => (b: Uint8Array) => Array.from({ length: Math.ceil(b.length / n) }, (_v, k) => b.subarray(k * n, k * n + n));

function book(sheetXml: string, extra: { shared?: string; styles?: string; workbookPr?: string; hidden?: string } = {}): Parts {
  const parts: Parts = {
    "_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml":
      `<?xml version="1.0"?><workbook ${NS} ${R_NS}>${extra.workbookPr ?? ""}<sheets><sheet name="Данные" sheetId="1" r:id="rId1"/>` +
      (extra.hidden !== undefined ? `<sheet name="Скрытый" sheetId="2" state="hidden" r:id="rId2"/>` : "") +
      "</sheets></workbook>",
    "xl/_rels/workbook.xml.rels":
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/>` +
      `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
      `<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    // A byte-order mark and CR LF before the root, as some writers leave them.
    "xl/worksheets/sheet1.xml": `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\r\n<worksheet ${NS} ${R_NS}>${sheetXml}</worksheet>`,
  };
  if (extra.hidden !== undefined) parts["xl/worksheets/sheet2.xml"] = `<worksheet ${NS}>${extra.hidden}</worksheet>`;
  if (extra.shared !== undefined) parts["xl/sharedStrings.xml"] = `<?xml version="1.0"?><sst ${NS}>${extra.shared}</sst>`;
  if (extra.styles !== undefined) parts["xl/styles.xml"] = `<?xml version="1.0"?><styleSheet ${NS}>${extra.styles}</styleSheet>`;
  return parts;
}

const KITCHEN = book(
  "<sheetData>" +
    '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="0" t="s"><v>1</v></c>' +
    '<c r="C1" t="inlineStr"><is><t>Ёлка &lt;5&gt; &#1071;&#x42F;</t></is></c></row>' +
    '<row r="2"><c r="A2"><v>45.5</v></c><c r="B2"><v>-0.125</v></c><c r="C2" s="1"><v>45000</v></c>' +
    '<c r="D2" t="str"><f>A1</f><v>Итог &amp; всё</v></c><c r="E2" t="b"><v>1</v></c></row>' +
    '<row r="4"><c r="A4"><v>5</v></c><c r="B4"><f>1/0</f><v>0</v></c><c r="C4"><f>X</f></c><c r="D4" t="e"><v>#N/A</v></c><c r="E4" s="2"><v>1E3</v></c></row>' +
    '<row r="5"><c r="A5" t="s"><v>2</v></c><c r = "B5" t = "inlineStr"><is><t><![CDATA[a<b & c]]></t></is></c><!-- <c r="C5"><v>9</v></c> -->' +
    '<c r="D5" t="inlineStr"><is><r><t>Гимн</t></r><r><rPr><b/></rPr><t>азия</t></r></is></c><c r="F5"/></row>' +
    '</sheetData><mergeCells count="1"><mergeCell ref="A4:B4"/></mergeCells>',
  {
    shared: "<si><t>Школа №1</t></si><si><r><t>Гимназия </t></r><r><t>&amp; «Лицей»</t></r></si><si><t>_x0041_ 😀</t><rPh><t>ふりがな</t></rPh></si>",
    styles: '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs>',
    workbookPr: '<workbookPr date1904="1"/>',
    hidden: '<sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData>',
  },
);

/** Worked out by hand from SpreadsheetML and the reader's rules (README, «Чтение книги»). */
const KITCHEN_EXPECTED: RawWorkbook = {
  date1904: true,
  sheets: [
    {
      name: "Данные",
      rows: [
        ["Школа №1", "Гимназия & «Лицей»", "Ёлка <5> ЯЯ"],
        [45.5, -0.125, 45000, "Итог & всё", true],
        [],
        // A4:B4 merged: B4 (a formula cached 0) is covered; C4 has no cached value.
        [5, null, { error: FORMULA_WITHOUT_VALUE }, { error: "#N/A" }, 1000],
        ["A 😀", "a<b & c", null, "Гимназия"],
      ],
      dateCells: new Set([dateCellKey(1, 2), dateCellKey(3, 4)]),
    },
    { name: "Скрытый", hidden: true, rows: [[7]] },
  ],
};

describe("WorkbookScan", () => {
  it("reads the hand-written workbook as worked out by hand", () => {
    expect(scan(KITCHEN)).toEqual(KITCHEN_EXPECTED);
  });

  it("gives the same workbook whatever byte each part is cut at (tags, entities, multi-byte characters split)", () => {
    const longest = Math.max(...Object.values(KITCHEN).map((p) => enc.encode(p).length));
    for (let i = 0; i <= longest; i++) expect(scan(KITCHEN, at(i))).toEqual(KITCHEN_EXPECTED);
  });

  it.each([1, 2, 3, 5, 7])("gives the same workbook fed %i byte(s) at a time", (n) => {
    expect(scan(KITCHEN, every(n))).toEqual(KITCHEN_EXPECTED);
  });

  it("decodes a character cut between chunks once, whole (inline string, str value, shared string)", () => {
    const parts = book('<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Я😀</t></is></c><c r="B1" t="str"><f>1</f><v>Ж</v></c><c r="C1" t="s"><v>0</v></c></row></sheetData>', {
      shared: "<si><t>Щ</t></si>",
    });
    for (let n = 1; n <= 4; n++) expect(scan(parts, every(n)).sheets[0]!.rows).toEqual([["Я😀", "Ж", "Щ"]]);
  });

  // Text → the value parseFloat gives; the reader parses plain ones from bytes, others by parseFloat.
  const NUMBERS: readonly [string, number][] = [
    ["0", 0],
    ["7", 7],
    ["007", 7],
    ["-0", -0],
    ["45.5", 45.5],
    ["0.1", 0.1],
    ["0.3", 0.3],
    ["-12.75", -12.75],
    [".5", 0.5],
    ["2.", 2],
    ["123456789012345", 123456789012345],
    ["1234567890123456789", 1234567890123456789],
    ["0.1234567890123456789", 0.1234567890123456789],
    ["3.14159265358979", 3.14159265358979],
    ["99.99999999999999", 99.99999999999999],
    ["1E3", 1000],
    ["2.5e-3", 0.0025],
    ["0.000001", 0.000001],
    ["1e-7", 1e-7],
    ["45000.5", 45000.5],
    [" 12", 12],
    ["12abc", 12],
  ];
  it.each(NUMBERS)("reads the number %j as %p", (text, expected) => {
    const wb = scan(book(`<sheetData><row r="1"><c r="A1"><v>${text}</v></c><c r="B1"><f>A1</f><v>${text}</v></c></row></sheetData>`));
    expect(wb.sheets[0]!.rows[0]).toEqual([expected, expected]);
    expect(Object.is(wb.sheets[0]!.rows[0]![0], expected)).toBe(true);
  });

  it("reads a shared-string index with leading zeros as parseInt does, and a missing one as empty", () => {
    const wb = scan(book('<sheetData><row r="1"><c r="A1" t="s"><v>01</v></c><c r="B1" t="s"><v>9</v></c><c r="C1" t="s"><v>0</v></c></row></sheetData>', { shared: "<si><t>а</t></si><si><t>б</t></si>" }));
    expect(wb.sheets[0]!.rows).toEqual([["б", null, "а"]]);
  });

  const REFUSED: readonly [string, string, RegExp][] = [
    ["a row beyond Excel", '<sheetData><row r="1048577"><c><v>1</v></c></row></sheetData>', /лист «Данные», строка 1\s048\s577: номер строки больше 1\s048\s576 — предела Excel/],
    ["a column beyond Excel", '<sheetData><row r="2"><c r="XFE2"><v>1</v></c></row></sheetData>', /лист «Данные», строка 2: столбец номер 16\s385 за пределом Excel/],
    ["a tag left open", '<sheetData><row r="2"><c r="A2"\u0000', /лист «Данные»: тег «<c r="A2"» в конце части не закрыт/],
    ["a comment left open", "<sheetData><!-- \u0000", /лист «Данные»: тег «<!-- » в конце части не закрыт/],
    ["a text past the bound", `<sheetData><row r="3"><c r="B3" t="inlineStr"><is><t>${"ж".repeat(1_100_000)}</t></is></c></row></sheetData>`, /лист «Данные», ячейка B3: текст длиннее 1\s048\s576 символов/],
  ];
  it.each(REFUSED)("refuses %s with its place", (_what, xml, message) => {
    // A NUL marks where the part is cut short (nothing after it, not even the root's end tag).
    const parts = book(xml);
    const sheet = parts["xl/worksheets/sheet1.xml"]!;
    if (sheet.includes("\u0000")) parts["xl/worksheets/sheet1.xml"] = sheet.slice(0, sheet.indexOf("\u0000"));
    expect(() => scan(parts)).toThrow(message);
    expect(() => scan(parts, every(4093))).toThrow(message);
  });

  it("refuses a cell that ends after its row (the scanner before it failed with a TypeError)", () => {
    const parts = book('<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></row></c></sheetData>');
    for (const cut of [(b: Uint8Array) => [b], every(1), every(7)]) {
      expect(() => scan(parts, cut)).toThrow("лист «Данные», ячейка B1: ячейка закрыта после конца своей строки — файл повреждён или собран не Excel");
    }
  });

  it("refuses parts that unpack past the bound, and past their declared size", () => {
    expect(() => scan(KITCHEN, undefined, { maxUnpackedBytes: 1000 })).toThrow(/книга распаковывается больше чем в 1 МБ/);
    const s = new WorkbookScan({ has: () => true, maxUnpackedBytes: 1 << 20 });
    const part = s.next()!;
    const sink = s.part(part, 10);
    expect(() => sink.push(new Uint8Array(11))).toThrow(/часть «_rels\/.rels» распаковывается больше, чем записано в оглавлении/);
    expect(() => new WorkbookScan({ has: () => true, maxUnpackedBytes: 100 }).part("_rels/.rels", 101)).toThrow(/is not the part next\(\) gave/);
    const t = new WorkbookScan({ has: () => true, maxUnpackedBytes: 100 });
    expect(() => t.part(t.next()!, 101)).toThrow(/распаковывается больше чем в/);
  });

  it("asks for the parts in order and refuses a workbook without its workbook part", () => {
    const asked: string[] = [];
    const parts = KITCHEN;
    const s = new WorkbookScan({ has: (p) => p in parts, maxUnpackedBytes: 1 << 30 });
    for (let p = s.next(); p !== null; p = s.next()) {
      asked.push(p);
      const sink = s.part(p);
      sink.push(enc.encode(parts[p]!));
      sink.end();
    }
    expect(asked).toEqual(["_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]);
    const none = new WorkbookScan({ has: (p) => p === "_rels/.rels", maxUnpackedBytes: 1 << 30 });
    const sink = none.part(none.next()!);
    sink.end();
    expect(() => none.next()).toThrow(/в zip-архиве нет «xl\/workbook\.xml»: это не книга Excel/);
  });
});

describe("zipDirectoryOf (bytes, as in the browser)", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "shnor-xlsxscan-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("with fflate gives what the Node reader gives from the file", async () => {
    const bytes = pkg(
      [
        { name: "Лист", xml: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>2.5</v></c></row></sheetData>' },
        { name: "Второй", xml: '<sheetData><row r="3"><c r="C3" t="inlineStr"><is><t>ъ</t></is></c></row></sheetData>' },
      ],
      "<si><t>Школа</t></si>",
      ["xl/workbook.xml"],
    );
    const zip = zipDirectoryOf(bytes);
    const s = new WorkbookScan({ has: (p) => zip.entries.has(p), maxUnpackedBytes: 1 << 30 });
    for (let p = s.next(); p !== null; p = s.next()) {
      const e = zip.entries.get(p)!;
      const raw = bytes.subarray(zip.dataStart(e), zip.dataStart(e) + e.compressedSize);
      const sink = s.part(p, e.uncompressedSize);
      sink.push(e.method === 8 ? inflateSync(raw) : raw);
      sink.end();
    }
    const file = path.join(dir, "w.xlsx");
    fs.writeFileSync(file, bytes);
    const expected: RawWorkbook = { sheets: [{ name: "Лист", rows: [["Школа", 2.5]] }, { name: "Второй", rows: [[], [], [null, null, "ъ"]] }] };
    expect(s.result()).toEqual(expected);
    expect(await readXlsxStream(file)).toEqual(expected);
  });

  it.each([
    ["a file cut short", (b: Buffer) => b.subarray(0, b.length - 30), /файл повреждён или обрезан: у zip-архива \.xlsx нет оглавления/],
    ["a directory past the end", (b: Buffer) => {
      const c = Buffer.from(b);
      c.writeUInt32LE(0x7fffffff, c.length - 6);
      return c;
    }, /оглавление zip-архива \.xlsx указывает за конец файла/],
  ] as const)("refuses %s in Russian", (_what, spoil, message) => {
    const bytes = pkg([{ name: "Лист", xml: "<sheetData/>" }]);
    expect(() => zipDirectoryOf(spoil(bytes))).toThrow(message);
  });
});
