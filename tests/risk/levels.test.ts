/**
 * Seed 000's five attainment levels (SPEC.md §2, §9a): the distribution per procedure unit,
 * per school and region, the share at or above «базовый» on «Итоги», the «Уровни» sheet and its
 * stacked bar chart.
 */
import { analyse, attainment, PRESETS, type IdentificationInput } from "../../src/engine";
import { levelsJson } from "../../src/cli/json";
import { levelsSheet } from "../../src/workbook/levelsSheet";
import { resultSheets, SHEET_NAMES } from "../../src/workbook/resultSheets";
import { agg, scale, school, score } from "../engine/helpers/builders";

// max 20: p = 4/20 = 0.2 низкий, 5/20 = 0.25 пониженный (boundary), 9 → 0.45 пониженный, 10 → 0.5 базовый (boundary),
// 13 → 0.65 повышенный (boundary), 16 → 0.8 повышенный, 17 → 0.85 высокий (boundary).
const scales = [scale("ВПР", 5, "Математика"), scale("ВПР", 5, "Русский язык", { maxScore: 40 }), scale("ОГЭ", 9, "Математика")];
const rows = [
  score("A", 2025, "ВПР", 5, "a1", "Математика", 4),
  score("A", 2025, "ВПР", 5, "a2", "Математика", 5),
  score("A", 2025, "ВПР", 5, "a3", "Математика", 9),
  score("A", 2025, "ВПР", 5, "a4", "Математика", 10),
  score("A", 2025, "ВПР", 5, "a1", "Русский язык", 26), // 26/40 = 0.65 повышенный
  score("B", 2025, "ВПР", 5, "b1", "Математика", 13),
  score("B", 2025, "ВПР", 5, "b2", "Математика", 16),
  score("B", 2025, "ВПР", 5, "b3", "Математика", 17),
  score("B", 2024, "ВПР", 5, "b9", "Математика", 2),
  score("B", 2025, "ОГЭ", 9, "b7", "Математика", 4),
  score("B", 2025, "РДР", 7, "x", "Математика", 4), // no scale: left out
];

describe("attainment levels", () => {
  const l = attainment(rows, scales, PRESETS.kbr.parameters);

  it("counts results per level per school × year × unit, boundaries going up", () => {
    expect(l.schools.map((r) => [r.schoolId, r.year, r.procedure, r.results, r.counts, r.basicOrAbove])).toEqual([
      ["A", 2025, "ВПР 5 кл.", 5, [1, 2, 1, 1, 0], 2 / 5],
      ["B", 2024, "ВПР 5 кл.", 1, [1, 0, 0, 0, 0], 0],
      ["B", 2025, "ВПР 5 кл.", 3, [0, 0, 0, 2, 1], 1],
      ["B", 2025, "ОГЭ 9 кл.", 1, [1, 0, 0, 0, 0], 0],
    ]);
  });

  it("and for the region, years ascending", () => {
    expect(l.region.map((r) => [r.year, r.procedure, r.results, r.counts, r.basicOrAbove])).toEqual([
      [2024, "ВПР 5 кл.", 1, [1, 0, 0, 0, 0], 0],
      [2025, "ВПР 5 кл.", 8, [1, 2, 1, 3, 1], 5 / 8],
      [2025, "ОГЭ 9 кл.", 1, [1, 0, 0, 0, 0], 0],
    ]);
  });

  it("gives each school's latest-year share at or above «базовый», all units pooled", () => {
    expect(l.latestYear).toBe(2025);
    expect(l.basicOrAboveLatest.get("A")).toBeCloseTo(2 / 5, 12);
    expect(l.basicOrAboveLatest.get("B")).toBeCloseTo(3 / 4, 12); // 3 of ВПР + 0 of 1 ОГЭ
  });

  it("pools the grades with procedureUnit = procedure, and the cuts are parameters", () => {
    const pooled = attainment(rows, scales, { ...PRESETS.kbr.parameters, procedureUnit: "procedure", levelCuts: [0.1, 0.2, 0.3, 0.9] });
    expect(pooled.region.map((r) => [r.year, r.procedure, r.counts])).toEqual([
      [2024, "ВПР", [0, 1, 0, 0, 0]], // 0.1 is not below 0.1: пониженный
      // 0.2 and 0.25 → базовый; 0.45, 0.5, 0.65, 0.65, 0.8, 0.85 → повышенный (below 0.9)
      [2025, "ВПР", [0, 0, 2, 6, 0]],
      [2025, "ОГЭ", [0, 0, 1, 0, 0]],
    ]);
  });
});

