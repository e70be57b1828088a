import { resultSheets, SHEET_NAMES, parameterCell } from "../../src/workbook/resultSheets";
import type { SheetSpec } from "../../src/workbook/port";
import { tinyResult } from "./tinyResult";

const context = { inputRows: { Школы: 3, Баллы: 120 }, date: "2025-06-30" };
const sheets = resultSheets(tinyResult, context);
const byName = (name: string): SheetSpec => {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
const column = (s: SheetSpec, header: string): number => s.columns.findIndex((c) => c.header === header);

describe("resultSheets", () => {
  it("makes the identification sheets of DESIGN.md in order, without monitoring sheets for a bare identification", () => {
    expect(sheets.map((s) => s.name)).toEqual(["Итоги", "Индексы ОП", "Муниципалитеты", "Перечень ШНОР", "Перечень ШНСУ", "Перечень зоны риска", "Наставники", "Адресные рекомендации", "Необъективность", "Параметры", "Легенда", "Замечания"]);
  });

  it("gives every row as many cells as columns", () => {
    for (const s of sheets) for (const r of s.rows) expect(r.length).toBe(s.columns.length);
  });

  describe("Итоги", () => {
    const s = byName(SHEET_NAMES.summary);
    it("writes one row per school with Russian yes/no, type names and the category", () => {
      expect(s.rows[0]).toEqual([
        "007001",
        "=HYPERLINK(\"http://example.com\",\"СОШ № 1\")",
        "Северский район",
        55,
        "да",
        "Депривированная сельская школа; Сельская малокомплектная школа",
        "да",
        "R1, R2",
        "да",
        1,
        "не справляющаяся",
        0.4,
        null,
        "Дефицит педагогических кадров",
        "2 из 12",
        "нет",
        "ШНОР и ШНСУ",
        "ИСБ 55,0 ≤ Q1 57,5\nсело; 87 обучающихся < 100",
      ]);
      expect(s.rows[1]?.[column(s, "Типы")]).toBe("Не относится");
      expect(s.rows[1]?.[column(s, "Группа")]).toBe("эффективная");
      expect(s.rows[1]?.[column(s, "Результат для регрессии")]).toBe(0.8);
    });
    it("puts the result regressed on ИСБ next to the group, as a percent", () => {
      expect(column(s, "Результат для регрессии")).toBe(column(s, "Группа") + 1);
      expect(s.columns[column(s, "Результат для регрессии")]?.format).toBe("0.0%");
      expect(s.rows[2]?.[column(s, "Результат для регрессии")]).toBeNull();
    });
    it("leaves unknown values empty rather than «нет» or 0", () => {
      const row = s.rows[2] ?? [];
      expect(row[column(s, "ИСБ")]).toBeNull();
      expect(row[column(s, "Группа низкого ИСБ")]).toBeNull();
      expect(row[column(s, "Типы")]).toBeNull();
      expect(row[column(s, "Группа")]).toBeNull();
      expect(row[column(s, "Результат для регрессии")]).toBeNull();
    });
    it("colours the category cell", () => {
      const cat = column(s, "Категория");
      expect(s.styles).toContainEqual({ row: 0, column: cat, style: { fill: "#C00000", font: "#FFFFFF", bold: true } });
      expect(s.styles).toContainEqual({ row: 1, column: cat, style: { fill: "#C6EFCE", font: "#006100" } });
      expect(s.styles).toContainEqual({ row: 2, column: cat, style: { fill: "#F6BC94", font: "#833C0B" } });
    });
    it("is a table with a frozen header; text columns are text, ИСБ is 0.0", () => {
      expect(s.table).not.toBeNull();
      expect(s.freezeHeader).toBe(true);
      expect(s.columns[0]?.format).toBe("@");
      expect(s.columns[column(s, "ИСБ")]?.format).toBe("0.0");
    });
  });

  describe("Индексы ОП", () => {
    const s = byName(SHEET_NAMES.indices);
    it("writes one row per school × year × procedure, indices as fractions with a percent format", () => {
      expect(s.rows).toHaveLength(5);
      expect(s.rows[0]).toEqual(["007001", tinyResult.schools[0]?.name, 2024, "ВПР", 40, 0.25, 0.5, 0.1, 0.8, null, "да", "да", "нет", "нет", "баллы участников"]);
      expect(s.columns[column(s, "Индекс низких результатов")]?.format).toBe("0.0%");
    });
    it("leaves an undefined index empty, never 0 %, and an unevaluated verdict empty", () => {
      const row = s.rows[4] ?? [];
      expect(row.slice(4, 10)).toEqual([0, null, null, null, null, null]);
      expect(row[column(s, "Оценивалась")]).toBe("нет");
      expect(row[column(s, "Низкие результаты")]).toBeNull();
    });
    it("marks low results and non-objectivity", () => {
      expect(s.styles).toContainEqual({ row: 1, column: 12, style: { fill: "#FFEB9C", font: "#9C5700" } });
      expect(s.styles.filter((x) => x.column === 11).map((x) => x.row)).toEqual([0, 1]);
    });
  });

  describe("Муниципалитеты", () => {
    it("lists the municipalities and a regional total", () => {
      const s = byName(SHEET_NAMES.municipalities);
      expect(s.rows).toEqual([
        ["Ивановский район", 1, 0, 0, 0, 0],
        ["Северский район", 2, 1, 1, 1, 0.5],
        ["Всего по региону", 3, 1, 1, 1, 1 / 3],
      ]);
      expect(s.columns[5]?.format).toBe("0.0%");
    });
    it("describes a bar chart of the municipalities' shares, without the regional total", () => {
      expect(byName(SHEET_NAMES.municipalities).charts).toEqual([
        { type: "bar", title: "Доля ШНОР ∪ ШНСУ по муниципалитетам", categories: "A2:A3", series: [{ name: "Доля ШНОР ∪ ШНСУ", values: "F2:F3" }], anchor: "H2" },
      ]);
    });
  });

  describe("Параметры", () => {
    const s = byName(SHEET_NAMES.parameters);
    const value = (code: string): unknown => s.rows.find((r) => r[2] === code)?.[3];
    it("records every parameter with its Russian label", () => {
      expect(s.rows.find((r) => r[2] === "minParticipants")?.slice(1)).toEqual([
        "Минимальное число участников, чтобы процедура оценивалась",
        "minParticipants",
        10,
      ]);
      expect(value("excludeNonObjective")).toBe("да");
      expect(value("levelCuts")).toBe("0,25; 0,5; 0,65; 0,85");
      expect(value("shnsuRule")).toBe("группа низкого ИСБ (ИСБ ≤ Q1)");
    });
    it("records the regional references, the input rows, the date and the version", () => {
      expect(value("swiQ1")).toBe(57.5);
      expect(value("regression.slope")).toBe(0.012);
      expect(value("regression.n")).toBe(3);
      expect(value("failureRiskP75")).toBe(0.2);
      expect(s.rows.find((r) => r[1] === "Строк на листе «Баллы»")?.[3]).toBe(120);
      expect(value("date")).toBe("2025-06-30");
      expect(value("version")).toBe("0.1.0-test");
    });
  });

  describe("parameterCell", () => {
    it.each([
      ["shnsuRule", { kind: "factors", factors: ["remoteness", "lowEquipment"], minCount: 2 }, "не менее 2 из: Удалённость / труднодоступность; Низкий уровень оснащения школы"],
      ["shnorRules", { percentile: true, bryansk: false, meanGap: true }, "§3 (R1/R2); Новолакский район"],
      ["shnorRules", { percentile: true, bryansk: false, meanGap: false, factors: ["lowContinuation"] }, "§3 (R1/R2); факторы: Низкая доля продолжающих обучение"],
      ["meanGapProcedures", ["ЕГЭ", "ОГЭ"], "ЕГЭ; ОГЭ"],
      ["margin", 0.05, 0.05],
    ])("shows %s readably", (key, value, expected) => {
      expect(parameterCell(key, value)).toEqual(expected);
    });
  });

  describe("Легенда", () => {
    it("shows each category in its colours", () => {
      const s = byName(SHEET_NAMES.legend);
      expect(s.rows.slice(0, 5).map((r) => r[0])).toEqual(["ШНОР и ШНСУ", "ШНОР", "ШНСУ", "Зона риска", "Без рисков"]);
      expect(s.styles[1]).toEqual({ row: 1, column: 0, style: { fill: "#FFC7CE", font: "#9C0006" } });
    });
  });

  describe("Замечания", () => {
    it("lists issues with their cell", () => {
      expect(byName(SHEET_NAMES.issues).rows).toEqual([["предупреждение", "Школы!F2", "fractionColumn", "похоже на доли"]]);
    });
  });
});
