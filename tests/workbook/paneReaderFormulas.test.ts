/**
 * The pane's reader (`readXlsxBytes`: the command line's scanner over fflate) and exceljs in memory
 * (`readXlsx`, the pane's reader before) give formula cells exactly what the command line's
 * streaming reader gives: a cached 0, "" or FALSE is the value (exceljs alone drops it), a
 * cached non-number in a number cell is the unknown-formula error, and a formula without a cached
 * value is FORMULA_WITHOUT_VALUE — reported by the schema at its address. Equal RawWorkbooks
 * (date cells marked alike, their numbers to the millisecond).
 */
import { Workbook } from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseWorkbook } from "../../src/schema";
import { dateCellKey, FORMULA_WITHOUT_VALUE, type RawWorkbook } from "../../src/schema/raw";
import { readXlsxFile } from "../../src/workbook/xlsxFile";
import { readXlsxBytes } from "../../src/workbook/xlsxBytes";
import { readXlsx, UNKNOWN_FORMULA_ERROR } from "../../src/workbook/xlsxReader";
import { pkg } from "./handZip";

const ROOT = path.resolve(__dirname, "../..");
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "shnor-pane-formulas-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
function save(bytes: Uint8Array): string {
  const file = path.join(dir, `f${n++}.xlsx`);
  fs.writeFileSync(file, bytes);
  return file;
}

/** The three readers on the same bytes: equal, and returned. */
async function bothReaders(bytes: Buffer) {
  const pane = readXlsxBytes(bytes);
  expect(pane).toEqual(await readXlsxFile(save(bytes)));
  expect(await readXlsx(bytes)).toEqual(pane);
  return pane;
}

// [what the formula's cell holds, its XML, the value read]
const CELLS: [string, string, unknown][] = [
  ["a cached 0", '<c r="B2"><f>A2-A2</f><v>0</v></c>', 0],
  ["a cached FALSE", '<c r="B2" t="b"><f>1=2</f><v>0</v></c>', false],
  ["a cached TRUE", '<c r="B2" t="b"><f>1=1</f><v>1</v></c>', true],
  ["a cached empty string (t=str, empty <v>)", '<c r="B2" t="str"><f>""</f><v></v></c>', ""],
  ["a cached empty string (t=str, no <v>)", '<c r="B2" t="str"><f>""</f></c>', ""],
  ["a cached text", '<c r="B2" t="str"><f>"a"&amp;"b"</f><v>a &amp;amp; b</v></c>', "a & b"],
  ["a cached number", '<c r="B2"><f>A2*2</f><v>14.5</v></c>', 14.5],
  ["a cached error", '<c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c>', { error: "#DIV/0!" }],
  ["a cached non-number in a number cell", '<c r="B2"><f>X()</f><v>abc</v></c>', { error: UNKNOWN_FORMULA_ERROR }],
  ["no cached value", '<c r="B2"><f>A2*2</f></c>', { error: FORMULA_WITHOUT_VALUE }],
  ["an empty <v/>", '<c r="B2"><f>A2*2</f><v/></c>', { error: FORMULA_WITHOUT_VALUE }],
  ["a shared formula's child with a cached 0", '<c r="B2"><f t="shared" si="0"/><v>0</v></c>', 0],
  ["a shared formula's child with no cached value", '<c r="B2"><f t="shared" si="0"/></c>', { error: FORMULA_WITHOUT_VALUE }],
];

