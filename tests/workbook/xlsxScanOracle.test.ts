/**
 * Oracle for the sheet scanner's speed work: the current scanner (src/workbook/xlsxScan.ts) and a
 * frozen copy of the scanner as it was before it (tests/workbook/oracle/xlsxScanV3.ts) are fed the
 * same bytes, cut into the same chunks, and must give the same RawWorkbook — values, dateCells,
 * hidden flags, date1904 — or the same error message. Inputs: every workbook in the repository
 * (the demo region included) and generated sheets mixing every cell shape either scanner has a
 * path for (the usual `<c r s t><v>` cells, odd attributes, prefixes, comments, CDATA, formulas,
 * inline strings, gaps, self-closing rows and cells, numbers of every form), cut at random places.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { RawWorkbook } from "../../src/schema/raw";
import { WorkbookScan } from "../../src/workbook/xlsxScan";
import { WorkbookScan as WorkbookScanBefore } from "./oracle/xlsxScanV3";
import { NS, R_NS, REL } from "./handZip";
import { zipEntries } from "./unzip";
import { Random } from "../../src/demo/prng";

const ROOT = path.resolve(__dirname, "../..");
const enc = new TextEncoder();

type Cut = (b: Uint8Array) => Uint8Array[];
type Outcome = { ok: RawWorkbook } | { error: string };

interface ScanLike {
  next(): string | null;
  part(part: string, declaredBytes?: number): { push(chunk: Uint8Array): void; end(): void };
  result(): RawWorkbook;
}

function run(make: () => ScanLike, parts: ReadonlyMap<string, Uint8Array>, cut: Cut): Outcome {
  try {
    const s = make();
    for (let p = s.next(); p !== null; p = s.next()) {
      const b = parts.get(p)!;
      const sink = s.part(p, b.length);
      for (const chunk of cut(b)) sink.push(chunk);
      sink.end();
    }
    return { ok: s.result() };
  } catch (e) {
    return { error: e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e) };
  }
}

/** Both scanners on the same parts and cuts: the same outcome. Returns it. */
function expectSame(parts: ReadonlyMap<string, Uint8Array>, cuts: readonly Cut[]): Outcome {
  const options = { has: (p: string) => parts.has(p), maxUnpackedBytes: 1 << 30, progressEvery: 7 };
  let first: Outcome | null = null;
  for (const cut of cuts) {
    const progressNew: [string, number][] = [];
    const progressOld: [string, number][] = [];
    const now = run(() => new WorkbookScan({ ...options, onProgress: (s, n) => progressNew.push([s, n]) }), parts, cut);
    const before = run(() => new WorkbookScanBefore({ ...options, onProgress: (s, n) => progressOld.push([s, n]) }), parts, cut);
    expect(now).toEqual(before);
    expect(progressNew).toEqual(progressOld);
    first ??= now;
  }
  return first!;
}

const every =
  (n: number): Cut =>
  (b) =>
    Array.from({ length: Math.ceil(b.length / n) }, (_v, k) => b.subarray(k * n, k * n + n));

/** The demo's seeded generator (mulberry32), so a failure is reproducible. */
function random(seed: number): () => number {
  const r = new Random(seed);
  return () => r.next();
}

function randomCuts(seed: number): Cut {
  return (b) => {
    const r = random(seed ^ b.length);
    const out: Uint8Array[] = [];
    for (let i = 0; i < b.length; ) {
      const n = 1 + Math.floor(r() * (r() < 0.5 ? 8 : 300));
      out.push(b.subarray(i, i + n));
      i += n;
    }
    return out;
  };
}

// ---------------------------------------------------------------------------------------------
// Generated sheets

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

