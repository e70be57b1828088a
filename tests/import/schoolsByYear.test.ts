/**
 * «Школы» with the optional «Год» (SPEC §1, seed 001's "risks removed" needs two years): a code on
 * two rows of different years is one school, and the import joins it; the same code twice in
 * one year (or with no year) is still ambiguous.
 */
import { assembleImport, ImportSession } from "../../src/import";
import type { CellValue, RawSheet } from "../../src/schema/raw";

const KEY = new Uint8Array(32).fill(5);

function protocolSession(): ImportSession {
  const rows = [
    ["Протокол проверки результатов ЕГЭ"],
    ["22 - Математика (базовый уровень) 2025.06.04"],
    ["№", "Код МСУ", "Код ОО", "Класс", "Фамилия", "Имя", "Отчество", "Первичный балл", "Балл"],
    [1, 1, 7002, "11А", "Тестов", "Тест", "Тестович", 15, 4],
  ];
  const s = new ImportSession({ nameKey: KEY });
  s.addWorkbook("ЕГЭ.xlsx", { sheets: [{ name: "Page 1", rows }] });
  return s;
}

function schools(rows: CellValue[][]): RawSheet {
  return { name: "Школы", rows: [["Код ОО", "Наименование", "Муниципалитет", "Год"], ...rows] };
}

const ambiguous = (s: ImportSession, base: RawSheet): string[] =>
  assembleImport(s, [base]).issues.filter((i) => i.code === "join-ambiguous").map((i) => i.message);

describe("joining schools through «Школы» with «Год»", () => {
  it("one code in 2024 and 2025 is one school: joined, no ambiguity", () => {
    const base = schools([
      ["7002", "Школа № 2", "Район А", 2024],
      ["7002", "Школа № 2", "Район А", 2025],
    ]);
    expect(ambiguous(protocolSession(), base)).toEqual([]);
  });

  it("one code twice in the same year is ambiguous, with both rows named", () => {
    const base = schools([
      ["7002", "Школа № 2", "Район А", 2025],
      ["7002", "Школа № 2а", "Район Б", 2025],
    ]);
    expect(ambiguous(protocolSession(), base)).toEqual(["код ОО 7002 встречается на листе «Школы» 2 раза (строки 2, 3); школу не определить"]);
  });

  it("one code twice where one row has no year is ambiguous", () => {
    const base = schools([
      ["7002", "Школа № 2", "Район А", 2025],
      ["7002", "Школа № 2", "Район А", null],
    ]);
    expect(ambiguous(protocolSession(), base)).toHaveLength(1);
  });
});
