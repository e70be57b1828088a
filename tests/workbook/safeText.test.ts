/**
 * Every text a result sheet holds is one an .xlsx can carry: no XML-forbidden characters (a
 * U+FFFE in a school's name made the whole output unreadable), none over Excel's 32,767
 * characters (cut, and the cut cells reported). Checked on the specs and on the written file.
 */
import ExcelJS from "exceljs";
import { FileWorkbook } from "../../src/workbook/fileAdapter";
import type { SheetSpec } from "../../src/workbook/port";
import { cutWarning, EXCEL_MAX_CELL_CHARS, safeSheetSpecs, xmlSafe } from "../../src/workbook/safeText";

describe("xmlSafe", () => {
  it.each([
    ["U+FFFE and U+FFFF", "Школа\ufffe №1\uffff", "Школа №1"],
    ["C0 controls", "a\u0000b\u0001c\u001fd\u000be", "abcde"],
    ["a lone high surrogate", "x\ud800y", "xy"],
    ["a lone low surrogate", "x\udc00y", "xy"],
    ["a non-character of another plane (U+1FFFE)", "x\ud83f\udffey", "xy"],
    ["the non-characters U+FDD0–U+FDEF", "x\ufdd0\ufdefy", "xy"],
  ])("removes %s", (_name, text, safe) => {
    expect(xmlSafe(text)).toBe(safe);
  });

  it.each([
    ["tabs, line feeds and carriage returns", "a\tb\nc\r\nd"],
    ["a surrogate pair (emoji)", "школа 🏫"],
    ["Cyrillic and typography", "«Ёлка» — № 5"],
  ])("keeps %s", (_name, text) => {
    expect(xmlSafe(text)).toBe(text);
  });
});

describe("xmlSafe's quick scan", () => {
  // The one full replacement it used to run on every text, kept as the reference.
  // eslint-disable-next-line no-control-regex
  const REFERENCE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufdd0-\ufdef\ufffe\uffff]|[\ud83f\ud87f\ud8bf\ud8ff\ud93f\ud97f\ud9bf\ud9ff\uda3f\uda7f\udabf\udaff\udb3f\udb7f\udbbf\udbff][\udffe\udfff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

  it("cleans every UTF-16 code unit, alone and between letters, as the full replacement does", () => {
    const differing: number[] = [];
    let removed = 0;
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `ab${ch}`, `${ch}ж`, `x${ch}${ch}y`]) {
        const expected = text.replace(REFERENCE, "");
        if (xmlSafe(text) !== expected) differing.push(c);
        if (expected.length < text.length) removed++;
      }
    }
    expect(differing).toEqual([]);
    // C0 (29), non-characters (34) and the surrogates (2,048) are removed in each of the four texts.
    expect(removed).toBe(4 * (29 + 34 + 2048));
  });

  it("cleans every plane's last two code points and pairs in every order as the full replacement does", () => {
    for (let plane = 1; plane <= 16; plane++) {
      for (const low of [0xfffd, 0xfffe, 0xffff]) {
        const cp = String.fromCodePoint(plane * 0x10000 + low);
        const high = cp.charCodeAt(0);
        const lowUnit = cp.charCodeAt(1);
        for (const text of [cp, `a${cp}b`, `${String.fromCharCode(lowUnit)}${String.fromCharCode(high)}`, `${cp}${String.fromCharCode(high)}`]) {
          expect(xmlSafe(text)).toBe(text.replace(REFERENCE, ""));
        }
      }
    }
  });
});

const spec = (rows: (string | number | null)[][]): SheetSpec => ({
  name: "Итоги",
  columns: [
    { header: "Код\uffff", width: 10, format: "@" },
    { header: "Причины", width: 40, format: "@" },
  ],
  rows,
  styles: [],
  table: null,
  freezeHeader: true,
});

describe("safeSheetSpecs", () => {
  it("cuts a cell to 32,767 characters and reports where", () => {
    const long = "я".repeat(EXCEL_MAX_CELL_CHARS + 10);
    const { specs, cut } = safeSheetSpecs([spec([["1", "коротко"], ["2", long]])]);
    expect((specs[0]!.rows[1]![1] as string).length).toBe(EXCEL_MAX_CELL_CHARS);
    expect(cut).toEqual([{ sheet: "Итоги", cell: "B3" }]);
    expect(specs[0]!.columns[0]!.header).toBe("Код");
    expect(cutWarning(cut)).toMatch(/текст 1 ячеек длиннее 32\s767 символов \(предел Excel\) и обрезан: Итоги!B3/);
    expect(cutWarning([])).toBeNull();
  });

  it("never splits a surrogate pair at the cut", () => {
    const text = "a".repeat(EXCEL_MAX_CELL_CHARS - 1) + "🏫🏫";
    const { specs } = safeSheetSpecs([spec([["1", text]])]);
    const out = specs[0]!.rows[0]![1] as string;
    expect(out.length).toBe(EXCEL_MAX_CELL_CHARS - 1);
    expect(xmlSafe(out)).toBe(out);
  });

  it("makes the file writer produce a workbook exceljs reads back, with the report of cut cells", async () => {
    const book = FileWorkbook.create();
    const report = await book.writeResultSheets([spec([["1\ufffe", "Школа\uffff «Ёлка»"], ["2", "ж".repeat(40_000)]])]);
    expect(report.cut).toEqual(["Итоги!B3"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await book.toBuffer()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Итоги")!;
    expect(ws.getCell("A2").value).toBe("1");
    expect(ws.getCell("B2").value).toBe("Школа «Ёлка»");
    expect(String(ws.getCell("B3").value).length).toBe(EXCEL_MAX_CELL_CHARS);
  });
});
