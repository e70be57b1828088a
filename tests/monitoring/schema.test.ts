/**
 * The optional monitoring part of the workbook contract: columns of `Школы`, the sheet
 * `Мониторинг МО`, their validation with cell addresses, and the template.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { monitor, PRESETS } from "../../src/engine";
import { parseWorkbook, TEMPLATE_SHEETS, type ParseResult } from "../../src/schema";
import { readXlsx } from "../../src/workbook/xlsxReader";
import { baseSheets, toWorkbook, type Rows } from "../schema/helpers";

async function parseFixture(name: string): Promise<ParseResult> {
  return parseWorkbook(await readXlsx(fs.readFileSync(path.join(__dirname, "..", "fixtures", "monitoring", name))));
}

const issuesOf = (r: ParseResult) => r.issues.map((i) => [i.code, i.sheet, i.cell]);

/** The base workbook with monitoring columns on `Школы` and, if given, `Мониторинг МО`. */
function workbook(extraHeaders: readonly string[], extraCells: readonly (readonly (string | number | null)[])[], monitoringSheet?: Rows) {
  const s = baseSheets();
  s.Школы = s.Школы.map((row, i) => [...row, ...(i === 0 ? extraHeaders : (extraCells[i - 1] ?? []))]);
  return toWorkbook({ ...s, ...(monitoringSheet === undefined ? {} : { "Мониторинг МО": monitoringSheet }) });
}

describe("Школы: optional monitoring columns", () => {
  it("reads them under Russian headers and English synonyms", () => {
    const r = parseWorkbook(workbook(["Педагогических работников", "Teachers with IOM", "Школа-куратор", "Weak pupils"], [[20, 5, "да", 7], [10, null, "нет", null]]));
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("\n"));
    expect(r.input.schools.map((s) => [s.teachers, s.teachersWithIom, s.hasCurator, s.weakPupils])).toEqual([
      [20, 5, true, 7],
      [10, null, false, null],
    ]);
  });

  it("leaves out the fields whose column is absent, so a missing column is told from an empty cell", () => {
    const r = parseWorkbook(workbook(["Педагогических работников"], [[20], [null]]));
    if (!r.ok) throw new Error("not ok");
    expect(r.input.schools[1]?.teachers).toBeNull();
    expect("teachersWithIom" in (r.input.schools[0] ?? {})).toBe(false);
    expect(r.input.municipalIndicators).toBeUndefined();
  });

  it.each([
    // [headers, cells of row 2, code, cell]
    [["Педагогических работников", "Педагогов с ИОМ"], [12, 13], "counts-inconsistent", "J2"],
    [["Слабоуспевающих и неуспевающих", "Слабоуспевающих на дополнительных занятиях"], [4, 5], "counts-inconsistent", "J2"],
    [["Педагогов с ИОМ"], [-1], "negative-value", "I2"],
    [["ШППКО"], ["возможно"], "not-a-boolean", "I2"],
  ] as const)("reports %j = %j as %s at Школы!%s", (headers, cells, code, cell) => {
    const r = parseWorkbook(workbook(headers, [cells]));
    expect(issuesOf(r)).toEqual([[code, "Школы", cell]]);
  });
});

