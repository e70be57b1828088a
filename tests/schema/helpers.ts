import type { CellValue, RawSheet, RawWorkbook } from "../../src/schema";

export type Rows = CellValue[][];

/** A small valid workbook, as plain rows, for tests to change one thing in. */
export function baseSheets(): Record<"Школы" | "Результаты" | "Баллы" | "Шкалы", Rows> {
  return {
    Школы: [
      ["Код ОО", "Наименование", "Муниципалитет", "Местность", "Численность обучающихся", "Дв, %", "Дн, %", "Ду, %"],
      ["07013", "СОШ № 1", "Город А", "город", 500, 30, 10, 5],
      [7014, "ООШ с. Б", "Район Б", "село", 80, 10, 25, 8],
    ],
    Результаты: [
      ["Код ОО", "Год", "Процедура", "Класс", "Предмет", "Участников", "Ниже Bmin", "Не ниже Bmid", "Не ниже Btop", "Средний балл"],
      ["07013", 2024, "ВПР", 5, "Математика", 60, 6, 30, 10, 12.5],
      ["7014", 2024, "ВПР", 5, "Математика", 12, 4, 3, 1, 9],
    ],
    Баллы: [
      ["Код ОО", "Год", "Процедура", "Класс", "Код участника", "Предмет", "Балл", "Отметка"],
      ["7014", 2024, "ЕГЭ", 11, "P1", "Русский язык", 70, null],
      ["7014", 2024, "ЕГЭ", 11, "P2", "Русский язык", 20, null],
    ],
    Шкалы: [
      ["Процедура", "Класс", "Предмет", "Минимальный балл", "Максимальный балл", "Высокий балл", "Массовый", "Балл для «3»", "Балл для «4»", "Балл для «5»"],
      ["ВПР", 5, "Математика", 7, 20, 16, "да", 7, 12, 16],
      ["ЕГЭ", 11, "Русский язык", 24, 100, 81, "да", null, null, null],
    ],
  };
}

export function toWorkbook(sheets: Partial<Record<string, Rows>>): RawWorkbook {
  const out: RawSheet[] = [];
  for (const [name, rows] of Object.entries(sheets)) if (rows !== undefined) out.push({ name, rows });
  return { sheets: out };
}

/** Sets a cell by A1 address in a rows array, growing it as needed. */
export function setCell(rows: Rows, a1: string, value: CellValue): void {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (m === null) throw new Error(`bad address ${a1}`);
  const col = [...(m[1] ?? "")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const row = Number(m[2]) - 1;
  while (rows.length <= row) rows.push([]);
  const r = rows[row] ?? [];
  while (r.length <= col) r.push(null);
  r[col] = value;
  rows[row] = r;
}