describe("formula cells: the pane's reader equals the streaming reader", () => {
  it.each(CELLS)("%s", async (_what, cell, value) => {
    const xml = `<sheetData><row r="1"><c r="A1"><f>1</f><v>1</v></c></row><row r="2"><c r="A2"><v>7</v></c>${cell}</row></sheetData>`;
    const raw = await bothReaders(pkg([{ name: "Лист", xml }]));
    expect(raw.sheets[0]!.rows[1]).toEqual([7, value]);
  });

  it("leaves a formula under a merged range covered, as both readers and Office.js do", async () => {
    const xml =
      '<sheetData><row r="1"><c r="A1"><v>5</v></c><c r="B1"><f>A1-A1</f><v>0</v></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2"><f>A2*0</f><v>0</v></c></row></sheetData>' +
      '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>';
    const raw = await bothReaders(pkg([{ name: "Лист", xml }]));
    expect(raw.sheets[0]!.rows).toEqual([[5], [1, 0]]);
  });

  it("keeps formulas apart by sheet, with sheets named with XML references", async () => {
    const raw = await bothReaders(
      pkg([
        { name: "Данные &amp; итоги", xml: '<sheetData><row r="3"><c r="C3"><f>0</f><v>0</v></c></row></sheetData>', file: "sheet9.xml" },
        { name: "Второй", xml: '<sheetData><row r="1"><c r="A1" t="b"><f>FALSE()</f><v>0</v></c></row></sheetData>', file: "sheet2.xml" },
      ]),
    );
    expect(raw.sheets.map((s) => [s.name, s.rows])).toEqual([
      ["Данные & итоги", [[], [], [null, null, 0]]],
      ["Второй", [[false]]],
    ]);
  });

  it("reports a formula without a cached value at its address, and keeps a cached 0 (a workbook written by exceljs)", async () => {
    const wb = new Workbook();
    await wb.xlsx.readFile(path.join(ROOT, "tests/fixtures/ok.minimal.xlsx"));
    const ws = wb.getWorksheet("Школы")!;
    ws.getCell("G3").value = { formula: "G2-G2", result: 0 } as never;
    ws.getCell("H3").value = { formula: "H2*0" } as never;
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const raw = await bothReaders(bytes);
    const row = raw.sheets.find((s) => s.name === "Школы")!.rows[2]!;
    expect([row[6], row[7]]).toEqual([0, { error: FORMULA_WITHOUT_VALUE }]);
    const parsed = parseWorkbook(raw);
    expect(parsed.issues.filter((i) => i.severity === "error").map((i) => i.message)).toEqual([
      "Школы!H3: формула без вычисленного значения: откройте и сохраните книгу в Excel",
    ]);
  });
});

/**
 * A date cell's number to the millisecond: exceljs turns it into a JS Date and back, which can
 * move the last bit of a time of day (45301.52083333333 → …336); both readers mark the same cells.
 */
function toMillisecond(wb: RawWorkbook): RawWorkbook {
  return {
    ...wb,
    sheets: wb.sheets.map((sheet) => ({
      ...sheet,
      rows: sheet.rows.map((row, r) =>
        row.map((v, c) => (typeof v === "number" && sheet.dateCells?.has(dateCellKey(r, c)) === true ? Math.round(v * 86_400_000) / 86_400_000 : v)),
      ),
    })),
  };
}

describe("the repository's workbooks: the pane's reader equals the streaming reader", () => {
  const files = (fs.readdirSync(path.join(ROOT, "tests/fixtures"), { recursive: true }) as string[]).filter((f) => f.endsWith(".xlsx")).sort();
  it.each(files)("tests/fixtures/%s", async (rel) => {
    const file = path.join(ROOT, "tests/fixtures", rel);
    const streamed = await readXlsxFile(file);
    expect(readXlsxBytes(fs.readFileSync(file))).toEqual(streamed);
    expect(toMillisecond(await readXlsx(fs.readFileSync(file)))).toEqual(toMillisecond(streamed));
  }, 120_000);

  it("marks the same date cells and the 1904 date system, with the stored serial numbers", async () => {
    const file = path.join(ROOT, "tests/fixtures/dates/error.date-1904.xlsx");
    const pane = readXlsxBytes(fs.readFileSync(file));
    const streamed = await readXlsxFile(file);
    expect(pane.date1904).toBe(true);
    expect(pane.sheets.map((s) => [...(s.dateCells ?? [])])).toEqual(streamed.sheets.map((s) => [...(s.dateCells ?? [])]));
    expect(pane.sheets.some((s) => (s.dateCells?.size ?? 0) > 0)).toBe(true);
  });
});
