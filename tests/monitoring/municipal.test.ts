import { monitor, PRESETS, type IndicatorValue, type MunicipalMonitoring } from "../../src/engine";
import { threeYearRegion } from "./region";

const { monitoring } = monitor(threeYearRegion(), PRESETS.kbr);

function municipality(name: string): MunicipalMonitoring {
  const m = monitoring.municipalities.find((x) => x.name === name);
  if (m === undefined) throw new Error(`no ${name}`);
  return m;
}

function indicator(name: string, id: string): IndicatorValue {
  const i = municipality(name).indicators.find((x) => x.id === id);
  if (i === undefined) throw new Error(`no ${id}`);
  return i;
}

describe("monitor: municipal counts (seed 001 §1.2.1)", () => {
  it("describes the latest year", () => {
    expect(monitoring.year).toBe(2025);
  });

  it.each([
    // 2025: Район А — ШНСУ S01–S03, risk zone S04, S05; Район Б — ШНОР S09.
    ["Район А", 5, 0, 3, 3, 0.6, 2],
    ["Район Б", 5, 1, 0, 1, 0.2, 0],
  ])("counts %s", (name, schools, shnor, shnsu, either, share, riskZone) => {
    expect(municipality(name)).toMatchObject({ schools, shnor, shnsu, shnorOrShnsu: either, share, riskZone });
    expect(indicator(name, "shnorShnsuShare")).toMatchObject({ value: share, numerator: either, denominator: schools, unit: "share", status: "ok" });
  });
});

describe("monitor: shares n ÷ m of seed 001 from the Школы columns", () => {
  it.each([
    // [municipality, indicator, value, numerator, denominator, note]
    // teachers with ИОМ over ШНОР ∪ ШНСУ (S01–S03): (5 + 5) ÷ (20 + 10); S03's cell is empty; S04 is not in the group.
    ["Район А", "teachersWithIom", 1 / 3, 10, 30, "10 из 30 педагогов; 33,3 %; нет данных у 1 школы"],
    // curators: S01 да, S02 нет, S03 empty.
    ["Район А", "schoolsWithCurator", 0.5, 1, 2, "1 из 2 школ; 50,0 %; нет данных у 1 школы"],
    // failure prevention over all five schools: S01–S04 да, S05 нет.
    ["Район А", "schoolsWithFailurePrevention", 0.8, 4, 5, "4 из 5 школ; 80,0 %"],
    // risks removed over the risk zone (S04 да, S05 нет).
    ["Район А", "riskZoneRisksRemoved", 0.5, 1, 2, "1 из 2 школ; 50,0 %"],
  ])("gives %s's %s", (name, id, value, numerator, denominator, note) => {
    const i = indicator(name, id);
    expect(i.value).toBeCloseTo(value, 12);
    expect(i).toMatchObject({ numerator, denominator, status: "ok", missing: [], note, year: 2025 });
  });

  it.each([
    // [municipality, indicator, status, missing, note]
    ["Район Б", "teachersWithIom", "noData", ["Школы: «Педагогов с ИОМ»", "Школы: «Педагогических работников»"], "пустые ячейки у 1 школы среди ШНОР и ШНСУ муниципалитета"],
    ["Район А", "teachersSupported", "noData", ["Школы: «Педагогов, получивших поддержку»", "Школы: «Педагогических работников»"], "нет столбца «Педагогов, получивших поддержку» на листе «Школы»"],
    ["Район А", "schoolsWithTutoring", "noData", ["Школы: «Тьюторская поддержка»"], "нет столбца «Тьюторская поддержка» на листе «Школы»"],
    ["Район Б", "riskZoneRisksRemoved", "notApplicable", [], "нет школ зоны риска в муниципалитете"],
  ])("gives no value for %s's %s and names the columns", (name, id, status, missing, note) => {
    expect(indicator(name, id)).toMatchObject({ value: null, numerator: null, denominator: null, status, missing, note });
  });
});

describe("monitor: yes/no indicators of «Мониторинг МО» scored 1 / 0", () => {
  it.each([
    // [municipality, indicator, value, status, note]
    ["Район А", "analyticalReport", 1, "ok", "да — 1 балл"], // the 2025 row wins over the 2024 one
    ["Район Б", "analyticalReport", 0, "ok", "нет — 0 баллов"], // a row without a year, matched by name
    ["Район Б", "practicesDissemination", null, "noData", "есть ответ только за 2024"],
    ["Район А", "riskZoneResourceMonitoring", null, "noData", "нет строки на листе «Мониторинг МО»"],
    ["Район А", "custom:наличие муниципальной программы", 1, "ok", "да — 1 балл"],
    ["Район Б", "custom:наличие муниципальной программы", null, "noData", "нет строки на листе «Мониторинг МО»"],
  ])("gives %s's %s", (name, id, value, status, note) => {
    expect(indicator(name, id)).toMatchObject({ value, status, note, unit: "score" });
  });

  it("names the sheet and the indicator that would give a missing answer", () => {
    expect(indicator("Район А", "riskZoneResourceMonitoring").missing).toEqual([
      "Мониторинг МО: «Наличие в муниципалитете мониторинга ресурсов в школах, функционирующих в зоне риска снижения образовательных результатов»",
    ]);
  });

  it.each([
    // four yes/no indicators: three of seed 001 and the region's own.
    ["Район А", 2, 4],
    ["Район Б", 0, 4],
  ])("sums %s's score", (name, score, scoreMax) => {
    expect(municipality(name)).toMatchObject({ score, scoreMax });
  });

  it("lists seed 001's indicators in its order, then the region's own", () => {
    expect(municipality("Район А").indicators.map((i) => i.id)).toEqual([
      "shnorShnsuShare",
      "analyticalReport",
      "teachersDiagnosed",
      "teachersSupported",
      "teachersInNetworks",
      "teachersInMethodicalActive",
      "teachersWithIom",
      "schoolsInQualityEvents",
      "schoolsWithCurator",
      "schoolsWithQualityProgramme",
      "schoolsWithFailurePrevention",
      "schoolsWithIndividualCurricula",
      "schoolsWithTutoring",
      "practicesDissemination",
      "riskZoneResourceMonitoring",
      "riskZoneRisksRemoved",
      "custom:наличие муниципальной программы",
    ]);
  });

  it("gives the same result whatever the order of the sheet's rows", () => {
    const input = threeYearRegion();
    const reversed = monitor({ ...input, municipalIndicators: [...(input.municipalIndicators ?? [])].reverse(), schools: [...input.schools].reverse() }, PRESETS.kbr);
    expect(JSON.stringify(reversed.monitoring)).toBe(JSON.stringify(monitoring));
  });
});
