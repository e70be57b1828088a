// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose ESM dependencies jest cannot load.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));

/**
 * «Импорт выгрузок» into the open workbook in Excel (office-addin-mock behind the fake Excel of
 * fakeExcel.ts): the join goes through the workbook's own «Школы», read through the Office
 * adapter in blocks; new sheets are added and existing ones get only the rows that differ, every
 * write a block within the row limit; with no «Школы» anywhere the schools are added with a
 * warning, as `shnor import` does.
 */
import * as fs from "fs";
import * as path from "path";
import { webcrypto } from "crypto";
import { TextEncoder as NodeTextEncoder } from "util";
import type { RawSheet } from "../../src/schema/raw";
import { importChosenFiles, type ChosenFile } from "../../src/taskpane/importExports";
import { toInputSheets } from "../../src/workbook/importSheets";
import type { InputSheet } from "../../src/workbook/inputWriter";
import { OfficeWorkbook } from "../../src/workbook/officeAdapter";
import { isImportTarget, readImportBase, writeImportSheets } from "../../src/workbook/officeImport";
import { readXlsx } from "../../src/workbook/xlsxReader";
import type { ComputeClient } from "../../src/taskpane/compute/client";
import { OPEN_WORKBOOK, officeWorkspace } from "../../src/taskpane/officeWorkspace";
import { FakeWorkbook, type Value } from "./fakeExcel";

const g = globalThis as unknown as { TextEncoder?: unknown; crypto?: unknown };
if (g.TextEncoder === undefined) g.TextEncoder = NodeTextEncoder;
if (g.crypto === undefined) g.crypto = webcrypto;

const EXPORTS = path.resolve(__dirname, "../fixtures/exports");

