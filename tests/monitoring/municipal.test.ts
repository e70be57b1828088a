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
    // [municipality, indicator, value, numerator, denominator, unanswered, score (level 50 %), note]
    // teachers with ИОМ over ШНОР ∪ ШНСУ (S01–S03): (5 + 5 + 0) ÷ (20 + 10 + 30); S03's empty cell counts as «нет»; S04 is not in the group.
    ["Район А", "teachersWithIom", 1 / 6, 10, 60, 1, 0, "10 из 60 педагогов; 16,7 %; без ответа 1 школа (считается «нет»); 0 баллов"],
    // curators: S01 да, S02 нет, S03 empty → 1 of all 3 schools.
    ["Район А", "schoolsWithCurator", 1 / 3, 1, 3, 1, 0, "1 из 3 школ; 33,3 %; без ответа 1 школа (считается «нет»); 0 баллов"],
    // failure prevention over all five schools: S01–S04 да, S05 нет.
    ["Район А", "schoolsWithFailurePrevention", 0.8, 4, 5, 0, 1, "4 из 5 школ; 80,0 %; 1 балл"],
    // risks removed over the risk zone (S04 да, S05 нет): exactly the level → 1.
    ["Район А", "riskZoneRisksRemoved", 0.5, 1, 2, 0, 1, "1 из 2 школ; 50,0 %; 1 балл"],
  ])("gives %s's %s", (name, id, value, numerator, denominator, unanswered, score, note) => {
    const i = indicator(name, id);
    expect(i.value).toBeCloseTo(value, 12);
    expect(i).toMatchObject({ numerator, denominator, unanswered, score, target: 0.5, comparison: "atLeast", met: score === 1, status: "ok", missing: [], note, year: 2025 });
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
    // Seed 001 scoring over 20 indicators (§1.2.1's share included, with the region's own):
    // Район А: ШНОР ∪ ШНСУ 3 of 5 = 60 % ≥ 50 % → 1, analyticalReport 1, own programme 1, failure
    // prevention 80 % → 1, risks removed 50 % → 1; ИОМ 16,7 % and curators 33,3 % → 0; the rest have no data → 0.
    // Район Б: no risk zone, so 19; ШНОР ∪ ШНСУ 1 of 5 = 20 % → 0, analyticalReport «нет» and nothing else answered → 0.
    ["Район А", 5, 20],
    ["Район Б", 0, 19],
  ])("sums %s's score", (name, score, scoreMax) => {
    expect(municipality(name)).toMatchObject({ score, scoreMax });
  });

  it("lists seed 001's indicators in its order, then the region's own", () => {
    expect(municipality("Район А").indicators.map((i) => i.id)).toEqual([
      "shnorShnsuShare",
      "analyticalReport",
      "teachersDiagnosed",
      "teachersDiagnosedSubject",
      "teachersDiagnosedMethodical",
      "teachersDiagnosedPsychological",
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
