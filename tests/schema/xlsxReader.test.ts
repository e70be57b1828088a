import { Workbook } from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readXlsxFile } from "../../src/workbook/xlsxFile";
import { dateToSerial, readXlsx, toCellValue } from "../../src/workbook/xlsxReader";

async function bytesOf(build: (wb: Workbook) => void): Promise<Buffer> {
  const wb = new Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("toCellValue", () => {
  it.each([
    ["a number", 12.5, 12.5],
    ["text", "abc", "abc"],
    ["a boolean", true, true],
    ["nothing", undefined, null],
    ["rich text", { richText: [{ text: "Код " }, { text: "ОО", font: { bold: true } }] }, "Код ОО"],
    ["a hyperlink", { text: "Сайт школы", hyperlink: "https://example.org" }, "Сайт школы"],
    ["a formula's cached number", { formula: "A1*2", result: 14 }, 14],
    ["a formula without a cached result", { formula: "A1*2" }, null],
    ["a formula's cached error", { formula: "1/0", result: { error: "#DIV/0!" } }, { error: "#DIV/0!" }],
    ["an error value", { error: "#N/A" }, { error: "#N/A" }],
    ["a date", new Date(Date.UTC(2024, 0, 1)), 45292],
  ])("maps %s", (_t, input, expected) => {
    expect(toCellValue(input)).toEqual(expected);
  });

  it("counts dates as Excel does", () => {
    expect(dateToSerial(new Date(Date.UTC(1900, 2, 1)))).toBe(61);
  });
});

describe("readXlsx", () => {
  it("reads sheets in tab order with rows from row 1 and ragged rows", async () => {
    const bytes = await bytesOf((wb) => {
      const a = wb.addWorksheet("Школы");
      a.getCell("A1").value = "Код ОО";
      a.getCell("C3").value = 5;
      wb.addWorksheet("Шкалы").getCell("B2").value = "x";
    });
    const raw = await readXlsx(bytes);
    expect(raw.sheets.map((s) => s.name)).toEqual(["Школы", "Шкалы"]);
    expect(raw.sheets[0]?.rows).toEqual([["Код ОО"], [], [null, null, 5]]);
    expect(raw.sheets[1]?.rows).toEqual([[], [null, "x"]]);
  });

  it("keeps the top-left value of a merged range only", async () => {
    const bytes = await bytesOf((wb) => {
      const ws = wb.addWorksheet("Школы");
      ws.getCell("A1").value = "Муниципалитет";
      ws.mergeCells("A1:B2");
      ws.getCell("C1").value = 1;
    });
    const raw = await readXlsx(bytes);
    expect(raw.sheets[0]?.rows).toEqual([["Муниципалитет", null, 1]]);
  });

  it("accepts an ArrayBuffer and a Uint8Array view", async () => {
    const bytes = await bytesOf((wb) => {
      wb.addWorksheet("S").getCell("A1").value = "07013";
    });
    const pooled = new Uint8Array(bytes.length + 8);
    pooled.set(bytes, 4);
    const view = pooled.subarray(4, 4 + bytes.length);
    const ab = new Uint8Array(bytes).buffer;
    expect((await readXlsx(view)).sheets[0]?.rows).toEqual([["07013"]]);
    expect((await readXlsx(ab)).sheets[0]?.rows).toEqual([["07013"]]);
  });

  it("rejects bytes that are not an xlsx file", async () => {
    await expect(readXlsx(Buffer.from("not a zip"))).rejects.toThrow();
  });
});

describe("readXlsxFile", () => {
  it("streams a large sheet, reporting progress, with the same cells as readXlsx", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shnor-xlsx-"));
    const file = path.join(dir, "big.xlsx");
    try {
      const bytes = await bytesOf((wb) => {
        const ws = wb.addWorksheet("Баллы");
        ws.addRow(["Код ОО", "Балл", "Дата"]);
        for (let i = 0; i < 25_000; i++) ws.addRow([i % 2 === 0 ? "07013" : 7014, i % 40, null]);
        ws.getCell("C2").value = new Date(Date.UTC(2024, 0, 1));
        ws.getCell("C2").numFmt = "dd.mm.yyyy";
        ws.getCell("D2").value = { formula: "B2*2+7", result: 7 };
        ws.getCell("E2").value = { richText: [{ text: "ab" }, { text: "c" }] };
        wb.addWorksheet("Шкалы").getCell("A1").value = "Процедура";
      });
      fs.writeFileSync(file, bytes);
      const progress: [string, number][] = [];
      const streamed = await readXlsxFile(file, { onProgress: (s, n) => progress.push([s, n]) });
      const loaded = await readXlsx(bytes);
      expect(streamed.sheets.map((s) => s.name)).toEqual(["Баллы", "Шкалы"]);
      expect(streamed.sheets[0]?.rows).toHaveLength(25_001);
      expect(streamed.sheets[0]?.rows[1]).toEqual(["07013", 0, 45292, 7, "abc"]);
      expect(streamed.sheets[0]?.rows[2]).toEqual([7014, 1]);
      expect(streamed).toEqual(loaded);
      expect(progress).toEqual([
        ["Баллы", 10_000],
        ["Баллы", 20_000],
        ["Баллы", 25_001],
        ["Шкалы", 1],
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
