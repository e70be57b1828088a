/**
 * The streaming reader (readXlsxFile → xlsxStream) against exceljs's in-memory reader (readXlsx):
 * the same RawWorkbook for every workbook in the repository and for generated ones, whatever
 * the chunk boundaries; plus hand-written sheet XML for what exceljs never writes.
 */
import { Workbook } from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FORMULA_WITHOUT_VALUE, type RawWorkbook } from "../../src/schema/raw";
import { readXlsxFile } from "../../src/workbook/xlsxFile";
import { readXlsx, UNKNOWN_FORMULA_ERROR } from "../../src/workbook/xlsxReader";
import { readXlsxStream } from "../../src/workbook/xlsxStream";
import { pkg } from "./handZip";

const ROOT = path.resolve(__dirname, "../..");
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "shnor-xlsxstream-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function xlsxUnder(rel: string): string[] {
  return (fs.readdirSync(path.join(ROOT, rel), { recursive: true }) as string[])
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(rel, f))
    .sort();
}

let fileNo = 0;
function save(bytes: Uint8Array): string {
  const file = path.join(dir, `w${fileNo++}.xlsx`);
  fs.writeFileSync(file, bytes);
  return file;
}

async function written(build: (wb: Workbook) => void, useSharedStrings = true): Promise<{ file: string; bytes: Buffer }> {
  const wb = new Workbook();
  build(wb);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer({ useSharedStrings }));
  return { file: save(bytes), bytes };
}

/**
 * `expected` (exceljs in memory) with the formula results exceljs loses put back from `streamed`:
 * exceljs drops a formula's cached 0, FALSE, "" (and a non-number), and has no value for a
 * formula saved without one; the streaming reader keeps the first and marks the second. Only
 * those values may differ, and only where exceljs has nothing.
 */
function withFormulaResults(expected: RawWorkbook, streamed: RawWorkbook): RawWorkbook {
  const lost = (v: unknown): boolean =>
    v === 0 || v === false || v === "" || (typeof v === "object" && v !== null && [FORMULA_WITHOUT_VALUE, UNKNOWN_FORMULA_ERROR].includes((v as { error: string }).error));
  return {
    sheets: expected.sheets.map((sheet, s) => {
      const other = streamed.sheets[s];
      if (other === undefined || other.name !== sheet.name) return sheet;
      const rows = Array.from({ length: Math.max(sheet.rows.length, other.rows.length) }, (_r, r) => {
        const a = sheet.rows[r] ?? [];
        const b = other.rows[r] ?? [];
        const cells = Array.from({ length: Math.max(a.length, b.length) }, (_c, c) => ((a[c] ?? null) === null && lost(b[c]) ? b[c]! : (a[c] ?? null)));
        while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
        return cells;
      });
      return { name: sheet.name, rows };
    }),
  };
}

/**
 * The cell values alone: the streaming reader also marks the cells formatted as dates
 * (`dateCells`, `date1904`), which exceljs's reader does not; those marks are checked on their own
 * (here for the kitchen sink, and in tests/schema/dates.test.ts), and must not depend on chunks.
 */
function valuesOf(wb: RawWorkbook): RawWorkbook {
  return { sheets: wb.sheets.map(({ dateCells: _dates, ...sheet }) => sheet) };
}

function datesOf(wb: RawWorkbook): unknown {
  return { date1904: wb.date1904 === true, sheets: wb.sheets.map((s) => [...(s.dateCells ?? [])].sort((a, b) => a - b)) };
}

/** readXlsxFile and readXlsxStream with tiny chunks all equal readXlsx (formula results aside); returns the result. */
async function expectSameAsInMemory(file: string, bytes: Buffer, chunkSizes: readonly number[] = [1, 2, 3, 7, 64]): Promise<RawWorkbook> {
  const streamed = await readXlsxFile(file);
  const expected = withFormulaResults(await readXlsx(bytes), streamed);
  expect(valuesOf(streamed)).toEqual(expected);
  for (const chunkSize of chunkSizes) {
    const chunked = await readXlsxStream(file, { chunkSize });
    expect(valuesOf(chunked)).toEqual(expected);
    expect(datesOf(chunked)).toEqual(datesOf(streamed));
  }
  return streamed;
}