describe("Мониторинг МО", () => {
  const header = ["Муниципалитет", "Показатель", "Год", "Значение"];

  it("reads municipality, indicator, an optional year and да/нет, an empty answer as no data", () => {
    const r = parseWorkbook(workbook([], [], [header, ["Город А", "Аналитическая справка", "2023/2024", "да"], ["Район Б", "Мониторинг ресурсов", null, null]]));
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("\n"));
    expect(r.input.municipalIndicators).toEqual([
      { municipality: "Город А", indicator: "Аналитическая справка", year: 2024, value: true, count: null },
      { municipality: "Район Б", indicator: "Мониторинг ресурсов", year: null, value: null, count: null },
    ]);
  });

  it("accepts English headers and sheet name", () => {
    const s = baseSheets();
    const r = parseWorkbook(toWorkbook({ ...s, "Municipal monitoring": [["Municipality", "Indicator", "Value"], ["Город А", "analyticalReport", "yes"]] }));
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("\n"));
    expect(r.input.municipalIndicators).toEqual([{ municipality: "Город А", indicator: "analyticalReport", year: null, value: true, count: null }]);
  });

  it.each([
    // [name, rows after the header, issues]
    ["a municipality not on Школы", [["Район В", "Аналитическая справка", 2024, "да"]], [["unknown-municipality", "Мониторинг МО", "A2"]]],
    [
      "the same answer twice, however spelled",
      [
        ["Город А", "Аналитическая справка", 2024, "да"],
        ["Город А", "analyticalReport", 2024, "нет"],
      ],
      [["duplicate-municipal-indicator", "Мониторинг МО", "B3"]],
    ],
    ["an indicator of the region's own", [["Город А", "Муниципальная программа", 2024, "да"]], [["unknown-indicator", "Мониторинг МО", "B2"]]],
    ["an answer that is not yes or no", [["Город А", "Аналитическая справка", 2024, "скорее да"]], [["not-a-boolean", "Мониторинг МО", "D2"]]],
    ["a missing indicator", [["Город А", null, 2024, "да"]], [["value-missing", "Мониторинг МО", "B2"]]],
  ] as const)("reports %s with its cell", (_name, rows, expected) => {
    const r = parseWorkbook(workbook([], [], [header, ...rows.map((x) => [...x])]));
    expect(issuesOf(r)).toEqual(expected);
  });

  it("does not require the sheet", () => {
    const r = parseWorkbook(toWorkbook(baseSheets()));
    expect(r.ok).toBe(true);
    expect(issuesOf(r).filter(([, sheet]) => sheet === "Мониторинг МО")).toEqual([]);
  });
});

describe("fixture workbooks", () => {
  it("reads monitoring.ok.xlsx and feeds the monitoring", async () => {
    const r = await parseFixture("monitoring.ok.xlsx");
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("\n"));
    expect(issuesOf(r)).toEqual([["academic-year", "Мониторинг МО", "C2"]]);
    expect(r.input.schools.map((s) => [s.id, s.teachers, s.teachersWithIom, s.hasQualityProgramme, s.risksRemoved])).toEqual([
      ["07013", 40, 10, true, null],
      ["7014", 12, 3, false, true],
      ["7015", 20, null, null, false],
    ]);
    const { monitoring } = monitor(r.input, PRESETS.kbr);
    const rayonB = monitoring.municipalities.find((m) => m.name === "Район Б");
    // Район Б, 2025: «Аналитическая справка» нет → 0; practicesDissemination (no year) да → 1; resources: empty answer.
    expect(rayonB?.indicators.filter((i) => i.unit === "score").map((i) => [i.id, i.value])).toEqual([
      ["analyticalReport", 0],
      ["practicesDissemination", 1],
      ["riskZoneResourceMonitoring", null],
    ]);
    // Seed 001 scoring: 19 indicators with §1.2.1's share, less the risk-zone share (no risk zone) = 18;
    // practicesDissemination scores, and §1.2.1: 1 ШНОР ∪ ШНСУ of Район Б's 2 schools = 50 % ≥ 50 %
    // (ИОМ 3 of 12 = 25 % and ШППКО 0 of 1 are below 50 %).
    expect(rayonB?.indicators[0]).toMatchObject({ id: "shnorShnsuShare", value: 0.5, target: 0.5, met: true, score: 1 });
    expect([rayonB?.score, rayonB?.scoreMax]).toEqual([2, 18]);
  });

  it("reports every mistake of monitoring.error.xlsx with its cell", async () => {
    const r = await parseFixture("monitoring.error.xlsx");
    expect(r.ok).toBe(false);
    expect(issuesOf(r)).toEqual([
      ["academic-year", "Мониторинг МО", "C2"],
      ["not-a-boolean", "Мониторинг МО", "D8"],
      ["counts-inconsistent", "Школы", "J3"],
      ["duplicate-municipal-indicator", "Мониторинг МО", "B6"],
      ["unknown-municipality", "Мониторинг МО", "A7"],
      ["unknown-indicator", "Мониторинг МО", "B8"],
    ]);
    expect(r.issues.find((i) => i.code === "counts-inconsistent")?.message).toBe("Школы!J3: «Педагогов с ИОМ» = 13 больше, чем «Педагогических работников» = 12");
    expect(r.issues.find((i) => i.code === "duplicate-municipal-indicator")?.message).toBe(
      "'Мониторинг МО'!B6: ответ Район Б, «аналитическая справка», 2025 год уже дан в строке 3",
    );
  });
});

