/**
 * The monitoring sheets of the ten-school, three-year region of tests/monitoring/region.ts, whose
 * numbers are worked out by hand there: ВПР 5 кл., 20 participants a school, `Ниже Bmin`
 * 52 of 200 in 2023 and 2024, 44 of 200 plus S01's ОГЭ (0 of 20) in 2025; ШНОР 2024 S09, S10,
 * 2025 S09; ШНСУ S01–S03 every year; risk zone S04, S05.
 */
import { analyse, PRESETS, type AnalysisResult } from "../../src/engine";
import {
  dynamicsTargetText,
  indicatorCell,
  monitoringSheets,
  monitoringTargetRows,
  MONITORING_SHEET_NAMES,
} from "../../src/workbook/monitoringSheets";
import { POINTS_FORMAT, type SheetSpec } from "../../src/workbook/port";
import { resultSheets, SHEET_NAMES } from "../../src/workbook/resultSheets";
import { threeYearRegion } from "../monitoring/region";

const GOOD = { fill: "#C6EFCE", font: "#006100" };
const BAD = { fill: "#FFC7CE", font: "#9C0006" };

const result: AnalysisResult = analyse(threeYearRegion(), PRESETS.kbr);
const sheets = resultSheets(result, { inputRows: { Школы: 10 }, date: "2025-06-30" });
const byName = (name: string): SheetSpec => {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
const column = (s: SheetSpec, header: string): number => {
  const i = s.columns.findIndex((c) => c.header === header);
  if (i < 0) throw new Error(`no column ${header}`);
  return i;
};

describe("monitoring sheets", () => {
  it("come between Необъективность and Параметры", () => {
    expect(sheets.map((s) => s.name)).toEqual([
      "Итоги", "Индексы ОП", "Муниципалитеты", "Перечень ШНОР", "Перечень ШНСУ", "Перечень зоны риска", "Наставники", "Адресные рекомендации", "Необъективность", "Динамика", "Динамика школ", "Переходы", "Динамика ОП", "Мониторинг", "Уровни", "Параметры", "Легенда", "Замечания",
    ]);
    expect(monitoringSheets(result).map((s) => s.name)).toEqual(Object.values(MONITORING_SHEET_NAMES));
  });

  it("give every row as many cells as columns", () => {
    for (const s of sheets) for (const r of s.rows) expect(r.length).toBe(s.columns.length);
  });

  it("write the result regressed on ИСБ on Итоги", () => {
    const s = byName(SHEET_NAMES.summary);
    // Mass index of 2025: 9 of 20 for S02; S01 pools ВПР (9 of 20) and ОГЭ (11 of 20) → 20 of 40.
    expect(s.rows.map((r) => r[column(s, "Результат для регрессии")])).toEqual([0.5, 0.45, 0.45, 0.45, 0.45, 0.45, 0.45, 0.45, 0.45, 0.45]);
  });
});

describe("Динамика", () => {
  const s = byName(SHEET_NAMES.dynamics);

  it("writes one row per year: pooled indices, change in points, target, counts and transitions", () => {
    // …then the shares of the region's 10 schools and their change in points (seed 000, expected result 7).
    expect(s.rows[0]).toEqual([2023, 0.26, 0.4, 10, 200, null, null, null, null, null, null, 0, 3, 0, 3, 2, null, null, null, null, 0, null, 0.3, null, 0.3, null, "все процедуры (сводно)", "Регион"]);
    expect(s.rows[1]).toEqual([2024, 0.26, 0.4, 10, 200, 0, "снижение не менее 3 п.п.", "нет", 0, "рост не менее 3 п.п.", "нет", 2, 3, 0, 5, 2, 2, 0, 0, 0, 0.2, 20, 0.3, 0, 0.5, 20, "все процедуры (сводно)", "Регион"]);
    const [year, low, mass, schools, participants, lowChange, , lowMet, massChange, , massMet, ...counts] = s.rows[2] ?? [];
    expect([year, schools, participants, lowMet, massMet]).toEqual([2025, 10, 220, "да", "да"]);
    expect(low).toBeCloseTo(44 / 220, 12);
    expect(mass).toBeCloseTo(101 / 220, 12); // 9 × 10 at ВПР + 11 at S01's ОГЭ
    expect(lowChange).toBeCloseTo(-6, 9); // 20 % − 26 %
    expect(massChange).toBeCloseTo(5.909090909, 6);
    // ШНОР S09; ШНСУ S01–S03; none both; 2 risk zone; S10 left ШНОР.
    expect(counts).toEqual([1, 3, 0, 4, 2, 0, 1, 0, 0, 0.1, -10, 0.3, 0, 0.4, -10, "все процедуры (сводно)", "Регион"]);
    // Then each procedure unit: ВПР 5 кл. 2023–2025, ОГЭ 9 кл. 2025 only (5 participants in 2024: not evaluated) — no change.
    expect(s.rows.slice(3, 7).map((r) => [r[0], r[26], r[27], r[5] === null ? null : "change"])).toEqual([
      [2023, "ВПР 5 кл.", "Регион", null],
      [2024, "ВПР 5 кл.", "Регион", "change"],
      [2025, "ВПР 5 кл.", "Регион", "change"],
      [2025, "ОГЭ 9 кл.", "Регион", null],
    ]);
    // Then each municipality by year (seed 000, expected result 7): «Район А» S01–S05, ШНСУ S01–S03
    // every year; «Район Б» S06–S10, ШНОР 0, 2 (S09, S10), 1 (S09) of 5.
    expect(s.rows.slice(7).map((r) => [r[27], r[0], r[3], ...r.slice(11, 15), ...r.slice(20, 26)])).toEqual([
      ["Район А", 2023, 5, 0, 3, 0, 3, 0, null, 0.6, null, 0.6, null],
      ["Район А", 2024, 5, 0, 3, 0, 3, 0, 0, 0.6, 0, 0.6, 0],
      ["Район А", 2025, 5, 0, 3, 0, 3, 0, 0, 0.6, 0, 0.6, 0],
      ["Район Б", 2023, 5, 0, 0, 0, 0, 0, null, 0, null, 0, null],
      ["Район Б", 2024, 5, 2, 0, 0, 2, 0.4, 40, 0, 0, 0.4, 40],
      ["Район Б", 2025, 5, 1, 0, 0, 1, 0.2, -20, 0, 0, 0.2, -20],
    ]);
    expect(s.rows[5]?.[1]).toBeCloseTo(44 / 200, 12);
  });

  it("formats indices as percent and changes as signed points", () => {
    expect(s.columns[1]?.format).toBe("0.0%");
    expect(s.columns[column(s, "Изменение индекса низких результатов")]?.format).toBe(POINTS_FORMAT);
  });

  it("colours met targets green and missed ones red, and leaves the first year plain", () => {
    const low = column(s, "Низкие: цель выполнена");
    const mass = column(s, "Массовые: цель выполнена");
    expect(s.styles.filter((x) => x.row < 3)).toEqual([
      { row: 1, column: low, style: BAD },
      { row: 1, column: mass, style: BAD },
      { row: 2, column: low, style: GOOD },
      { row: 2, column: mass, style: GOOD },
    ]);
  });

  it("describes a line chart of year | low | mass", () => {
    expect(s.charts).toEqual([
      {
        type: "line",
        title: "Индексы низких и массовых результатов по годам",
        categories: "A2:A4",
        series: [
          { name: "Индекс низких результатов", values: "B2:B4" },
          { name: "Индекс массовых результатов", values: "C2:C4" },
        ],
        anchor: "AD2",
      },
    ]);
  });

  it.each([
    ["low", "points", "снижение не менее 3 п.п."],
    ["mass", "relative", "рост не менее 2,5 % от прошлого года"],
  ] as const)("reads the %s target in %s mode as words", (index, mode, expected) => {
    expect(dynamicsTargetText(index, { targetPoints: mode === "points" ? 3 : 2.5, mode })).toBe(expected);
  });
});

describe("Динамика школ", () => {
  const s = byName(SHEET_NAMES.schoolDynamics);

  it("writes one row per school with its category in each year and stable ШНОР", () => {
    expect(s.columns.map((c) => c.header).slice(3)).toEqual([
      "Категория 2023", "Категория 2024", "Категория 2025", "Лет в ШНОР", "Устойчиво ШНОР (2 посл. г.)", "Правила ШНОР по годам",
    ]);
    expect(s.rows).toHaveLength(10);
    expect(s.rows[0]).toEqual(["S01", "Школа S01", "Район А", "ШНСУ", "ШНСУ", "ШНСУ", 0, "нет", ""]);
    expect(s.rows[8]).toEqual(["S09", "Школа S09", "Район Б", "Без рисков", "ШНОР", "ШНОР", 2, "да", "2024: R2; 2025: R2"]);
    expect(s.rows[9]).toEqual(["S10", "Школа S10", "Район Б", "Без рисков", "ШНОР", "Без рисков", 1, "нет", "2024: R2"]);
  });

  it("colours the categories and a stable ШНОР", () => {
    expect(s.styles).toContainEqual({ row: 8, column: 4, style: BAD });
    expect(s.styles).toContainEqual({ row: 3, column: 5, style: { fill: "#F6BC94", font: "#833C0B" } });
    expect(s.styles).toContainEqual({ row: 8, column: 7, style: BAD });
    expect(s.table).toEqual({ name: "ШНОР_ДинамикаШкол" });
  });

  it("says «нет данных» when a school was ШНОР in every year but there are too few years", () => {
    const one = analyse({ ...threeYearRegion(), results: threeYearRegion().results.filter((r) => r.year === 2025) }, { ...PRESETS.kbr, parameters: { ...PRESETS.kbr.parameters, r2Years: 1 } });
    const sheet = monitoringSheets(one)[1] as SheetSpec;
    const stable = sheet.rows.map((r) => r[5]);
    expect(new Set(stable)).toEqual(new Set(["нет", "нет данных"]));
    expect(sheet.rows.filter((r) => r[3] === "ШНОР" || r[3] === "ШНОР и ШНСУ").every((r) => r[5] === "нет данных")).toBe(true);
  });
});

describe("Переходы", () => {
  it("writes one row per school and transition, ШНОР first, entered red and left green", () => {
    const s = byName(SHEET_NAMES.transitions);
    expect(s.rows.slice(0, 5)).toEqual([
      ["ШНОР", 2023, 2024, "вошла", "S09", "Школа S09", "Район Б"],
      ["ШНОР", 2023, 2024, "вошла", "S10", "Школа S10", "Район Б"],
      ["ШНОР", 2024, 2025, "вышла", "S10", "Школа S10", "Район Б"],
      ["ШНОР", 2024, 2025, "осталась", "S09", "Школа S09", "Район Б"],
      ["ШНСУ", 2023, 2024, "осталась", "S01", "Школа S01", "Район А"],
    ]);
    expect(s.rows).toHaveLength(4 + 6);
    expect(s.styles).toEqual([
      { row: 0, column: 3, style: BAD },
      { row: 1, column: 3, style: BAD },
      { row: 2, column: 3, style: GOOD },
    ]);
  });
});

describe("Динамика ОП", () => {
  const s = byName(SHEET_NAMES.procedureDynamics);

  it("writes one row per school × procedure × pair of years with changes in points", () => {
    // 10 schools × ВПР × 2 pairs + S01's ОГЭ × 2 pairs.
    expect(s.rows).toHaveLength(22);
    const s04 = s.rows.find((r) => r[0] === "S04" && r[5] === 2025) ?? [];
    // S04: 3 of 20 below Bmin in 2024, 1 of 20 in 2025; 8 → 9 of 20 at least Bmid.
    expect(s04.slice(3, 10)).toEqual(["ВПР 5 кл.", 2024, 2025, 0.15, 0.05, -10, "да"]);
    expect(s04.slice(10, 15)).toEqual([0.4, 0.45, 5, "да", null]);
  });

  it("explains a missing value and leaves the verdict empty", () => {
    const oge = s.rows.find((r) => r[0] === "S01" && r[3] === "ОГЭ 9 кл." && r[5] === 2025) ?? [];
    expect(oge.slice(6, 10)).toEqual([null, 0, null, null]);
    expect(oge[14]).toBe("2024: мало участников (5)");
  });

  it("is an Excel table", () => {
    expect(s.table).toEqual({ name: "ШНОР_ДинамикаОП" });
    expect(s.freezeHeader).toBe(true);
  });
});

describe("Мониторинг", () => {
  const s = byName(SHEET_NAMES.monitoring);
  const rowOf = (level: string, code: string, year?: number): number =>
    s.rows.findIndex((r) => r[0] === level && r[2] === code && (year === undefined || r[4] === year));

  it("writes a dynamics indicator in points with its target and condition, coloured", () => {
    const i = rowOf("Регион", "lowIndexDynamics", 2025);
    // ШНОР ∪ ШНСУ of 2024 (S01–S03, S09, S10): low index 27 % → 15 %.
    expect(s.rows[i]?.slice(0, 12)).toEqual(["Регион", "002 №2", "lowIndexDynamics", expect.any(String), 2025, 2024, -12, "п.п.", "не более", -3, "да", "рассчитан"]);
    expect(s.styles).toContainEqual({ row: i, column: 6, style: { numberFormat: POINTS_FORMAT } });
    expect(s.styles).toContainEqual({ row: i, column: 10, style: GOOD });
  });

  it("writes a share with its target for the year, as a percent", () => {
    const i = rowOf("Регион", "teacherDeficitShare");
    // S04, S05 have vacancies, S06 none; the rest have no data. Target for 2025: 0.1 (from 2022).
    expect(s.rows[i]?.slice(6, 12)).toEqual([2 / 3, "доля", "не более", 0.1, "нет", "рассчитан"]);
    expect(s.rows[i]?.[13]).toBe("2 из 3 школ; 66,7 %; нет данных у 7 школ");
    expect(s.styles).toContainEqual({ row: i, column: 6, style: { numberFormat: "0.0%" } });
    expect(s.styles).toContainEqual({ row: i, column: 10, style: BAD });
  });

  it("says «нет данных» and names the missing columns", () => {
    const i = rowOf("Регион", "teacherDeficitResolvedShare");
    expect(s.rows[i]?.slice(6, 13)).toEqual([null, "доля", "не менее", 0.05, null, "нет данных", "Школы: «Дефицит кадров устранён»"]);
  });

  it("lists each municipality's indicators and its score", () => {
    const share = rowOf("Район А", "shnorShnsuShare");
    // §1.2.1 is scored like the others (SPEC §9a): 60 % ≥ the 50 % level.
    expect(s.rows[share]?.slice(4, 12)).toEqual([2025, null, 0.6, "доля", "не менее", 0.5, "да", "рассчитан"]);
    const report = rowOf("Район А", "analyticalReport");
    expect(s.rows[report]?.slice(6, 8)).toEqual([1, "балл (1/0)"]);
    expect(s.styles).toContainEqual({ row: report, column: 6, style: { numberFormat: "0" } });
    const score = rowOf("Район А", "score");
    // Seed 001 scoring (SPEC §9a): «да» for the analytical report (2025) and the custom «муниципальная
    // программа», and the shares at or above the 50 % level: ШНОР ∪ ШНСУ 3 of 5 (60 %, §1.2.1), failure
    // prevention 4 of 5 (80 %) and risks removed 1 of 2 (50 %); ИОМ 16,7 % and curators 33,3 % score 0
    // → 5 of the 20 scored indicators.
    expect(s.rows[score]?.slice(6, 8)).toEqual([5, "балл"]);
    expect(s.rows[score]?.[13]).toBe("5 из 20; школ 5, ШНОР 0, ШНСУ 3, зона риска 2");
    expect(s.rows.filter((r) => r[2] === "score").map((r) => r[0])).toEqual(["Район А", "Район Б"]);
  });

  it("is an Excel table with the region first", () => {
    expect(s.rows[0]?.[0]).toBe("Регион");
    expect(s.table).toEqual({ name: "ШНОР_Мониторинг" });
  });

  it.each([
    [0.25, "share", 0.25],
    [-0.04, "indexPoints", -4],
    [0.1, "relativeChange", 0.1],
    [1, "score", 1],
    [null, "share", null],
    [Number.NaN, "share", null],
  ] as const)("writes %p of unit %s as %p", (value, unit, expected) => {
    expect(indicatorCell(value, unit)).toBe(expected);
  });
});

describe("Параметры", () => {
  const s = byName(SHEET_NAMES.parameters);

  it("shows the seed 002 targets one row per indicator and year rather than raw JSON", () => {
    const targets = s.rows.filter((r) => String(r[2]).startsWith("monitoringTargets."));
    expect(targets.map((r) => [r[2], r[3]])).toEqual([
      ["monitoringTargets.1.2021", 6],
      ["monitoringTargets.4.2021", 1],
      ["monitoringTargets.5.2021", 0.3],
      ["monitoringTargets.6.2021", 0.1],
      ["monitoringTargets.7.2021", 1],
      ["monitoringTargets.8.2021", 6],
      ["monitoringTargets.9.2021", 0.15],
      ["monitoringTargets.9.2022", 0.1],
      ["monitoringTargets.10.2021", 0.2],
      ["monitoringTargets.10.2022", 0.15],
      ["monitoringTargets.11.2021", 0.05],
      ["monitoringTargets.12.2021", 0.05],
      ["monitoringTargets.15.2021", 0.9],
      ["monitoringTargets.15.2022", 1],
      ["monitoringTargets.16.2021", 0.7],
      ["monitoringTargets.16.2022", 0.95],
      ["monitoringTargets.17.2021", 0.7],
      ["monitoringTargets.17.2022", 0.95],
    ]);
    // Counts (№1, №8) read as numbers, shares as percents.
    expect(s.styles.filter((x) => x.column === 3 && targets.includes(s.rows[x.row] as (typeof targets)[number])).map((x) => x.style.numberFormat).slice(0, 7)).toEqual(["0", "0%", "0%", "0%", "0%", "0", "0%"]);
    expect(targets[6]?.[1]).toBe("Цель показателя №9 «Доля ОО региона, в которых выявлен дефицит педагогических кадров» с 2021 г.: не более");
    expect(s.rows.some((r) => r[2] === "monitoringTargets")).toBe(false);
  });

  it("records the identification years of the monitoring", () => {
    expect(s.rows.find((r) => r[2] === "dynamics.years")?.[3]).toBe("2023; 2024; 2025");
    expect(s.rows.find((r) => r[2] === "monitoring.year")?.[3]).toBe(2025);
  });

  it("labels a target of an indicator it does not know by its number only", () => {
    expect(monitoringTargetRows({ "99": [{ fromYear: 2024, value: 0.5 }] })).toEqual([
      { label: "Цель показателя №99 с 2024 г.", code: "monitoringTargets.99.2024", value: 0.5 },
    ]);
  });
});