function letters(col: number): string {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

const NUMBERS = ["0", "7", "45", "2023", "999999999", "1000000000", "123456789012345", "1234567890123456", "0012", "-3", "-0", "1.5", "-0.125", "3.", ".5", "1E3", "1.5e-3", "", " 5", "abc", "4-2", "1..2", "&#53;", "12\r\n"];
const SHARED = ["0", "1", "2", "3", "5", "4110", "007", "", "-1", "1.5", " 2", "99999999999"];
const TEXTS = ["Школа", "a &amp; b", "x &amp;amp; y", "&lt;tag&gt;", "line\r\nbreak", "", "  пробелы  ", "_x0041_", "😀 ёлка"];

/** Start tags near the usual `r="B7" s="3" t="s"`, each a step off it. */
const ODD_TAGS = [
  't=""',
  't=">"',
  't="""',
  't="s" ',
  's="1"t="s"',
  "r=\"{ref}\"  s=\"1\"",
  'r="{ref}" t="s" s="2"',
  'r="{ref}" s="123456789" t="s"',
  'r="{ref}" s="1" t=">"',
  'r="{ref}" s="1" t="""',
  'r="{ref}" s="1"t="s"',
  'r="{ref}" s="1x" t="s"',
  'r="{ref}" s="" t="s"',
  'r="{ref}" s="3"',
  'r="{ref}" t="str"',
  'r="{ref}" t="ss"',
  'r="{ref}" t="n"',
  'r="{ref}" t="b"',
  'r="{ref}" t="s" cm="1"',
  'r="{ref}x"',
  'r="{ref}>"',
  'r=""',
  'r="12"',
  'r="{ref}"x="1"',
  'r="{ref}" s="1" t="s"/',
  'r="{ref}" s="1"/',
  'r=">"',
];

/** One cell's markup, of a shape chosen at random. */
function cell(r: () => number, ref: string): string {
  if (r() < 0.1) return `<c ${pick(r, ODD_TAGS).replace("{ref}", ref)}><v>${pick(r, r() < 0.5 ? SHARED : NUMBERS)}</v></c>`;
  const rAttr = pick(r, [` r="${ref}"`, ` r="${ref}"`, ` r="${ref}"`, ` r="${ref.toLowerCase()}"`, ` r='${ref}'`, ` r = "${ref}"`, "", ` x:r="${ref}"`]);
  const s = pick(r, ["", "", ' s="1"', ' s="2"', ' s="3"', ' s="0"', ' s="99999"', ' s="x"']);
  const extra = pick(r, ["", "", "", "", ' cm="1"', ' vm="2"', ' ph="1"', "  ", '\n s="1"']);
  const shape = r();
  if (shape < 0.3) return `<c${rAttr}${s}${extra}><v>${pick(r, NUMBERS)}</v></c>`;
  if (shape < 0.55) return `<c${rAttr}${s} t="s"${extra}><v>${pick(r, SHARED)}</v></c>`;
  if (shape < 0.6) return `<c${s}${rAttr} t="n"><v>${pick(r, NUMBERS)}</v></c>`;
  if (shape < 0.65) return `<c${rAttr} t="str"><v>${pick(r, TEXTS)}</v></c>`;
  if (shape < 0.7) return `<c${rAttr} t="inlineStr"><is><t>${pick(r, TEXTS)}</t></is></c>`;
  if (shape < 0.72) return `<c${rAttr} t="inlineStr"><is><r><t>${pick(r, TEXTS)}</t></r><r><rPr><b/></rPr><t>${pick(r, TEXTS)}</t></r></is></c>`;
  if (shape < 0.75) return `<c${rAttr} t="b"><v>${pick(r, ["0", "1", "2", ""])}</v></c>`;
  if (shape < 0.77) return `<c${rAttr} t="e"><v>${pick(r, ["#N/A", "#DIV/0!", "#VALUE!"])}</v></c>`;
  if (shape < 0.8) return `<c${rAttr}${s}><f>A1+1</f>${pick(r, ["<v>0</v>", "<v>3.5</v>", "", "<v></v>", "<v>x</v>"])}</c>`;
  if (shape < 0.82) return `<c${rAttr} t="${pick(r, ["str", "b", "e"])}"><f t="shared" si="0"/>${pick(r, ["<v>0</v>", "<v>FALSE</v>", "", "<v></v>"])}</c>`;
  if (shape < 0.85) return `<c${rAttr}${s}/>`;
  if (shape < 0.87) return `<c${rAttr}${s} t="s"/>`;
  if (shape < 0.89) return `<x:c${rAttr}${s}><x:v>${pick(r, NUMBERS)}</x:v></x:c>`;
  if (shape < 0.91) return `<c${rAttr}${s}><v>${pick(r, NUMBERS)}</v>\n</c>`;
  if (shape < 0.93) return `<c${rAttr}${s}><v><![CDATA[${pick(r, ["12", "a&b", "1.5"])}]]></v></c>`;
  if (shape < 0.95) return `<c${rAttr}${s} t="d"><v>${pick(r, NUMBERS)}</v></c>`;
  if (shape < 0.97) return `<c${rAttr}${s}><!-- note --><v>${pick(r, NUMBERS)}</v></c>`;
  return `<c${rAttr}${s} t="s"><v>${pick(r, SHARED)}</v><v>1</v></c>`;
}

function sheetXml(r: () => number, rows: number): string {
  let xml = '<dimension ref="A1:J50"/><sheetData>';
  let rowNo = 0;
  for (let i = 0; i < rows; i++) {
    rowNo += r() < 0.85 ? 1 : 2 + Math.floor(r() * 4);
    const rowAttr = pick(r, [` r="${rowNo}" spans="1:9" x14ac:dyDescent="0.25"`, ` r="${rowNo}"`, ` r='${rowNo}'`, "", ` r="${rowNo}" ht="20" customHeight="1"`]);
    const rowNumber = rowAttr === "" ? i + 1 : rowNo;
    if (rowAttr === "") rowNo = rowNumber;
    if (r() < 0.05) {
      xml += `<row${rowAttr}/>`;
      continue;
    }
    xml += `<row${rowAttr}>`;
    let col = 0;
    const cells = Math.floor(r() * 12);
    for (let k = 0; k < cells; k++) {
      const step = r();
      col = step < 0.8 ? col + 1 : step < 0.9 ? col + 2 + Math.floor(r() * 5) : Math.max(1, col - 1 - Math.floor(r() * 3));
      xml += cell(r, `${letters(col)}${rowNumber}`);
      if (r() < 0.03) xml += pick(r, ["\n  ", " ", "<!-- c -->", "<?pi x?>"]);
    }
    xml += "</row>";
    if (r() < 0.03) xml += "\r\n";
  }
  xml += "</sheetData>";
  if (r() < 0.5) xml += '<mergeCells count="2"><mergeCell ref="A2:B3"/><mergeCell ref="C5:C6"/></mergeCells>';
  return xml;
}

function generatedBook(seed: number): Map<string, Uint8Array> {
  const r = random(seed);
  const parts: Record<string, string> = {
    "_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml":
      `<?xml version="1.0"?><workbook ${NS} ${R_NS}><sheets><sheet name="Баллы" sheetId="1" r:id="rId1"/>` +
      `<sheet name="Скрытый" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels":
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/>` +
      `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
      `<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    "xl/styles.xml": `<?xml version="1.0"?><styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="2"/></cellXfs></styleSheet>`,
    "xl/sharedStrings.xml": `<?xml version="1.0"?><sst ${NS}><si><t>Код ОО</t></si><si><t>Школа &amp; №1</t></si><si><r><t>Гимн</t></r><r><t>азия</t></r></si><si><t/></si><si><t>7</t></si><si><t>последняя</t></si></sst>`,
    "xl/worksheets/sheet1.xml": `<?xml version="1.0" encoding="UTF-8"?>\r\n<worksheet ${NS} ${R_NS} xmlns:x="${NS.slice(7, -1)}">${sheetXml(r, 120)}</worksheet>`,
    "xl/worksheets/sheet2.xml": `<worksheet ${NS} xmlns:x="${NS.slice(7, -1)}">${sheetXml(r, 15)}</worksheet>`,
  };
  return new Map(Object.entries(parts).map(([k, v]) => [k, enc.encode(v)]));
}

describe("the sheet scanner gives what the scanner before it gave", () => {
  it.each(Array.from({ length: 40 }, (_v, i) => i + 1))("on generated workbook %i, cut anywhere", (seed) => {
    const parts = generatedBook(seed);
    const out = expectSame(parts, [(b) => [b], every(1), every(2), every(3), every(7), every(64), every(4093), randomCuts(seed)]);
    // The generator makes readable sheets: the comparison is of values, not of two equal errors.
    expect("ok" in out).toBe(true);
  });

  it("on generated sheets past the bounds: the same refusal", () => {
    // [sheet XML, refused?]
    const sheets: [string, boolean][] = [
      ['<sheetData><row r="1"><c r="XFD1"><v>1</v></c><c r="XFE1"><v>2</v></c></row></sheetData>', true],
      ['<sheetData><row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData>', true],
      ['<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="ZZZ1"><v>2</v></c></row></sheetData>', true],
      ['<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B2"><v>2', false],
      ['<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B2" t="s', true],
      [`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${"я".repeat(1_100_000)}</t></is></c></row></sheetData>`, true],
      [`<sheetData><row r="1"><c r="A1"><v>1</v></c></row><!-- ${"x".repeat(1_100_000)}`, true],
      [`<sheetData><row r="1"><c r="A1" ${"a".repeat(1_100_000)}`, true],
    ];
    for (const [xml, refused] of sheets) {
      const parts = generatedBook(1);
      // Not closed: the sheet's text ends where the case ends.
      parts.set("xl/worksheets/sheet1.xml", enc.encode(`<worksheet ${NS}>${xml}`));
      // Tiny chunks only for the small cases: a construct carried over is copied with each
      // chunk, so a megabyte cut into bytes would take minutes (the reader's chunks are 1 MB).
      const out = expectSame(parts, xml.length > 10_000 ? [(b) => [b], every(4093)] : [(b) => [b], every(1), every(5), randomCuts(xml.length)]);
      expect("error" in out).toBe(refused);
    }
  });

  const files = (["tests/fixtures", "assets"] as const).flatMap((rel) =>
    (fs.readdirSync(path.join(ROOT, rel), { recursive: true }) as string[])
      .filter((f) => f.endsWith(".xlsx"))
      .map((f) => path.join(rel, f))
      .sort(),
  );

  it("finds the repository's workbooks", () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    expect(files).toContain(path.join("assets", "demo", "demo-region.xlsx"));
  });

  it.each(files)("on %s", (rel) => {
    const bytes = fs.readFileSync(path.join(ROOT, rel));
    const parts = zipEntries(bytes);
    // The demo region is large: two odd chunk sizes are enough there.
    expectSame(parts, bytes.length > 1_000_000 ? [(b) => [b], every(4093)] : [(b) => [b], every(1), every(5), every(64)]);
  }, 600_000);
});
