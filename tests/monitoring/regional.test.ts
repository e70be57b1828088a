import { monitor, PRESETS, resolveMethodology, type IndicatorValue } from "../../src/engine";
import { threeYearRegion } from "./region";

// Seed 002's targets come with every preset; КБР's risk zone (vacancies, equipment) gives S04, S05.
const { monitoring } = monitor(threeYearRegion(), PRESETS.kbr);

function regional(id: string, year: number | null = 2025): IndicatorValue {
  const i = monitoring.region.find((x) => x.id === id && x.year === year);
  if (i === undefined) throw new Error(`no ${id} ${year}`);
  return i;
}

describe("monitor: seed 002 dynamics of ШНОР ∪ ШНСУ and of the risk zone (№2, 3, 13, 14)", () => {
  it.each([
    // [id, year, fromValue, toValue, met]
    // №2, 2023 → 2024, ШНОР ∪ ШНСУ of 2023 = S01–S03: (0 + 1 + 2) / 60 both years → 0, not met.
    ["lowIndexDynamics", 2024, 0.05, 0.05, false],
    // №2, 2024 → 2025, cohort of 2024 = S01–S03, S09, S10: 27/100 → (18 ВПР + 0 ОГЭ)/120 = 0.15: −12 points, met.
    ["lowIndexDynamics", 2025, 0.27, 0.15, true],
    // №3: mass 40/100 → (45 + 11)/120.
    ["massIndexDynamics", 2025, 0.4, 56 / 120, true],
    // №13, risk zone of 2024 = S04, S05: (3 + 4)/40 → (1 + 2)/40: −10 points, met.
    ["riskZoneLowIndexDynamics", 2025, 0.175, 0.075, true],
    ["riskZoneLowIndexDynamics", 2024, 0.175, 0.175, false],
    // №14: 0.40 → 0.45.
    ["riskZoneMassIndexDynamics", 2025, 0.4, 0.45, true],
  ] as const)("gives %s for %i", (id, year, fromValue, toValue, met) => {
    const i = regional(id, year);
    expect(i.fromYear).toBe(year - 1);
    expect(i.fromValue).toBeCloseTo(fromValue, 12);
    expect(i.toValue).toBeCloseTo(toValue, 12);
    expect(i.value).toBeCloseTo(toValue - fromValue, 12);
    expect([i.unit, i.target, i.comparison, i.met, i.status]).toEqual([
      "indexPoints",
      id.includes("Low") || id.startsWith("low") ? -0.03 : 0.03,
      id.includes("Low") || id.startsWith("low") ? "atMost" : "atLeast",
      met,
      "ok",
    ]);
  });

  it("has nothing to follow where the preset puts no school in the risk zone", () => {
    // Ставрополь reads staff and equipment through its indices' P25; here none is below it.
    const stavropol = monitor(threeYearRegion(), PRESETS.stavropol).monitoring;
    expect(stavropol.region.find((i) => i.id === "riskZoneLowIndexDynamics" && i.year === 2025)).toMatchObject({
      status: "notApplicable",
      value: null,
      fromYear: 2024,
      note: "нет школ зоны риска по выявлению 2024 года",
    });
  });

  it("explains the value in words", () => {
    expect(regional("lowIndexDynamics").note).toBe("все процедуры вместе (сводно): 27,0 % → 15,0 %: −12,0 п.п.; 5 школ (ШНОР и ШНСУ по выявлению 2024 года)");
  });

  it("follows the latest year's schools when the cohort is latestYear", () => {
    // Cohort of 2025 = S01–S03 and S09: 2024 (0 + 1 + 2 + 12)/80 = 0.1875 → 2025 15/100 = 0.15: −3.75 points.
    const r = resolveMethodology("kbr", { dynamicsCohort: "latestYear" });
    if (!r.ok) throw new Error(r.errors.join());
    const i = monitor(threeYearRegion(), r.value).monitoring.region.find((x) => x.id === "lowIndexDynamics" && x.year === 2025);
    expect(i?.fromValue).toBeCloseTo(0.1875, 12);
    expect(i?.toValue).toBeCloseTo(0.15, 12);
    expect(i?.met).toBe(true);
  });

  it("needs two years of results", () => {
    const input = threeYearRegion();
    const one = monitor({ ...input, results: input.results.filter((r) => r.year === 2025) }, PRESETS.kbr);
    expect(one.monitoring.region.filter((i) => i.id === "lowIndexDynamics")).toEqual([
      expect.objectContaining({ year: 2025, status: "noData", value: null, met: null, missing: ["Результаты или Баллы: результаты не менее чем за два года"] }),
    ]);
  });
});

