import { monitoringRows, resultSheets, SHEET_NAMES, parameterCell } from "../../src/workbook/resultSheets";
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
  it("makes the sheets of DESIGN.md in order", () => {
    expect(sheets.map((s) => s.name)).toEqual(["Итоги", "Индексы ОП", "Муниципалитеты", "Мониторинг", "Параметры", "Легенда", "Замечания"]);
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
        "Дефицит педагогических кадров",
        "нет",
        "ШНОР и ШНСУ",
        "ИСБ 55,0 ≤ Q1 57,5; село; 87 обучающихся < 100",
      ]);
      expect(s.rows[1]?.[column(s, "Типы")]).toBe("Не относится");
      expect(s.rows[1]?.[column(s, "Группа")]).toBe("эффективная");
    });
    it("leaves unknown values empty rather than «нет» or 0", () => {
      const row = s.rows[2] ?? [];
      expect(row[column(s, "ИСБ")]).toBeNull();
      expect(row[column(s, "Группа низкого ИСБ")]).toBeNull();
      expect(row[column(s, "Типы")]).toBeNull();
      expect(row[column(s, "Группа")]).toBeNull();
    });
    it("colours the category cell", () => {
      const cat = column(s, "Категория");
      expect(s.styles).toContainEqual({ row: 0, column: cat, style: { fill: "#C00000", font: "#FFFFFF", bold: true } });
      expect(s.styles).toContainEqual({ row: 1, column: cat, style: { fill: "#C6EFCE", font: "#006100" } });
      expect(s.styles).toContainEqual({ row: 2, column: cat, style: { fill: "#FFF2CC" } });
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
      expect(s.rows[0]).toEqual(["007001", tinyResult.schools[0]?.name, 2024, "ВПР", 40, 0.25, 0.5, 0.1, 0.8, null, "да", "да", "нет"]);
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
  });

  describe("Мониторинг", () => {
    const rows = monitoringRows(tinyResult);
    it("weighs the region's indices by participants, pooled and per procedure", () => {
      const low = rows.filter((r) => r.indicator.startsWith("2.") && r.procedure === "Все процедуры");
      expect(low.map((r) => r.year)).toEqual([2024, 2025]);
      expect(low[0]?.value).toBeCloseTo(0.13, 12);
      expect(low[1]?.value).toBeCloseTo(0.2, 12);
      const mass = rows.filter((r) => r.indicator.startsWith("3.") && r.procedure === "Все процедуры");
      expect(mass[0]?.value).toBeCloseTo(0.62, 12);
      expect(mass[1]?.value).toBeCloseTo(0.56, 12);
    });
    it("measures the improvement against the 3 % target: a fall of the low index, a rise of the mass index", () => {
      const low2025 = rows.find((r) => r.indicator.startsWith("2.") && r.procedure === "Все процедуры" && r.year === 2025);
      expect(low2025?.change).toBeCloseTo(-(0.2 - 0.13) / 0.13, 12);
      expect(low2025?.met).toBe(false);
      const mass2025 = rows.find((r) => r.indicator.startsWith("3.") && r.procedure === "Все процедуры" && r.year === 2025);
      expect(mass2025?.change).toBeCloseTo((0.56 - 0.62) / 0.62, 12);
      const first = rows.find((r) => r.year === 2024);
      expect(first?.change).toBeNull();
      expect(first?.met).toBeNull();
    });
    it("gives no value for a procedure without participants", () => {
      const oge = rows.filter((r) => r.procedure === "ОГЭ");
      expect(oge.every((r) => r.value === null && r.met === null)).toBe(true);
    });
    it("counts an improvement of exactly 3 % as met", () => {
      const base = tinyResult.schools[1];
      if (!base) throw new Error("fixture");
      const r = monitoringRows({
        ...tinyResult,
        schools: [
          {
            ...base,
            procedures: [
              { ...(base.procedures[0] ?? ({} as never)), year: 2024, lowIndex: 0.1, massIndex: 0.5 },
              { ...(base.procedures[0] ?? ({} as never)), year: 2025, lowIndex: 0.097, massIndex: 0.515 },
            ],
          },
        ],
      });
      expect(r.filter((x) => x.year === 2025).map((x) => x.met)).toEqual([true, true, true, true]);
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
