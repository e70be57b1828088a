/**
 * Dates typed into numeric columns (#14): the streaming reader marks numbers whose cell format
 * shows a date or time (tests/fixtures/dates, made by make-date-fixtures.ts), and parsing reports
 * each such number in a numeric column as an error at its cell instead of reading 01.03.2025 as
 * 45 717. The date format rules and the serial → date text are checked on their own below.
 */
import * as path from "node:path";
import { parseWorkbook } from "../../src/schema";
import { formatExcelDate, isBuiltInDateFormat, isDateFormatCode } from "../../src/schema/dateFormats";
import { dateCellKey, type RawWorkbook } from "../../src/schema/raw";
import { readXlsxFile } from "../../src/workbook/xlsxFile";

const dir = path.join(__dirname, "..", "fixtures", "dates");

async function parseFixture(name: string) {
  return parseWorkbook(await readXlsxFile(path.join(dir, name)));
}

describe("dates in numeric columns", () => {
  it("reports each date typed into a count or score column with its cell and the date", async () => {
    const result = await parseFixture("error.dates-in-numbers.xlsx");
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.code, i.severity, i.message])).toEqual([
      ["date-in-number-column", "error", "Школы!E3: дата 01.03.2025 в числовом столбце «Численность обучающихся» — введите число"],
      ["date-in-number-column", "error", "Результаты!F2: дата 15.09.2024 в числовом столбце «Участников» — введите число"],
      ["date-in-number-column", "error", "Баллы!G3: дата 10.01.2024 12:30 в числовом столбце «Балл» — введите число"],
    ]);
  });

  it("reads the date of a workbook that counts from 1904", async () => {
    const result = await parseFixture("error.date-1904.xlsx");
    expect(result.issues.map((i) => i.message)).toEqual(["Школы!E3: дата 01.03.2025 в числовом столбце «Численность обучающихся» — введите число"]);
  });

  it("reads numbers with formats that only look like dates (quoted text, colours, units) as numbers", async () => {
    const wb = await readXlsxFile(path.join(dir, "ok.number-formats.xlsx"));
    expect(wb.sheets.every((s) => s.dateCells === undefined)).toBe(true);
    const result = await parseFixture("ok.number-formats.xlsx");
    expect(result.issues).toEqual([]);
    expect(result.ok && result.input.schools.map((s) => s.enrollment)).toEqual([500, 80, 150]);
  });

  it("marks only the date cells, by 0-based row and column", async () => {
    const wb = await readXlsxFile(path.join(dir, "error.dates-in-numbers.xlsx"));
    const dates = Object.fromEntries(wb.sheets.map((s) => [s.name, [...(s.dateCells ?? [])]]));
    expect(dates).toEqual({ Школы: [dateCellKey(2, 4)], Результаты: [dateCellKey(1, 5)], Баллы: [dateCellKey(2, 6)], Шкалы: [] });
  });

  it("leaves a date in a text column and a date in a column it does not read alone", () => {
    const wb: RawWorkbook = {
      sheets: [
        {
          name: "Школы",
          rows: [
            ["Код ОО", "Наименование", "Муниципалитет", "Местность", "Численность обучающихся", "Дв, %", "Дн, %", "Ду, %", "Дата заполнения"],
            ["1", 45717, "Город", "город", 100, 10, 10, 1, 45717],
          ],
          dateCells: new Set([dateCellKey(1, 1), dateCellKey(1, 8)]),
        },
      ],
    };
    expect(parseWorkbook(wb).issues.filter((i) => i.code === "date-in-number-column")).toEqual([]);
  });

  it("puts a date found on «Баллы 2» back at its own cell", () => {
    const header = ["Код ОО", "Год", "Процедура", "Класс", "Код участника", "Предмет", "Балл"];
    const wb: RawWorkbook = {
      sheets: [
        { name: "Баллы", rows: [header, ["1", 2024, "ВПР", 5, "P1", "Математика", 10]] },
        // Columns in another order: «Балл» is column B here.
        { name: "Баллы 2", rows: [["Код ОО", "Балл", "Год", "Процедура", "Класс", "Код участника", "Предмет"], ["1", 45717, 2024, "ВПР", 5, "P2", "Математика"]], dateCells: new Set([dateCellKey(1, 1)]) },
      ],
    };
    expect(parseWorkbook(wb).issues.filter((i) => i.code === "date-in-number-column").map((i) => i.message)).toEqual([
      "'Баллы 2'!B2: дата 01.03.2025 в числовом столбце «Балл» — введите число",
    ]);
  });
});

describe("date formats", () => {
  it.each([
    ["dd.mm.yyyy", true],
    ["[$-419]d mmmm yyyy", true],
    ["h:mm", true],
    ["[h]:mm:ss", true],
    ["mm:ss", true],
    ["DD/MM/YY", true],
    ["0", false],
    ["0.00", false],
    ["General", false],
    ["#,##0", false],
    ['0" дн."', false],
    ['0.0\\ "км"', false],
    ["\\d0", false],
    ["[Red]0;[Blue]-0", false],
    ["0;[Red]-0;dd", false],
    ["@", false],
    ["0%", false],
  ])("format code %j shows a date or time: %s", (code, date) => {
    expect(isDateFormatCode(code)).toBe(date);
  });

  it("knows Excel's built-in date and time formats, 14–22 and 45–47", () => {
    const ids = Array.from({ length: 60 }, (_v, i) => i).filter(isBuiltInDateFormat);
    expect(ids).toEqual([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
  });

  it.each([
    [1, false, "01.01.1900"],
    [59, false, "28.02.1900"],
    [61, false, "01.03.1900"],
    [45717, false, "01.03.2025"],
    [45717.5, false, "01.03.2025 12:00"],
    [0.75, false, "18:00"],
    [0, true, "01.01.1904"],
    [44255, true, "01.03.2025"],
  ])("serial %d (1904: %s) is %s", (serial, date1904, text) => {
    expect(formatExcelDate(serial, date1904)).toBe(text);
  });
});
