/**
 * Writes assets/templates/functions-example.xlsx: a small analyst's workbook that uses the
 * SHNOR.* custom functions the way a regional template would — a Школы table with Дв/Дн/Ду and
 * formulas for ИСБ, types and groups, a sheet of ВПР scores with the indices, and the native
 * PERCENTILE.INC / AVERAGE cross-checks of the regional reference values.
 * Every formula cell also stores the value our functions give, so the file reads correctly even
 * before Excel recalculates it with the add-in loaded.
 * Run: npx tsx scripts/make-functions-example.ts
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { ArgumentProblem } from "../src/functions/args";
import {
  bMinFunction,
  highIndexFunction,
  levelFunction,
  lowIndexFunction,
  massIndexFunction,
  schoolTypeFunction,
  swiFunction,
  swiGroupFunction,
} from "../src/functions/functions";
import { mean, percentileInc } from "../src/engine/percentile";

const OUT = path.join(__dirname, "..", "assets", "templates", "functions-example.xlsx");
const FIXED_DATE = new Date(Date.UTC(2025, 0, 15));

type Value = number | string | null;
type Result = number | string | { error: ExcelJS.CellErrorValue["error"] };

/** What a function returns, or the Excel error it would show. */
function evaluate(body: () => number | string): Result {
  try {
    return body();
  } catch (e) {
    if (e instanceof ArgumentProblem) return { error: e.kind === "notAvailable" ? "#N/A" : "#VALUE!" };
    throw e;
  }
}

const SCHOOLS: readonly (readonly Value[])[] = [
  // Код ОО, Наименование, Муниципалитет, Местность, Численность, Дв, Дн, Ду, Труднодоступная, Неродной, Индекс массовых
  ["0701", "МБОУ «СОШ № 1»", "Городской округ А", "город", 940, 42, 12, 3, "нет", 2, 0.71],
  ["0702", "МБОУ «СОШ № 2»", "Городской округ А", "город", 610, 28, 19, 6, "нет", 4, 0.58],
  ["0703", "МКОУ «СОШ с. Верхнее»", "Район Б", "село", 87, 9, 31, 11, "да", 18, 0.36],
  ["0704", "МКОУ «ООШ с. Нижнее»", "Район Б", "село", 46, 6, 35, 4, 42, 25, 0.47],
  ["0705", "МБОУ «Гимназия № 3»", "Городской округ А", "город", 1120, 55, 9, 1, "нет", 1, 0.83],
  ["0706", "МКОУ «СОШ пос. Лесной»", "Район В", "село", 233, 14, 26, 9, "нет", 6, 0.52],
  ["0707", "МБОУ «СОШ № 4»", "Городской округ А", "город", 780, 18, 27, 14, "нет", null, 0.39],
  ["0708", "МКОУ «СОШ с. Горное»", "Район В", "село", 152, 11, 24, 5, null, 31, 0.61],
  ["0709", "МБОУ «Лицей № 5»", "Городской округ А", "город", 890, 47, 14, 2, "нет", 3, 0.78],
  ["0710", "МКОУ «СОШ с. Речное»", "Район Б", "село", 64, 8, 38, 7, 12, 9, null],
  ["0711", "МБОУ «СОШ № 6»", "Район В", "город", 505, 22, 22, 8, "нет", 5, 0.55],
  ["0712", "МКОУ «СОШ с. Озёрное»", "Район В", "село", 118, 12, 29, 6, "нет", 14, 0.49],
];

const HEADERS = [
  "Код ОО",
  "Наименование",
  "Муниципалитет",
  "Местность",
  "Численность обучающихся",
  "Дв, %",
  "Дн, %",
  "Ду, %",
  "Труднодоступная местность / до ближайшей ОО, км",
  "Доля с неродным русским языком, %",
  "Индекс массовых результатов",
  "ИСБ",
  "Тип школы",
  "Коды типов",
  "Группа по ИСБ",
];

function schoolsSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("Школы", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.addRow(HEADERS).font = { bold: true };
  const first = 2;
  const last = first + SCHOOLS.length - 1;
  const col = (letter: string) => `${letter}$${first}:${letter}$${last}`;
  const swis = SCHOOLS.map((s) => evaluate(() => swiFunction(s[5], s[6], s[7])));
  const asColumn = (values: readonly unknown[]) => values.map((v) => [typeof v === "object" && v !== null ? null : v]);
  const swiRange = asColumn(swis);
  const duRange = asColumn(SCHOOLS.map((s) => s[7]));
  const nnRange = asColumn(SCHOOLS.map((s) => s[9]));
  const yRange = asColumn(SCHOOLS.map((s) => s[10]));
  SCHOOLS.forEach((s, i) => {
    const r = first + i;
    const swi = swis[i] as Result;
    const row = ws.addRow([...s]);
    row.getCell(12).value = { formula: `SHNOR.SWI(F${r},G${r},H${r})`, result: swi };
    const typeArgs = `L${r},${col("L")},D${r},E${r},I${r},H${r},${col("H")},J${r},${col("J")}`;
    const types = (codes: boolean) =>
      evaluate(() => schoolTypeFunction(swi, swiRange, s[3], s[4], s[8], s[7], duRange, s[9], nnRange, codes));
    row.getCell(13).value = { formula: `SHNOR.SCHOOLTYPE(${typeArgs})`, result: types(false) };
    row.getCell(14).value = { formula: `SHNOR.SCHOOLTYPE(${typeArgs},TRUE)`, result: types(true) };
    row.getCell(15).value = {
      formula: `SHNOR.SWIGROUP(K${r},L${r},${col("K")},${col("L")})`,
      result: evaluate(() => swiGroupFunction(s[10], swi, yRange, swiRange)),
    };
  });
  ws.getColumn(11).numFmt = "0%";
  ws.getColumn(12).numFmt = "0.0";
  [10, 30, 22, 10, 12, 8, 8, 8, 16, 14, 14, 8, 60, 22, 18].forEach((w, i) => (ws.getColumn(i + 1).width = w));

  // The regional reference values with Excel's own functions, to check the add-in by hand.
  const numbers = (values: readonly unknown[]) => values.filter((v): v is number => typeof v === "number");
  const checks: [string, string, number | null][] = [
    ["Q1 ИСБ (PERCENTILE.INC, 0,25)", `PERCENTILE.INC(${col("L")},0.25)`, percentileInc(numbers(swis), 0.25)],
    ["D9 Ду (PERCENTILE.INC, 0,9)", `PERCENTILE.INC(${col("H")},0.9)`, percentileInc(numbers(SCHOOLS.map((s) => s[7])), 0.9)],
    ["Среднее неродной", `AVERAGE(${col("J")})`, mean(numbers(SCHOOLS.map((s) => s[9])))],
  ];
  checks.forEach(([label, formula, value], i) => {
    const r = last + 3 + i;
    ws.getCell(`K${r}`).value = label;
    ws.getCell(`L${r}`).value = { formula, result: value ?? 0 };
    ws.getCell(`L${r}`).numFmt = "0.00";
  });
}