describe("readXlsxFile equals readXlsx", () => {
  // Not the fixtures with dates in them: exceljs turns a date cell into a JS Date and back, which
  // rounds to the millisecond and ignores a 1904 workbook's epoch; the streaming reader gives the
  // number as stored, as Office.js does (tests/schema/dates.test.ts reads those files).
  const files = [...xlsxUnder("tests/fixtures"), ...xlsxUnder("assets")].filter((f) => !f.startsWith(path.join("tests", "fixtures", "dates", "error.")));

  it("finds the repository's workbooks", () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    expect(files).toContain(path.join("assets", "demo", "demo-region.xlsx"));
  });

  it.each(files)("on %s", async (rel) => {
    const file = path.join(ROOT, rel);
    const bytes = fs.readFileSync(file);
    // The demo region is large: one extra odd chunk size is enough there.
    await expectSameAsInMemory(file, bytes, bytes.length > 1_000_000 ? [4093] : [1, 5, 64]);
    // The demo region is read four times: room for a busy machine.
  }, 600_000);
});

function kitchenSink(wb: Workbook): void {
  const ws = wb.addWorksheet("Всё");
  ws.getCell("A1").value = "Отчёт по школам <региона> & \"всё\" 'такое'";
  ws.getCell("A3").value = "Код ОО";
  ws.getCell("B3").value = "Балл";
  ws.getCell("D3").value = "Дата";
  ws.getCell("A4").value = { richText: [{ text: "Код " }, { text: "ОО & <b>", font: { bold: true } }, { text: " ✓" }] };
  ws.getCell("B4").value = true;
  ws.getCell("C4").value = false;
  ws.getCell("D4").value = new Date(Date.UTC(2024, 0, 1));
  ws.getCell("D4").numFmt = "dd.mm.yyyy";
  ws.getCell("E4").value = new Date(Date.UTC(2024, 8, 1, 12, 0, 0));
  ws.getCell("E4").numFmt = "dd.mm.yyyy hh:mm";
  ws.getCell("F4").value = { error: "#N/A" };
  ws.getCell("G4").value = 1e-10;
  ws.getCell("H4").value = 6.02e23;
  ws.getCell("I4").value = -0.5;
  ws.getCell("J4").value = 12345678901234;
  ws.getCell("A5").value = { formula: "B4*2", result: 14 };
  ws.getCell("B5").value = { formula: "1/0", result: { error: "#DIV/0!" } };
  ws.getCell("C5").value = { formula: "\"a&b\"", result: "a&b <c>" };
  ws.getCell("D5").value = { formula: "TRUE()", result: true };
  ws.getCell("E5").value = { formula: "NOW()", result: new Date(Date.UTC(2024, 1, 29)) };
  ws.getCell("F5").value = { formula: "A5+1" };
  ws.getCell("A6").value = { formula: "A5*3", result: 42, shareType: "shared", ref: "A6:A7" } as never;
  ws.getCell("A7").value = { sharedFormula: "A6", result: 43 } as never;
  ws.getCell("Z10").value = "далеко";
  ws.getCell("B12").value = "Муниципалитет";
  ws.mergeCells("B12:D13");
  ws.getCell("E12").value = 1;
  ws.getCell("A14").value = "";
  ws.getCell("B14").value = "  пробелы по краям  ";
  ws.getCell("C14").value = "строка 1\nстрока 2";
  ws.getCell("A20").value = { text: "Сайт школы", hyperlink: "https://example.org" };
  ws.getRow(30).getCell(1).style = { font: { bold: true } };

  const titled = wb.addWorksheet("Школы");
  titled.getCell("A1").value = "Список школ муниципалитета";
  titled.mergeCells("A1:C1");
  titled.addRow([]);
  titled.addRow(["Код ОО", "Наименование", "Тип"]);
  titled.addRow(["07013", "МБОУ «Средняя общеобразовательная школа № 1»", "СОШ"]);
  titled.addRow([7014, "Гимназия № 2", "гимназия"]);

  wb.addWorksheet("Пустой");
  for (let i = 1; i <= 30; i++) wb.addWorksheet(`Лист ${i}`).getCell(i, (i % 5) + 1).value = i % 2 === 0 ? `значение ${i}` : i * 1.5;
}

