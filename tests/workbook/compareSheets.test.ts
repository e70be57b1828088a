/** The comparison sheets (issue 15) on the region where the presets disagree (tests/engine/compare.test.ts has the verdicts). */
import { compareMethodologies, PRESETS, PRESET_IDS } from "../../src/engine";
import { comparisonSheet, comparisonSummarySheet } from "../../src/workbook/compareSheets";
import { CATEGORY_STYLES } from "../../src/workbook/sheetCells";
import { disagreeingRegion } from "../engine/helpers/disagreeingRegion";

const c = compareMethodologies(disagreeingRegion(), PRESET_IDS.map((id) => PRESETS[id]));

describe("«Сравнение методик»", () => {
  const sheet = comparisonSheet(c);
  it("a school a row: code, name, municipality, per methodology the category and the rule, on the lists of all / some / none, why", () => {
    expect(sheet.columns.map((x) => x.header)).toEqual([
      "Код ОО", "Наименование", "Муниципалитет",
      "КБР", "КБР: правило ШНОР", "Ставрополь", "Ставрополь: правило ШНОР", "Брянск", "Брянск: правило ШНОР", "Новолакский р-н", "Новолакский р-н: правило ШНОР",
      "В списках ШНОР/ШНСУ методик", "Почему методики расходятся",
    ]);
    expect(sheet.table).toEqual({ name: "ШНОР_Сравнение" });
    expect(sheet.freezeHeader).toBe(true);
    const p5 = sheet.rows[4]!;
    expect(p5.slice(0, 11)).toEqual(["P5", "Школа P5", "Район А", "ШНОР", "R1", "ШНОР", "R1", "Без рисков", null, "ШНОР", "R1"]);
    expect(p5[11]).toBe("в части");
    expect(p5[12]).toBe(
      "ШНОР — КБР, Ставрополь, Новолакский р-н: R1 — низкие результаты: ВПР 5 кл. 2025 50,0 % ≥ P90 29,0 %, ОГЭ 9 кл. 2025 50,0 % ≥ P90 18,5 %; Брянск: критерии ЕГЭ/ОГЭ/ВПР не выполнены (2025)",
    );
    expect(sheet.rows[7]?.slice(9, 11)).toEqual(["ШНОР", "MEANGAP"]);
  });
  it("colours every category cell with its category's colours", () => {
    expect(sheet.styles).toHaveLength(8 * 4);
    expect(sheet.styles.find((s) => s.row === 4 && s.column === 3)?.style).toEqual(CATEGORY_STYLES["ШНОР"]);
    expect(sheet.styles.find((s) => s.row === 4 && s.column === 7)?.style).toEqual(CATEGORY_STYLES["Без рисков"]);
    expect(sheet.styles.find((s) => s.row === 0 && s.column === 3)?.style).toEqual(CATEGORY_STYLES["ШНСУ"]);
  });
});

describe("«Сводка сравнения»", () => {
  const sheet = comparisonSummarySheet(c);
  const rowOf = (first: string, from = 0) => sheet.rows.findIndex((r, i) => i >= from && r[0] === first);
  it("counts per methodology", () => {
    expect(sheet.rows.slice(0, 4).map((r) => r.slice(0, 7))).toEqual([
      ["КБР", 1, 2, 0, 3, 2, 3],
      ["Ставрополь", 1, 2, 0, 3, 1, 4],
      // Брянск lists no ШНОР with one year of data (SPEC §8 version 2: three consecutive years).
      ["Брянск", 0, 2, 0, 2, 0, 6],
      ["Новолакский р-н", 3, 2, 0, 5, 0, 3],
    ]);
    expect(sheet.rows[5]?.[0]).toBe("Индексы оценочных процедур рассчитаны один раз для всех методик (margin = 0,05, procedureUnit = procedureGrade, bryanskEgeHighFrom = 61)");
  });
  it("overlap matrices for ШНОР and ШНСУ: in both (diagonal: the methodology's own count) and only in the row's", () => {
    const both = rowOf("ШНОР: в обеих методиках");
    expect(sheet.rows[both]?.slice(1, 5)).toEqual(["КБР", "Ставрополь", "Брянск", "Новолакский р-н"]);
    expect(sheet.rows.slice(both + 1, both + 5).map((r) => r.slice(0, 5))).toEqual([
      ["КБР", 1, 1, 0, 1],
      ["Ставрополь", 1, 1, 0, 1],
      ["Брянск", 0, 0, 0, 0],
      ["Новолакский р-н", 1, 1, 0, 3],
    ]);
    const only = rowOf("ШНОР: только у методики строки");
    expect(sheet.rows.slice(only + 1, only + 5).map((r) => r.slice(0, 5))).toEqual([
      ["КБР", null, 0, 1, 0],
      ["Ставрополь", 0, null, 1, 0],
      ["Брянск", 0, 0, null, 0],
      ["Новолакский р-н", 2, 2, 3, null],
    ]);
    const shnsu = rowOf("ШНСУ: в обеих методиках");
    expect(sheet.rows.slice(shnsu + 1, shnsu + 5).map((r) => r.slice(0, 5))).toEqual([
      ["КБР", 2, 2, 0, 0],
      ["Ставрополь", 2, 2, 0, 0],
      ["Брянск", 0, 0, 2, 2],
      ["Новолакский р-н", 0, 0, 2, 2],
    ]);
  });
  it("an explanation line for each school and list the methodologies disagree on", () => {
    const head = rowOf("Почему методики расходятся");
    const lines = sheet.rows.slice(head + 1);
    expect(lines.map((r) => [r[0], r[1]])).toEqual([
      ["P1 Школа P1", "ШНСУ"],
      ["P2 Школа P2", "ШНСУ"],
      ["P3 Школа P3", "ШНСУ"],
      ["P4 Школа P4", "ШНСУ"],
      ["P5 Школа P5", "ШНОР"],
      ["P7 Школа P7", "ШНОР"],
      ["P8 Школа P8", "ШНОР"],
    ]);
    // P7 (the sixth line; P6 is on no list now): continuation 50 % < 60 % makes it ШНОР only under Новолакский.
    expect(lines[5]?.[7]).toBe(
      "Новолакский р-н: Низкая доля продолжающих обучение — продолжили обучение в 10 классе 50,0 % < порог 60,0 %; КБР, Ставрополь: R1/R2 не выполнены: низких результатов нет; Брянск: критерии ЕГЭ/ОГЭ/ВПР не выполнены (2025)",
    );
    expect(sheet.rows.every((r) => r.length === sheet.columns.length)).toBe(true);
  });
});