describe("monitor: seed 002 shares with their targets for the year (№9–12, 15–17)", () => {
  it.each([
    // [№, id, value, numerator, denominator, target 2025, met]
    // №9: vacancies known at S04, S05, S06; S04 and S05 have 2 > 0 → 2/3 against «не более 10 %».
    [9, "teacherDeficitShare", 2 / 3, 2, 3, 0.1, false],
    // №10: S04, S05 without internet, S06 with internet and 15 computers → 2/3 against «не более 15 %».
    [10, "equipmentDeficitShare", 2 / 3, 2, 3, 0.15, false],
    // №15: S01–S04 да, S05 нет → 4/5 against «не менее 100 %».
    [15, "failurePreventionShare", 0.8, 4, 5, 1, false],
    // №16: (8 + 10) / (10 + 10) = 0.9 against «не менее 95 %».
    [16, "weakPupilsWithIomShare", 0.9, 18, 20, 0.95, false],
    // №17: only S01 gives both counts: 10/10 against «не менее 95 %».
    [17, "weakPupilsInExtraClassesShare", 1, 10, 10, 0.95, true],
  ])("gives №%i %s", (number, id, value, numerator, denominator, target, met) => {
    const i = regional(id);
    expect(i.source).toBe(`002 №${number}`);
    expect(i.value).toBeCloseTo(value, 12);
    expect([i.numerator, i.denominator, i.target, i.met, i.unit]).toEqual([numerator, denominator, target, met, "share"]);
  });

  it.each([
    [11, "teacherDeficitResolvedShare", ["Школы: «Дефицит кадров устранён»"], 0.05],
    [12, "equipmentDeficitResolvedShare", ["Школы: «Дефицит материальной базы устранён»"], 0.05],
  ])("gives no value for №%i %s and names the column", (_n, id, missing, target) => {
    expect(regional(id)).toMatchObject({ status: "noData", value: null, met: null, missing, target, comparison: "atLeast" });
  });

  it("lists the indicators in the seed's order, the dynamics pooled first then per procedure unit", () => {
    const pair = (n: number, year: number, units: readonly string[]) => [`002 №${n} ${year} сводно`, ...units.map((u) => `002 №${n} ${year} ${u}`)];
    const both = ["ВПР 5 кл.", "ОГЭ 9 кл."];
    expect(monitoring.region.map((i) => `${i.source} ${i.year ?? ""}${i.name.endsWith("(сводно)") ? " сводно" : i.name.includes(" — ") ? ` ${i.name.split(" — ").pop() ?? ""}` : ""}`)).toEqual([
      "002 №1 2025",
      ...pair(2, 2024, both),
      ...pair(2, 2025, both),
      ...pair(3, 2024, both),
      ...pair(3, 2025, both),
      "002 №4 2025",
      "002 №5 2025",
      "002 №6 2025",
      "002 №7 2025",
      "002 №8 2025",
      "002 №9 2025",
      "002 №10 2025",
      "002 №11 2025",
      "002 №12 2025",
      ...pair(13, 2024, ["ВПР 5 кл."]),
      ...pair(13, 2025, ["ВПР 5 кл."]),
      ...pair(14, 2024, ["ВПР 5 кл."]),
      ...pair(14, 2025, ["ВПР 5 кл."]),
      "002 №15 2025",
      "002 №16 2025",
      "002 №17 2025",
    ]);
  });

  it("reports each procedure unit apart: a unit not evaluated in one year is not progress", () => {
    const lines = monitoring.region.filter((i) => i.id === "lowIndexDynamics" && i.year === 2025);
    // ВПР 5 кл. of the 2024 cohort S01–S03, S09, S10: 27/100 → (0 + 1 + 2 + 12 + 3)/100 = 0.18, −9 points.
    const vpr = lines.find((i) => i.name.endsWith("ВПР 5 кл."));
    expect([vpr?.status, vpr?.fromValue, vpr?.target, vpr?.met]).toEqual(["ok", 0.27, -0.03, true]);
    expect(vpr?.toValue).toBeCloseTo(0.18, 12);
    expect(vpr?.value).toBeCloseTo(-0.09, 12);
    // ОГЭ 9 кл.: S01 had 5 participants in 2024 (not evaluated) — no change, not "progress".
    const oge = lines.find((i) => i.name.endsWith("ОГЭ 9 кл."));
    expect([oge?.status, oge?.value, oge?.met]).toEqual(["notApplicable", null, null]);
    expect(oge?.note).toBe("ОГЭ 9 кл.: нет оценённых (объективных) результатов в 2024 году — изменение не считается; 5 школ (ШНОР и ШНСУ по выявлению 2024 года)");
    // The pooled line stays, marked as pooled.
    expect(lines[0]?.name).toBe("Динамика индекса низких результатов по процедурам оценки качества образования (ШНОР и ШНСУ) — все процедуры вместе (сводно)");
  });

  it("takes the 2021 target for 2021 and the yearly one from 2022", () => {
    const input = threeYearRegion();
    const shifted = { ...input, results: input.results.map((r) => ({ ...r, year: r.year - 4 })) };
    const m = monitor(shifted, PRESETS.kbr).monitoring;
    // Years 2019–2021: the latest is 2021, so №9's target is 15 %.
    expect(m.region.find((i) => i.id === "teacherDeficitShare")?.target).toBe(0.15);
  });
});