describe("template", () => {
  it("adds the optional sheet Мониторинг МО with a да/нет list on the answer", () => {
    const sheet = TEMPLATE_SHEETS.find((s) => s.id === "municipalIndicators");
    expect(sheet?.required).toBe(false);
    expect(sheet?.columns.map((c) => [c.header, c.required, c.list])).toEqual([
      ["Муниципалитет", true, null],
      ["Показатель", true, null],
      ["Год", false, null],
      ["Значение", true, ["да", "нет"]],
      ["Количество", false, null],
    ]);
  });

  it("adds the monitoring columns to Школы after the SPEC's, optional, yes/no ones with a list", () => {
    const schools = TEMPLATE_SHEETS.find((s) => s.id === "schools");
    const headers = schools?.columns.map((c) => c.header) ?? [];
    expect(headers.slice(headers.indexOf("Участники олимпиад за 3 года, %") + 1)).toEqual([
      "Логин ФИС ОКО",
      "Педагогических работников",
      "Педагогов в диагностике профессиональных дефицитов",
      "Педагогов в диагностике предметных дефицитов",
      "Педагогов в диагностике методических дефицитов",
      "Педагогов в диагностике психолого-педагогических дефицитов",
      "Педагогов, получивших поддержку",
      "Педагогов в региональных сетевых объединениях",
      "Педагогов в региональном методическом активе",
      "Педагогов с ИОМ",
      "Участие в мероприятиях по качеству образования",
      "Школа-куратор",
      "ШППКО",
      "Система профилактики учебной неуспешности",
      "ИУП для слабоуспевающих",
      "Тьюторская поддержка",
      "Риски ликвидированы",
      "Дефицит кадров устранён",
      "Дефицит материальной базы устранён",
      "Слабоуспевающих и неуспевающих",
      "Слабоуспевающих с ИОМ",
      "Слабоуспевающих на дополнительных занятиях",
      "Участие в семинаре-совещании",
      "Обучение по адресным программам ДПО",
      "Участие в вебинарах",
      "Год",
    ]);
    expect(schools?.columns.find((c) => c.header === "ШППКО")).toMatchObject({ required: false, list: ["да", "нет"], type: "bool" });
  });
});

describe("Школы: optional «Год» (seed 001 §1.2.5 year on year)", () => {
  /** The base «Школы» with «Год», internet, computers, vacancies, plus extra rows. */
  function yearWorkbook(rows: (string | number | null)[][]) {
    const s = baseSheets();
    const header = [...(s.Школы[0] ?? []), "Год", "Устойчивый интернет", "Компьютеров на 100 обучающихся", "Вакансии педагогов"];
    return toWorkbook({ ...s, Школы: [header, ...rows] });
  }
  const A = ["07013", "СОШ № 1", "Город А", "город", 500, 30, 10, 5];
  const B = [7014, "ООШ с. Б", "Район Б", "село", 80, 10, 25, 8];

  it("gives the identification the latest year's rows and the earlier ones to earlierSchools", () => {
    const r = parseWorkbook(yearWorkbook([[...A, 2025, "да", 12, 0], [...B, 2025, "нет", 5, 2], [...A, 2024, "нет", 5, 2]]));
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("\n"));
    expect(r.input.schools.map((s) => [s.id, s.stableInternet, "year" in s])).toEqual([
      ["07013", true, false],
      ["7014", false, false],
    ]);
    expect(r.input.earlierSchools?.map((s) => [s.id, s.year, s.stableInternet, s.computersPer100, s.teacherVacancies])).toEqual([["07013", 2024, false, 5, 2]]);
  });

  it("has no earlierSchools without the column", () => {
    const r = parseWorkbook(toWorkbook(baseSheets()));
    if (!r.ok) throw new Error("not ok");
    expect(r.input.earlierSchools).toBeUndefined();
    expect("year" in (r.input.schools[0] ?? {})).toBe(false);
  });

  it("reports a school repeated within one year at its code's cell, and not one repeated in another year", () => {
    const r = parseWorkbook(yearWorkbook([[...A, 2025, "да", 12, 0], [...B, 2025, "нет", 5, 2], [...A, 2024, "нет", 5, 2], [...A, 2025, "да", 12, 0]]));
    expect(issuesOf(r)).toEqual([["duplicate-school-id", "Школы", "A5"]]);
    expect(r.issues[0]?.message).toContain("уже встречался в строке 2");
  });
});
