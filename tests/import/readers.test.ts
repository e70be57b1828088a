/**
 * Each reader of src/import on the committed fixtures (tests/fixtures/exports, made by
 * scripts/make-export-fixtures.ts): values, years, grades, subjects, blanks («X», «Х», «-», «—»,
 * «нет отметки»), numbers stored as text, cut sheet names, merged headers, the .xls protocol.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ImportSession } from "../../src/import";
import type { RawWorkbook } from "../../src/schema/raw";
import { readXls } from "../../src/workbook/xlsReader";
import { readXlsxFile } from "../../src/workbook/xlsxFile";

const GOOD = resolve(__dirname, "../fixtures/exports/good");
const KEY = new Uint8Array(32).fill(3);

async function session(...files: string[]): Promise<ImportSession> {
  const s = new ImportSession({ nameKey: KEY });
  for (const f of files) {
    const path = join(GOOD, f);
    const wb: RawWorkbook = f.endsWith(".xls") ? readXls(readFileSync(path)) : await readXlsxFile(path);
    s.addWorkbook(f, wb);
  }
  return s;
}

describe("ФИС ОКО «Индивидуальные результаты»", () => {
  it("reads year, grade and subject from the title, scores and marks as numbers, blanks as blanks", async () => {
    const s = await session("ВПР_2025_РУ_4.xlsx");
    const rows = s.scores.map((x) => [x.school, x.kind, x.year, x.procedure, x.grade, x.subject, x.participantId, x.score, x.mark, x.journalMark]);
    expect(rows).toEqual([
      ["edu100001", "login", 2025, "ВПР", 4, "Русский язык", "10001", 35, 5, 5],
      // «нет отметки» in the journal is a blank, not a zero.
      ["edu100001", "login", 2025, "ВПР", 4, "Русский язык", "10002", 24, 4, null],
      // Code, score and mark stored as text.
      ["edu100001", "login", 2025, "ВПР", 4, "Русский язык", "10003", 14, 3, 4],
      // 10004 has «X» for a score: left out, never a zero.
      ["edu100002", "login", 2025, "ВПР", 4, "Русский язык", "20001", 13, 2, 3],
      ["edu100002", "login", 2025, "ВПР", 4, "Русский язык", "20002", 33, 5, 4],
      ["edu100002", "login", 2025, "ВПР", 4, "Русский язык", "20003", 23, 3, 3],
      ["edu100099", "login", 2025, "ВПР", 4, "Русский язык", "30001", 30, 4, 4],
    ]);
    const left = s.issues.filter((i) => i.code === "row-left-out");
    expect(left).toEqual([expect.objectContaining({ file: "ВПР_2025_РУ_4.xlsx", sheet: "РУ 4 Индивидуальные результаты", cell: "L14", message: "строка пропущена: нет первичного балла" })]);
    expect(s.maxima).toEqual([expect.objectContaining({ procedure: "ВПР", grade: 4, subject: "Русский язык", year: 2025, max: 38 })]);
    expect(s.reports).toEqual([
      expect.objectContaining({ form: "fisIndividual", procedure: "ВПР", subjects: ["Русский язык"], grades: [4], years: [2025], schools: 3, rows: 7, leftOut: 1, reasons: ["нет первичного балла: 1"] }),
    ]);
    // School names come from the school rows and the «Название ОО» column.
    expect(s.schools.get("login\u0000edu100099")).toEqual(expect.objectContaining({ name: "МКОУ «ООШ с. Тестовое»", municipality: "Шалинский район" }));
  });

  it("reads a sheet whose name is cut at 31 characters, a login taken from the school row, and a header over two merged rows", async () => {
    const s = await session("ВПР_2025_МА.xlsx");
    const by = (grade: number) => s.scores.filter((x) => x.grade === grade).map((x) => [x.school, x.participantId, x.score, x.mark, x.journalMark]);
    expect(by(5)).toEqual([
      ["edu100001", "10101", 18, 5, 5],
      ["edu100001", "10102", 9, 3, 4],
      ["edu100004", "40101", 5, 2, 3],
      ["edu100004", "40102", 14, 4, 4],
    ]);
    expect(by(6)).toEqual([
      ["edu100002", "20201", 16, 5, 4],
      ["edu100002", "20202", 7, 3, 3],
      ["edu100002", "20203", 3, 2, 2],
      ["edu100002", "20204", 11, 4, 3],
    ]);
    // The maximum stored as text "20" is a number.
    expect(s.maxima.map((m) => [m.grade, m.max])).toEqual([[5, 20], [6, 20]]);
    // The declared «Кол-во участников: 3» checks the rows.
    expect(s.issues).toContainEqual(expect.objectContaining({ code: "count-mismatch", sheet: "Математика 5 Индивидуальные рез", cell: "A12", message: "у школы edu100004 заявлено участников: 3, строк участников: 2" }));
    // The cover sheet is reported as not recognised, the file is not.
    expect(s.reports.map((r) => [r.sheet, r.form])).toEqual([
      ["Титул", null],
      ["Математика 5 Индивидуальные рез", "fisIndividual"],
      ["МА 6 Индивидуальные результаты", "fisIndividual"],
    ]);
    expect(s.issues.filter((i) => i.code === "unknown-form")).toEqual([expect.objectContaining({ severity: "info", sheet: "Титул" })]);
  });
});

describe("ФИС ОКО aggregated forms", () => {
  it("«Статистика по отметкам»: shares of marks become counts; the sample, region and municipality rows are not schools", async () => {
    const s = await session("ВПР_2025_РУ_4_статистика.xlsx");
    const rows = [...s.results.values()].map((r) => [r.school, r.year, r.procedure, r.grade, r.subject, r.participants, r.mark2, r.marks45, r.raised]);
    expect(rows).toEqual([
      // 3 × 0 % = 0 «2»; 3 × (33.33 + 33.34) % = 2 «4» and «5».
      ["edu100001", 2025, "ВПР", 4, "Русский язык", 3, 0, 2, null],
      // Shares written as text with a decimal comma: 3 × 33,33 % = 1; 3 × (0 + 33,34) % = 1.
      ["edu100002", 2025, "ВПР", 4, "Русский язык", 3, 1, 1, null],
    ]);
    expect(s.schools.get("login\u0000edu100001")).toEqual(expect.objectContaining({ name: "МБОУ «СОШ №1»", municipality: "г. Грозный" }));
  });

  it("«Сравнение отметок с отметками по журналу»: counts under a header merged over two rows", async () => {
    const s = await session("ВПР_2025_РУ_4_журнал.xlsx");
    const rows = [...s.results.values()].map((r) => [r.school, r.grade, r.participants, r.lowered, r.confirmed, r.raised, r.mark2]);
    expect(rows).toEqual([
      ["edu100001", 4, 3, 1, 1, 1, null],
      ["edu100002", 4, 3, 0, 2, 1, null],
    ]);
    expect(s.reports[0]).toEqual(expect.objectContaining({ form: "fisJournal", sheet: "Сравнение отметок с отметками п" }));
  });

  it("both aggregated forms of one school fill one «Результаты» row", async () => {
    const s = await session("ВПР_2025_РУ_4_статистика.xlsx", "ВПР_2025_РУ_4_журнал.xlsx");
    expect([...s.results.values()].map((r) => [r.school, r.participants, r.mark2, r.marks45, r.lowered, r.confirmed, r.raised])).toEqual([
      ["edu100001", 3, 0, 2, 1, 1, 1],
      ["edu100002", 3, 1, 1, 0, 2, 1],
    ]);
  });
});

describe("protocols of the processing centre", () => {
  it("ОГЭ .xlsx: blocks by subject and date, merged header cells, absent participants left out, ГВЭ left out, one person one code across blocks", async () => {
    const s = await session("ОГЭ_2025_протокол.xlsx");
    const rows = s.scores.map((x) => [x.school, x.kind, x.year, x.procedure, x.grade, x.subject, x.score, x.mark]);
    expect(rows).toEqual([
      ["7001", "code", 2025, "ОГЭ", 9, "Русский язык", 30, 5],
      ["7001", "code", 2025, "ОГЭ", 9, "Русский язык", 20, 3],
      ["7003", "code", 2025, "ОГЭ", 9, "Русский язык", 14, 2],
      ["7999", "code", 2025, "ОГЭ", 9, "Русский язык", 25, 4],
      ["7001", "code", 2025, "ОГЭ", 9, "Математика", 25, 5],
      ["7001", "code", 2025, "ОГЭ", 9, "Математика", 12, 3],
      ["7003", "code", 2025, "ОГЭ", 9, "Математика", 6, 2],
    ]);
    const ids = s.scores.map((x) => x.participantId);
    for (const id of ids) expect(id).toMatch(/^Х[0-9a-f]{16}$/);
    // The same three people sat both exams: the same codes in both blocks.
    expect(ids.slice(4)).toEqual([ids[0], ids[1], ids[2]]);
    expect(new Set(ids.slice(0, 4)).size).toBe(4);
    expect(s.issues).toContainEqual(expect.objectContaining({ code: "row-left-out", cell: "R9", message: "строка пропущена: нет балла (неявка или аннулирован)" }));
    expect(s.issues).toContainEqual(expect.objectContaining({ code: "block-left-out", cell: "A20", severity: "info" }));
    expect(s.reports[0]).toEqual(expect.objectContaining({ form: "protocol", procedure: "ОГЭ", subjects: ["Русский язык", "Математика"], grades: [9], years: [2025], schools: 3, rows: 7, leftOut: 1 }));
  });

  it("ЕГЭ .xls (made by LibreOffice): test scores, profile mathematics, the oral part left out, documents in the hash", async () => {
    const s = await session("ЕГЭ_2025_протокол.xls");
    expect(s.scores.map((x) => [x.school, x.procedure, x.grade, x.subject, x.score, x.mark])).toEqual([
      ["7002", "ЕГЭ", 11, "Русский язык", 70, null],
      ["7002", "ЕГЭ", 11, "Русский язык", 55, null],
      ["7002", "ЕГЭ", 11, "Математика профильная", 72, null],
    ]);
    expect(s.scores[2]?.participantId).toBe(s.scores[0]?.participantId);
    expect(s.issues).toContainEqual(expect.objectContaining({ code: "block-left-out", message: expect.stringContaining("устная часть") }));
  });

  it("the same names under another key give other codes: the code is keyed, not a plain hash", async () => {
    const a = await session("ОГЭ_2025_протокол.xlsx");
    const b = new ImportSession({ nameKey: new Uint8Array(32).fill(4) });
    b.addWorkbook("x", await readXlsxFile(join(GOOD, "ОГЭ_2025_протокол.xlsx")));
    expect(b.scores.map((x) => x.participantId)).not.toContain(a.scores[0]?.participantId);
  });
});

describe("ЕГЭ basic mathematics", () => {
  it("is scored by its primary score and marked by its five-point «Балл», not read as a test score", () => {
    const rows = [
      ["Протокол проверки результатов ЕГЭ"],
      ["22 - Математика (базовый уровень) 2025.06.04"],
      ["№", "Код МСУ", "Код ОО", "Класс", "Фамилия", "Имя", "Отчество", "Первичный балл", "Балл"],
      [1, 1, 7002, "11А", "Тестов", "Тест", "Тестович", 15, 4],
      ["Средние"],
    ];
    const s = new ImportSession({ nameKey: KEY });
    s.addWorkbook("ЕГЭ.xlsx", { sheets: [{ name: "Page 1", rows }] });
    expect(s.scores.map((x) => [x.procedure, x.subject, x.score, x.mark])).toEqual([["ЕГЭ", "Математика базовая", 15, 4]]);
  });
});

describe("recognition by content, not by name or position", () => {
  it("a sheet shifted down and right, with a Latin «X» title and lower-case labels, is still read", () => {
    const pad = (row: (string | number | null)[]): (string | number | null)[] => [null, null, ...row];
    const rows = [
      [],
      [],
      pad(["индивидуальные результаты"]),
      pad(["BПP 2024 Окружающий мир 4 класс"]),
      pad(["максимальный первичный балл:", null, "32"]),
      [],
      pad(["оо", "Код  участника", "ПЕРВИЧНЫЙ БАЛЛ", "Отметка"]),
      pad(["edu777777", "5", "17", "4"]),
      pad(["edu777777", "6", "х", "х"]),
    ];
    const s = new ImportSession({ nameKey: KEY });
    s.addWorkbook("f.xlsx", { sheets: [{ name: "Лист1", rows }] });
    expect(s.scores.map((x) => [x.school, x.year, x.grade, x.subject, x.score, x.mark])).toEqual([["edu777777", 2024, 4, "Окружающий мир", 17, 4]]);
    expect(s.maxima[0]?.max).toBe(32);
  });
});