describe("levels in the result", () => {
  const input: IdentificationInput = { schools: [school("A"), school("B"), school("C")], results: [agg("C", 2025, "ВПР", 5, "Математика", 12, 2)], scores: rows, scales };
  const result = analyse(input, PRESETS.kbr);

  it("puts the share on the school (null without participant rows) and in the JSON", () => {
    expect(result.schools.map((s) => s.basicOrAboveShare)).toEqual([2 / 5, 3 / 4, null]);
    const json = levelsJson(result.levels) as { levels: string[]; region: { procedure: string; counts: number[] }[]; schools: { schoolId: string }[] };
    expect(json.levels).toEqual(["низкий", "пониженный", "базовый", "повышенный", "высокий"]);
    expect(json.region[1]).toEqual({ year: 2025, procedure: "ВПР 5 кл.", results: 8, counts: [1, 2, 1, 3, 1], basicOrAbove: 5 / 8 });
    expect(json.schools[0]).toMatchObject({ schoolId: "A", year: 2025 });
  });

  it("writes «Уровни» (region rows first) and the column of «Итоги»", () => {
    const sheets = resultSheets(result, { inputRows: {}, date: "2025-06-30" });
    const levels = sheets.find((s) => s.name === SHEET_NAMES.levels);
    if (levels === undefined) throw new Error("no «Уровни»");
    expect(levels.rows[1]).toEqual(["Регион", null, 2025, "ВПР 5 кл.", 8, 1, 2, 1, 3, 1, 1 / 8, 2 / 8, 1 / 8, 3 / 8, 1 / 8, 5 / 8]);
    expect(levels.rows[3]?.slice(0, 5)).toEqual(["A", "Школа A", 2025, "ВПР 5 кл.", 5]);
    const summary = sheets.find((s) => s.name === SHEET_NAMES.summary);
    const col = summary?.columns.findIndex((c) => c.header === "Доля результатов не ниже базового уровня") ?? -1;
    expect(summary?.rows.map((r) => r[col])).toEqual([2 / 5, 3 / 4, null]);
  });

  it("writes a «Уровни» row per region and school row: who, year, procedure, results, the five counts, the five shares, «не ниже базового»", () => {
    const lv = attainment(rows, scales, PRESETS.kbr.parameters);
    const sheet = levelsSheet(lv, new Map([["A", "Школа А"]]));
    const expected = [
      ...lv.region.map((r) => ["Регион", null, r.year, r.procedure, r.results, ...r.counts, ...r.counts.map((c) => (r.results > 0 ? c / r.results : null)), r.basicOrAbove]),
      ...lv.schools.map((r) => [r.schoolId, r.schoolId === "A" ? "Школа А" : null, r.year, r.procedure, r.results, ...r.counts, ...r.counts.map((c) => (r.results > 0 ? c / r.results : null)), r.basicOrAbove]),
    ];
    expect(sheet.rows).toEqual(expected);
    expect(sheet.rows.every((r) => r.length === sheet.columns.length)).toBe(true);
    // School A, ВПР 5 2025: 5 results, counts 1 низкий, 2 пониженный, 1 базовый, 1 повышенный, 0 высокий.
    expect(sheet.rows.find((r) => r[0] === "A")?.slice(4)).toEqual([5, 1, 2, 1, 1, 0, 0.2, 0.4, 0.2, 0.2, 0, 2 / 5]);
  });

  it("charts the region's latest year as 100 % stacked bars, a series per level", () => {
    const sheet = levelsSheet(result.levels, new Map());
    expect(sheet.charts).toEqual([
      {
        type: "stackedBar",
        title: "Уровни достижений по процедурам (регион), 2025",
        categories: "D3:D4",
        series: [
          { name: "низкий", values: "K3:K4" },
          { name: "пониженный", values: "L3:L4" },
          { name: "базовый", values: "M3:M4" },
          { name: "повышенный", values: "N3:N4" },
          { name: "высокий", values: "O3:O4" },
        ],
        anchor: "R2",
      },
    ]);
  });

  it("says where levels come from when there are no participant rows", () => {
    const sheet = levelsSheet(attainment([], scales, PRESETS.kbr.parameters), new Map());
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0]?.[1]).toBe("нет данных: уровни считаются по баллам участников (лист «Баллы»)");
    expect(sheet.charts).toBeUndefined();
  });
});