function chosen(rel: string): ChosenFile {
  const bytes = fs.readFileSync(path.join(EXPORTS, rel));
  return { name: path.basename(rel), bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
}

/** The fixture «Школы» workbook's sheets as cell values of the fake Excel (codes as text). */
async function schoolsWorkbook(): Promise<{ name: string; values: Value[][] }[]> {
  const wb = await readXlsx(fs.readFileSync(path.join(EXPORTS, "школы.xlsx")));
  return wb.sheets.map((s) => ({ name: s.name, values: s.rows.map((r) => r.map((v) => (v === null ? "" : typeof v === "object" ? v.error : v))) }));
}

/** Value writes to a sheet as [first row, last row] (1-based, as Excel shows them). */
function valueWrites(book: FakeWorkbook, sheet: string): [number, number][] {
  return book
    .writesTo(sheet)
    .filter((l) => l.kind === "values")
    .map((l) => {
      const m = /!([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(l.address);
      return [Number(m?.[2]), Number(m?.[4])];
    });
}

const rowsOf = (book: FakeWorkbook, name: string): Value[][] => {
  const s = book.sheet(name);
  const { rows, columns } = s.extent();
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => s.get(r, c)));
};

/** One import as the pane runs it in Excel: read the base, import the files, write. */
async function importInto(book: FakeWorkbook, files: readonly ChosenFile[]) {
  const excel = book.excel();
  const office = new OfficeWorkbook(excel, { writeBlockRows: 4 });
  const base = await readImportBase(office, undefined, undefined, 3);
  const found = await importChosenFiles(files, undefined, base.length === 0 ? null : { name: "открытая книга", sheets: base });
  if (found.assembled.fatal !== null) throw new Error(found.assembled.fatal);
  const syncsBefore = book.syncs;
  const report = await writeImportSheets(excel, office, toInputSheets(found.assembled.sheets), found.openSheets, { writeBlockRows: 4 });
  return { found, report, syncs: book.syncs - syncsBefore };
}

describe("«Импорт выгрузок» into the open workbook", () => {
  it("joins through the workbook's own «Школы» read in blocks, appends the unknown schools to it, adds «Баллы» in blocks of rows", async () => {
    const book = new FakeWorkbook();
    for (const s of await schoolsWorkbook()) book.addSheet(s.name, s.values);
    book.addSheet("Заметки", [["не трогать"]]);
    // A read of more than 20 cells fails like the 5 MB cap: the reader halves its blocks.
    book.maxReadCells = 20;
    book.log.length = 0;
    const schoolsBefore = rowsOf(book, "Школы");

    const { found, report } = await importInto(book, [chosen("good/ВПР_2025_РУ_4.xlsx"), chosen("good/ОГЭ_2025_протокол.xlsx")]);
    expect(book.failedReads).toBeGreaterThan(0);
    expect(found.baseIsOpen).toBe(true);
    expect(found.base).toBe("открытая книга");
    expect(report).toEqual({ added: ["Баллы"], updated: ["Школы"], unchanged: ["Шкалы"] });

    // «Школы»: the four schools untouched, the two unknown ones appended (one write, rows 6–7).
    const schools = rowsOf(book, "Школы");
    expect(schools.slice(0, schoolsBefore.length)).toEqual(schoolsBefore);
    expect(schools.slice(schoolsBefore.length).map((r) => [r[0], r[2], r[8]])).toEqual([
      ["edu100099", "Шалинский район", "edu100099"],
      ["7999", "код МСУ 1", ""],
    ]);
    expect(valueWrites(book, "Школы")).toEqual([[6, 7]]);
    // Codes as text before their values.
    expect(book.sheet("Школы").format(5, 0).numberFormat).toBe("@");
    expect(book.writesTo("Шкалы")).toEqual([]);
    expect(book.writesTo("Заметки")).toEqual([]);

    // «Баллы»: 14 results (ВПР by login → 7001, 7002; ОГЭ by «Код ОО»), written 4 rows at a time.
    const scores = rowsOf(book, "Баллы");
    expect(scores).toHaveLength(15);
    expect(scores.slice(1).map((r) => r[0])).toEqual(["7001", "7001", "7001", "7002", "7002", "7002", "edu100099", "7001", "7001", "7003", "7999", "7001", "7001", "7003"]);
    expect(valueWrites(book, "Баллы")).toEqual([[1, 1], [2, 5], [6, 9], [10, 13], [14, 15]]);
    // The warning names the school code and the cell; no participant's name anywhere.
    expect(found.assembled.issues.filter((i) => i.code === "school-added").map((i) => `${i.file}, ${i.sheet}!${i.cell}`)).toEqual([
      "ВПР_2025_РУ_4.xlsx, РУ 4 Индивидуальные результаты!A21",
      "ОГЭ_2025_протокол.xlsx, Page 1!C10",
    ]);
    const people = JSON.parse(fs.readFileSync(path.join(EXPORTS, "people.json"), "utf8")) as string[][];
    const everything = JSON.stringify(book.sheets.map((s) => s.values));
    for (const p of people.flat()) expect(everything).not.toContain(p);
  });

  it("a second import replaces the unit imported again: rows rewritten from the first change, the schools left alone", async () => {
    const book = new FakeWorkbook();
    for (const s of await schoolsWorkbook()) book.addSheet(s.name, s.values);
    await importInto(book, [chosen("good/ВПР_2025_РУ_4.xlsx"), chosen("good/ОГЭ_2025_протокол.xlsx")]);
    book.log.length = 0;
    const { report } = await importInto(book, [chosen("good/ВПР_2025_РУ_4.xlsx")]);
    expect(report).toEqual({ added: [], updated: ["Баллы"], unchanged: ["Школы", "Шкалы"] });
    expect(book.writesTo("Школы")).toEqual([]);
    const scores = rowsOf(book, "Баллы").slice(1);
    // ВПР 4 imported twice is there once (7 rows, the kept ОГЭ rows first), ОГЭ unchanged.
    expect(scores.map((r) => r[2])).toEqual([...new Array(7).fill("ОГЭ"), ...new Array(7).fill("ВПР")]);
    // The header row is not written again.
    expect(valueWrites(book, "Баллы").every(([a]) => a >= 2)).toBe(true);
  });

  it("with no «Школы» in the workbook or among the files: every school added with a warning, «Школы» added as a sheet", async () => {
    const book = new FakeWorkbook();
    book.addSheet("Лист1", []);
    const { found, report } = await importInto(book, [chosen("good/ОГЭ_2025_протокол.xlsx")]);
    expect(found.base).toBeNull();
    expect(found.baseIsOpen).toBe(false);
    expect(report.added).toEqual(["Школы", "Баллы", "Шкалы"]);
    expect(rowsOf(book, "Школы").slice(1).map((r) => r[0])).toEqual(["7001", "7003", "7999"]);
    expect(found.assembled.issues.filter((i) => i.code === "school-added")).toHaveLength(3);
    expect(found.assembled.issues.find((i) => i.code === "school-added")?.message).toContain("не найден на листе «Школы»: школа добавлена на лист «Школы» без социальных показателей");
  });

  it("the open workbook's «Школы» wins over a chosen «Школы» workbook, which is named in a warning", async () => {
    const book = new FakeWorkbook();
    book.addSheet("Школы", [
      ["Код ОО", "Наименование", "Муниципалитет", "Местность", "Численность обучающихся", "Дв, %", "Дн, %", "Ду, %", "Логин ФИС ОКО"],
      ["9001", "Школа из книги", "г. Грозный", "город", 100, 1, 1, 1, "edu100001"],
    ]);
    const { found } = await importInto(book, [chosen("good/ВПР_2025_РУ_4.xlsx"), chosen("школы.xlsx")]);
    expect(found.assembled.issues.find((i) => i.code === "schools-file-unused")).toEqual(
      expect.objectContaining({ file: "школы.xlsx", message: "школы сопоставляются по листу «Школы» открытой книги (открытая книга); лист «Школы» этого файла не использован" }),
    );
    // edu100001 joins the workbook's 9001; the fixture's other logins are added.
    expect(new Set(rowsOf(book, "Баллы").slice(1).map((r) => r[0]))).toEqual(new Set(["9001", "edu100002", "edu100099"]));
  });
});

describe("the Excel workspace's import", () => {
  it("reads the base with the reading progress and writes through the diff writer, reporting the sheets it added to", async () => {
    const book = new FakeWorkbook();
    for (const s of await schoolsWorkbook()) book.addSheet(s.name, s.values);
    const settings = { get: () => undefined, set: () => undefined, saveAsync: () => undefined };
    const stages: string[] = [];
    const ws = officeWorkspace(book.excel(), settings, {} as ComputeClient, {
      writing: (sheet) => `Запись листа «${sheet}»`,
      template: "Шаблон",
      reading: (sheet, rows) => `Чтение «${sheet}»: ${rows}`,
    });
    const signal = new AbortController().signal;
    const base = await ws.importBase?.((p) => stages.push(p.stage), signal);
    expect(base?.name).toBe(OPEN_WORKBOOK);
    expect(base?.sheets.map((s) => [s.name, s.rows.length])).toEqual([["Школы", 5], ["Шкалы", 4]]);
    expect(stages).toContain("Чтение «Школы»: 5");
    const found = await importChosenFiles([chosen("good/ОГЭ_2025_протокол.xlsx")], undefined, base ?? null);
    const outcome = await ws.importSheets?.("x.xlsx", toInputSheets(found.assembled.sheets), (p) => stages.push(p.stage), signal, found.openSheets);
    expect(outcome).toEqual({ added: ["Баллы"], updated: ["Школы"], skipped: ["Шкалы"] });
    expect(stages).toEqual(expect.arrayContaining(["Запись листа «Школы»", "Запись листа «Баллы»"]));
  });
});

describe("writeImportSheets", () => {
  const sheet = (name: string, header: string[], rows: (string | number | null)[][], textColumns: number[] = [0]): InputSheet => ({ name, header, textColumns, rows: () => rows });

  it("writes only the rows that differ, clears rows left over below, keeps text as text", async () => {
    const book = new FakeWorkbook();
    const old: Value[][] = [["Код ОО", "Год", "Балл"], ["001", 2025, 10], ["002", 2025, 11], ["003", 2025, 12], ["004", 2025, 13], ["005", 2025, 14]];
    book.addSheet("Баллы", old.map((r) => [...r]));
    const base: RawSheet[] = [{ name: "Баллы", rows: old.map((r) => [...r]) }];
    book.log.length = 0;
    const report = await writeImportSheets(book.excel(), new OfficeWorkbook(book.excel()), [sheet("Баллы", ["Код ОО", "Год", "Балл"], [["001", 2025, 10], ["=1+1", 2025, 20], ["003", 2025, 12]])], base, { writeBlockRows: 2 });
    expect(report).toEqual({ added: [], updated: ["Баллы"], unchanged: [] });
    // Row 3 rewritten, rows 5–6 cleared; rows 1, 2 and 4 not touched.
    expect(valueWrites(book, "Баллы")).toEqual([[3, 3], [5, 6]]);
    expect(rowsOf(book, "Баллы")).toEqual([["Код ОО", "Год", "Балл"], ["001", 2025, 10], ["=1+1", 2025, 20], ["003", 2025, 12]]);
    expect(book.sheet("Баллы").format(2, 0)).toEqual(expect.objectContaining({ numberFormat: "@", formula: false }));
  });

  it("cuts a long run of changed rows into blocks, one sync each", async () => {
    const book = new FakeWorkbook();
    book.addSheet("Баллы", [["Код ОО", "Балл"]]);
    const rows = Array.from({ length: 10 }, (_, i) => [`00${i}`, i]);
    const before = book.syncs;
    await writeImportSheets(book.excel(), new OfficeWorkbook(book.excel()), [sheet("Баллы", ["Код ОО", "Балл"], rows)], [{ name: "Баллы", rows: [["Код ОО", "Балл"]] }], { writeBlockRows: 3 });
    expect(valueWrites(book, "Баллы")).toEqual([[2, 4], [5, 7], [8, 10], [11, 11]]);
    // One sync for the sheet names, one per block.
    expect(book.syncs - before).toBe(1 + 4);
    expect(book.suspended).toBe(4);
  });

  it("knows which sheets it writes", () => {
    expect(["Школы", "Шкалы", "Результаты", "Баллы", "Баллы 2", "баллы"].map(isImportTarget)).toEqual([true, true, true, true, true, true]);
    expect(["Итоги", "Лист1", "Заметки"].map(isImportTarget)).toEqual([false, false, false]);
  });
});