const SCORES: readonly (readonly Value[])[] = [
  ["У-001", 7],
  ["У-002", 8],
  ["У-003", 11],
  ["У-004", null],
  ["У-005", 12],
  ["У-006", "неявка"],
  ["У-007", 15],
  ["У-008", 20],
];

function scoresSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("Баллы ВПР");
  ws.addRow(["Код участника", "Балл", "Уровень", "", "Параметр", "Значение"]).font = { bold: true };
  const first = 2;
  const last = first + SCORES.length - 1;
  const scoreRange = SCORES.map((s) => [s[1]]);
  const params: [string, number][] = [
    ["Минимальный балл", 7],
    ["Максимальный балл", 20],
    ["Высокий балл (B_top)", 15],
  ];
  SCORES.forEach((s, i) => {
    const r = first + i;
    const row = ws.addRow([s[0], s[1]]);
    row.getCell(3).value = {
      formula: `IF(ISNUMBER(B${r}),SHNOR.LEVEL(B${r},$F$3),"")`,
      result: typeof s[1] === "number" ? evaluate(() => levelFunction(s[1], 20)) : "",
    };
  });
  params.forEach(([label, value], i) => {
    ws.getCell(`E${first + i}`).value = label;
    ws.getCell(`F${first + i}`).value = value;
  });
  const scores = `B${first}:B${last}`;
  const results: [string, string, Result, string][] = [
    ["B_min", "SHNOR.BMIN(F2,F3)", evaluate(() => bMinFunction(7, 20)), "0.0"],
    ["Индекс низких результатов", `SHNOR.LOWINDEX(${scores},F2,F3)`, evaluate(() => lowIndexFunction(scoreRange, 7, 20)), "0.0%"],
    ["Индекс массовых результатов", `SHNOR.MASSINDEX(${scores},F2,F3,F4)`, evaluate(() => massIndexFunction(scoreRange, 7, 20, 15)), "0.0%"],
    ["Индекс высоких результатов", `SHNOR.HIGHINDEX(${scores},F4)`, evaluate(() => highIndexFunction(scoreRange, 15)), "0.0%"],
  ];
  results.forEach(([label, formula, result, numFmt], i) => {
    const r = first + params.length + 1 + i;
    ws.getCell(`E${r}`).value = label;
    ws.getCell(`F${r}`).value = { formula, result };
    ws.getCell(`F${r}`).numFmt = numFmt;
  });
  [16, 8, 14, 2, 30, 12].forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

function helpSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("Справка");
  const lines = [
    ["Пример использования пользовательских функций надстройки «ШНОР и ШНСУ»."],
    ["Формулы работают, когда надстройка загружена. В русском Excel функции называются SHNOR.ИСБ, SHNOR.ТИПШКОЛЫ и т. д., в английском — SHNOR.SWI, SHNOR.SCHOOLTYPE."],
    ["Если ячейка показывает #ИМЯ?, откройте панель «ШНОР и ШНСУ» на вкладке «Главная» и пересчитайте книгу (Ctrl+Alt+F9)."],
    ["Доли Дв, Дн, Ду — в процентах (0–100); если все три от 0 до 1 (ячейки в формате %), они читаются как доли единицы."],
    ["Ошибка #ЗНАЧ! — неверный аргумент (текст вместо числа, доля вне диапазона, диапазоны разного размера, неизвестная местность); #Н/Д — нечего вычислять. Подсказка с причиной — в значке ошибки у ячейки."],
    ["Эталонные значения региона (Q1, D9, среднее) пересчитаны на листе «Школы» встроенными функциями PERCENTILE.INC и AVERAGE — для сверки."],
  ];
  lines.forEach((l) => ws.addRow(l));
  ws.getColumn(1).width = 140;
  ws.getColumn(1).alignment = { wrapText: true, vertical: "top" };
}

async function main(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "shnor-addin";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.calcProperties.fullCalcOnLoad = true;
  schoolsSheet(wb);
  scoresSheet(wb);
  helpSheet(wb);
  await wb.xlsx.writeFile(OUT);
  console.log(path.relative(process.cwd(), OUT));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
