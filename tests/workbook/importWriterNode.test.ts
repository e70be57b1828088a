/**
 * The import's streaming .xlsx writer (src/workbook/importWriterNode.ts): the rows are encoded to
 * UTF-8 in chunks of about a megabyte, so values must come back the same across chunk
 * boundaries, in every kind of text (Cyrillic, XML specials, forbidden control characters,
 * leading and trailing spaces, a single cell longer than a chunk). Read back by our streaming
 * reader and by exceljs.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CellValue } from "../../src/schema/raw";
import type { InputSheet } from "../../src/workbook/inputWriter";
import { writeImportWorkbookFile } from "../../src/workbook/importWriterNode";
import { readXlsxFile } from "../../src/workbook/xlsxFile";

const dir = mkdtempSync(join(tmpdir(), "shnor-import-writer-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = ["Код ОО", "Год", "Предмет", "Балл", "Примечание"];
const LONG = "Ж".repeat(700_000); // 1.4 MB of UTF-8 in one cell: larger than a chunk

/** 30,000 rows (several megabytes of XML, so many chunks) with special values sprinkled in. */
function rowAt(i: number): CellValue[] {
  const note =
    i === 7 ? "A & B <c> \"d\" 'e'" :
    i === 11 ? "  пробелы по краям  " :
    i === 13 ? "bad\u0001char\u001f" :
    i === 20_000 ? LONG :
    i % 3 === 0 ? null : `примечание ${i}`;
  return [`edu${300000 + (i % 997)}`, 2025, `Русский язык ${i % 7}`, i % 21, note];
}
const N = 30_000;

function sheet(name: string, n: number): InputSheet {
  return {
    name,
    header: HEADER,
    textColumns: [0, 2, 4],
    *rows() {
      for (let i = 0; i < n; i++) yield rowAt(i);
    },
  };
}

/** What a read-back row should be: the forbidden characters dropped, trailing blanks absent. */
function expected(i: number): CellValue[] {
  const r = rowAt(i).map((v) => (typeof v === "string" ? v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/gu, "") : v));
  while (r.length > 0 && r[r.length - 1] === null) r.pop();
  return r;
}

describe("writeImportWorkbookFile", () => {
  const path = join(dir, "регион.xlsx");
  beforeAll(async () => {
    await writeImportWorkbookFile(path, [sheet("Баллы", N), sheet("Баллы 2", 3)]);
  }, 120_000);

  it("gives back every row through the streaming reader", async () => {
    const wb = await readXlsxFile(path);
    expect(wb.sheets.map((s) => [s.name, s.rows.length])).toEqual([["Баллы", N + 1], ["Баллы 2", 4]]);
    const rows = (wb.sheets[0]?.rows ?? []).map((r) => {
      const out = [...r];
      while (out.length > 0 && (out[out.length - 1] === null || out[out.length - 1] === undefined)) out.pop();
      return out;
    });
    expect(rows[0]).toEqual(HEADER);
    for (let i = 0; i < N; i++) if (JSON.stringify(rows[i + 1]) !== JSON.stringify(expected(i))) expect([i, rows[i + 1]]).toEqual([i, expected(i)]);
    expect(rows[20_001]?.[4]).toBe(LONG);
    expect(rows[12]?.[4]).toBe("  пробелы по краям  ");
  }, 120_000);

  it("is a package exceljs opens, with the same special values", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet("Баллы");
    expect(ws?.getRow(1).getCell(1).value).toBe("Код ОО");
    expect(ws?.getRow(9).getCell(5).value).toBe("A & B <c> \"d\" 'e'");
    expect(ws?.getRow(15).getCell(5).value).toBe("badchar");
    expect(ws?.getRow(N + 1).getCell(4).value).toBe((N - 1) % 21);
    expect(wb.getWorksheet("Баллы 2")?.rowCount).toBe(4);
  }, 120_000);
});