describe("generated workbooks", () => {
  it.each([
    ["shared strings", true],
    ["inline strings", false],
  ])("read every kind of cell alike with %s", async (_t, useSharedStrings) => {
    const { file, bytes } = await written(kitchenSink, useSharedStrings);
    const raw = await expectSameAsInMemory(file, bytes);
    const names = raw.sheets.map((s) => s.name);
    expect(names.slice(0, 4)).toEqual(["Всё", "Школы", "Пустой", "Лист 1"]);
    expect(names).toHaveLength(33);
    const rows = raw.sheets[0]!.rows;
    expect(rows[0]).toEqual(["Отчёт по школам <региона> & \"всё\" 'такое'"]);
    expect(rows[1]).toEqual([]);
    expect(rows[3]).toEqual(["Код ОО & <b> ✓", true, false, 45292, 45536.5, { error: "#N/A" }, 1e-10, 6.02e23, -0.5, 12345678901234]);
    // D4, E4 and the formula's date in E5 are formatted as dates: marked by 0-based row × 16 384 + column.
    expect([...(raw.sheets[0]!.dateCells ?? [])].sort((a, b) => a - b)).toEqual([3 * 16_384 + 3, 3 * 16_384 + 4, 4 * 16_384 + 4]);
    // F5 is a formula without a cached value: read as the marker the schema reports at its address.
    expect(rows[4]).toEqual([14, { error: "#DIV/0!" }, "a&b <c>", true, 45351, { error: FORMULA_WITHOUT_VALUE }]);
    expect(rows[5]).toEqual([42]);
    expect(rows[6]).toEqual([43]);
    expect(rows[9]?.[25]).toBe("далеко");
    expect(rows[11]).toEqual([null, "Муниципалитет", null, null, 1]);
    expect(rows[12]).toEqual([]);
    expect(rows[13]).toEqual(["", "  пробелы по краям  ", "строка 1\nстрока 2"]);
    expect(rows[19]).toEqual(["Сайт школы"]);
    expect(rows).toHaveLength(20);
    expect(raw.sheets[1]!.rows).toEqual([
      ["Список школ муниципалитета"],
      [],
      ["Код ОО", "Наименование", "Тип"],
      ["07013", "МБОУ «Средняя общеобразовательная школа № 1»", "СОШ"],
      [7014, "Гимназия № 2", "гимназия"],
    ]);
    expect(raw.sheets[2]!.rows).toEqual([]);
    expect(raw.sheets[4]!.rows).toEqual([[], [null, null, "значение 2"]]);
  });

  it("decodes Cyrillic split at every byte across chunk boundaries", async () => {
    const words = ["Ёлка", "школа № 7 «Радуга»", "Муниципальное бюджетное общеобразовательное учреждение", "𝔘nicode ✓ — ё"];
    const { file, bytes } = await written((wb) => {
      const ws = wb.addWorksheet("Кириллица");
      for (let i = 0; i < 40; i++) ws.addRow([`${words[i % words.length]!} ${i}`, `Лист «${i}»`, i]);
    });
    const raw = await expectSameAsInMemory(file, bytes, [1, 2, 3, 4, 5, 11]);
    expect(raw.sheets[0]!.rows[3]).toEqual(["𝔘nicode ✓ — ё 3", "Лист «3»", 3]);
    expect(raw.sheets[0]!.name).toBe("Кириллица");
  });

  it("reads a workbook of only empty sheets", async () => {
    const { file, bytes } = await written((wb) => {
      wb.addWorksheet("Первый");
      wb.addWorksheet("Второй");
    });
    expect(await expectSameAsInMemory(file, bytes)).toEqual({
      sheets: [
        { name: "Первый", rows: [] },
        { name: "Второй", rows: [] },
      ],
    });
  });

  it("reports progress every progressEvery rows and the last count of each sheet", async () => {
    const { file } = await written((wb) => {
      const ws = wb.addWorksheet("Баллы");
      for (let i = 0; i < 7; i++) ws.addRow([i]);
      ws.getCell("A20").value = "ещё";
      wb.addWorksheet("Пусто");
    });
    const progress: [string, number][] = [];
    await readXlsxFile(file, { progressEvery: 3, onProgress: (s, n) => progress.push([s, n]) });
    expect(progress).toEqual([
      ["Баллы", 3],
      ["Баллы", 6],
      ["Баллы", 8],
      ["Пусто", 0],
    ]);
  });

  it("rejects a file that is not an xlsx", async () => {
    await expect(readXlsxFile(save(Buffer.from("not a zip at all")))).rejects.toThrow();
    await expect(readXlsxFile(path.join(dir, "missing.xlsx"))).rejects.toThrow();
  });
});

