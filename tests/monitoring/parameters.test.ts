import { PARAMETER_LABELS, PRESET_IDS, PRESETS, resolveMethodology, SEED_002_TARGETS } from "../../src/engine";

describe("monitoring parameters", () => {
  it.each(PRESET_IDS.map((id) => [id] as const))("are in the %s preset with their defaults", (id) => {
    expect(PRESETS[id].parameters).toMatchObject({
      dynamicsTargetPoints: 3,
      dynamicsMode: "points",
      dynamicsCohort: "previousYear",
      stableShnorYears: 2,
      monitoringTargets: SEED_002_TARGETS,
    });
  });

  it("carry seed 002's targets: 2021, then yearly from 2022", () => {
    // №1: 6 named indicators present, №4 100 %, №5 ≥ 30 %, №6 ≥ 10 %, №7 100 %, №8: 6 communities;
    // №9 ≤ 15 % / 10 %, №10 ≤ 20 % / 15 %, №11–12 ≥ 5 %, №15 ≥ 90 % / 100 %, №16–17 ≥ 70 % / 95 %.
    expect(Object.fromEntries(Object.entries(SEED_002_TARGETS).map(([k, steps]) => [k, steps.map((s) => `${s.fromYear}:${s.value}`)]))).toEqual({
      "1": ["2021:6"],
      "4": ["2021:1"],
      "5": ["2021:0.3"],
      "6": ["2021:0.1"],
      "7": ["2021:1"],
      "8": ["2021:6"],
      "9": ["2021:0.15", "2022:0.1"],
      "10": ["2021:0.2", "2022:0.15"],
      "11": ["2021:0.05"],
      "12": ["2021:0.05"],
      "15": ["2021:0.9", "2022:1"],
      "16": ["2021:0.7", "2022:0.95"],
      "17": ["2021:0.7", "2022:0.95"],
    });
  });

  it("have Russian labels", () => {
    for (const key of ["dynamicsTargetPoints", "dynamicsMode", "dynamicsCohort", "stableShnorYears", "monitoringTargets"] as const) {
      expect(PARAMETER_LABELS[key]).toMatch(/^Мониторинг: /u);
    }
  });

  it.each([
    ["dynamicsMode", "percent", "Параметр «dynamicsMode»: ожидалось points или relative"],
    ["dynamicsCohort", "all", "Параметр «dynamicsCohort»: ожидалось previousYear или latestYear"],
    ["stableShnorYears", 0, "Параметр «stableShnorYears»: ожидалось целое число не меньше 1"],
    ["stableShnorYears", 1.5, "Параметр «stableShnorYears»: ожидалось целое число не меньше 1"],
    ["dynamicsTargetPoints", -1, "Параметр «dynamicsTargetPoints»: ожидалось неотрицательное число"],
    ["monitoringTargets", { "9": [] }, expect.stringContaining("Параметр «monitoringTargets»")],
    ["monitoringTargets", { "9": [{ fromYear: 2021, value: 15 }] }, expect.stringContaining("со значениями от 0 до 1")],
    ["monitoringTargets", [], expect.stringContaining("Параметр «monitoringTargets»")],
  ])("reject %s = %j", (key, value, message) => {
    const r = resolveMethodology("kbr", { [key]: value });
    expect(r.ok ? [] : r.errors).toEqual([message]);
  });

  it("accept valid overrides", () => {
    const r = resolveMethodology("stavropol", {
      dynamicsTargetPoints: 5,
      dynamicsMode: "relative",
      dynamicsCohort: "latestYear",
      stableShnorYears: 3,
      monitoringTargets: { "9": [{ fromYear: 2024, value: 0.05 }] },
    });
    expect(r.ok && r.value.parameters.monitoringTargets).toEqual({ "9": [{ fromYear: 2024, value: 0.05 }] });
  });
});