// -----------------------------------------------------------------------------------------------
// Hand-written packages: what exceljs never writes but Excel and other tools do.

describe("hand-written sheet XML", () => {
  const SST =
    "<si><t>Код ОО</t></si>" +
    '<si><t xml:space="preserve"> a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#1050;&#x41E; </t></si>' +
    '<si><r><rPr><b/></rPr><t>Жир</t></r><r><t xml:space="preserve"> и _x0041_ _x00e9_ </t></r></si>' +
    "<si><t>line_x000D_\r\nbreak</t></si>" +
    "<si><t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh><phoneticPr fontId=\"1\"/></si>" +
    "<si><t/></si>" +
    "<si><r><t>только</t></r><r><rPr/></r></si>";

  const SHEET =
    '<dimension ref="A1:F9"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData>' +
    '<row r="1" spans="1:6"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c></row>' +
    '<row r="2"><c r="A2" t="inlineStr"><is><t>Встроенная &amp; строка</t></is></c><c r="B2" t="inlineStr"><is><r><t>бо</t></r><r><rPr><i/></rPr><t>гатая_x0042_</t></r></is></c><c r="C2" t="str"><v>x &amp;amp; y</v></c><c r="D2" t="b"><v>0</v></c><c r="E2" t="e"><v>#VALUE!</v></c><c r="F2" s="3"><v>1.5E+3</v></c></row>' +
    '<row r="4"><c r="B4"><f>SUM(A1:A3)</f><v>-2.5e-3</v></c><c r="C4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D4" t="str"><f>"q"</f><v>q &amp;lt;r&amp;gt;</v></c><c r="E4" t="b"><f>TRUE()</f><v>1</v></c><c r="F4"><f t="shared" ref="F4:F5" si="0">B4*2</f><v>7</v></c><c r="G4"><f t="shared" si="0"/><v>8</v></c><c r="H4"><f>NA()</f></c><c r="I4"><f>A1-A1</f><v>0</v></c><c r="J4" t="b"><f>FALSE()</f><v>0</v></c><c r="K4" t="str"><f>""</f><v></v></c><c r="L4"><f>X()</f><v>abc</v></c><c r="M4"><f>Y()</f><v>3</v></c></row>' +
    '<row r="5"><c r="A5" s="1"/><c r="B5" t="s"/><c r="C5"><v></v></c></row>' +
    '<row r="6"><c r="A6" t="s"><v>0</v></c><c r="B6"><v>5</v></c><c r="C6"><v>6</v></c></row>' +
    '<row r="7"><c r="B7"><v>99</v></c></row>' +
    '<row r="9" customHeight="1" ht="20"/>' +
    "</sheetData>" +
    '<mergeCells count="2"><mergeCell ref="A6:B7"/><mergeCell ref="C9:D12"/></mergeCells>' +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';

  const EXPECTED_SHEET = [
    ["Код ОО", ' a & b <c> "d" \'e\' КО ', "Жир и A _x00e9_ ", "line\r\nbreak", "東京", "", "только"],
    ["Встроенная & строка", "богатаяB", "x & y", false, { error: "#VALUE!" }, 1500],
    [],
    // A formula's cached 0, false and "" are its value (exceljs loses them); one with no cached
    // value, or a number cell's cached non-number, is marked.
    [null, -0.0025, { error: "#DIV/0!" }, "q <r>", true, 7, 8, { error: FORMULA_WITHOUT_VALUE }, 0, false, "", { error: UNKNOWN_FORMULA_ERROR }, 3],
    [],
    ["Код ОО", null, 6],
  ];

  it("reads what exceljs in memory reads, at any chunk size", async () => {
    const bytes = pkg(
      [
        { name: "Данные &amp; итоги", xml: SHEET, file: "sheet7.xml" },
        { name: "Второй", xml: '<sheetData><row r="3"><c r="C3"><v>3</v></c></row></sheetData>', file: "sheet2.xml" },
        { name: "Пустой", xml: "<sheetData/>", file: "sheet1.xml" },
      ],
      SST,
      ["xl/worksheets/sheet2.xml"],
    );
    const raw = await expectSameAsInMemory(save(bytes), bytes);
    expect(raw.sheets.map((s) => s.name)).toEqual(["Данные & итоги", "Второй", "Пустой"]);
    expect(raw.sheets[0]!.rows).toEqual(EXPECTED_SHEET);
    expect(raw.sheets[1]!.rows).toEqual([[], [], [null, null, 3]]);
  });

  it("tolerates XML that exceljs does not: prefixes, comments, CDATA, quotes, missing references", async () => {
    const xml =
      "<!-- a comment with <c> and > inside --><x:sheetData>" +
      "<x:row r='1'><x:c r = 'A1' t = 'inlineStr'><x:is><x:t><![CDATA[a & <b>]]> &amp; c</x:t></x:is></x:c><x:c t=\"b\"><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row>" +
      "<x:row><x:c r=\"C2\"><x:v>3</x:v></x:c><?pi something?><x:c><x:v>4</x:v></x:c></x:row>" +
      "</x:sheetData>";
    const bytes = pkg([{ name: "Префиксы", xml: xml.replace(/<x:/g, "<x:").replace("<x:sheetData>", '<x:sheetData xmlns:x="urn:x">') }]);
    const file = save(bytes);
    const expected = {
      sheets: [
        {
          name: "Префиксы",
          rows: [
            ["a & <b> & c", true, 2],
            [null, null, 3, 4],
          ],
        },
      ],
    };
    expect(await readXlsxFile(file)).toEqual(expected);
    for (const chunkSize of [1, 2, 3, 9]) expect(await readXlsxStream(file, { chunkSize })).toEqual(expected);
  });

  it("gives a cell that is not a number in a number cell as the unknown formula error", async () => {
    const bytes = pkg([{ name: "S", xml: '<sheetData><row r="1"><c r="A1"><v>abc</v></c><c r="B1"><v>0</v></c></row></sheetData>' }]);
    const file = save(bytes);
    expect(await readXlsxFile(file)).toEqual({ sheets: [{ name: "S", rows: [[{ error: UNKNOWN_FORMULA_ERROR }, 0]] }] });
    expect(await readXlsxFile(file)).toEqual(await readXlsx(bytes));
  });
});
